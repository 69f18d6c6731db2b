package io.waymark.platform.messaging.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waymark.platform.messaging.provider.SmsRoutingProperties.Resilience;
import io.waymark.platform.messaging.provider.SmsRoutingProperties.Route;
import io.waymark.platform.messaging.provider.SmsRoutingProperties.SenderType;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Routes per brand and country, their validation, and the segment count their rate limits use. */
class SmsRoutingTests {

  record FakeProvider(String name) implements SmsProvider {
    @Override
    public String send(OutboundSms sms) {
      return name + "-1";
    }

    @Override
    public Optional<String> findSent(OutboundSms sms) {
      return Optional.empty();
    }
  }

  /** Cannot look messages up, like Telnyx, and is down. */
  static final class BlindProvider implements SmsProvider {
    int calls;

    @Override
    public String name() {
      return "telnyx";
    }

    @Override
    public String send(OutboundSms sms) {
      calls++;
      throw new SmsProviderException(SmsProviderException.Kind.RETRYABLE, "telnyx", null, "HTTP 503");
    }

    @Override
    public Optional<String> findSent(OutboundSms sms) {
      return Optional.empty();
    }

    @Override
    public boolean canLookUp() {
      return false;
    }
  }

  @Test
  void neverFailsOverFromAnUnconfirmedProviderThatCannotLookUp() {
    BlindProvider telnyx = new BlindProvider();
    SmsRouter router = new SmsRouter(List.of(telnyx, new FakeProvider("twilio")), new SmsRoutingProperties(
        List.of(route("*", "*", SenderType.SHORT_CODE, "telnyx", "twilio")), Resilience.defaults()));
    OutboundSms sms = new OutboundSms("+12065550100", null, "Hi", "k2", null, null);

    assertThatThrownBy(() -> router.send("default", sms, "telnyx")).isInstanceOf(SmsProviderException.class);
    assertThat(telnyx.calls).isEqualTo(3);
    assertThat(router.send("default", sms, null)).isEqualTo(new SmsRouter.Sent("twilio", "twilio-1"));
  }

  private static Route route(String brand, String country, SenderType type, String... providers) {
    return new Route(brand, country, type, "+15005550006", List.of(providers), null);
  }

  @Test
  void picksTheBrandsCountryRouteBeforeTheCatchAll() {
    SmsRouter router = new SmsRouter(List.of(new FakeProvider("twilio"), new FakeProvider("telnyx")),
        new SmsRoutingProperties(List.of(route("acme", "GB", SenderType.ALPHANUMERIC, "telnyx"),
            route("*", "*", SenderType.LONG_CODE, "twilio")), Resilience.defaults()));

    assertThat(router.route("acme", "+447400123456").providers()).containsExactly("telnyx");
    assertThat(router.route("other", "+447400123456").providers()).containsExactly("twilio");
    assertThat(router.route("acme", "+12065550100").providers()).containsExactly("twilio");
  }

  @Test
  void sendsThroughTheSandboxWhenNoRealProviderIsConfigured() {
    SmsRouter router = new SmsRouter(List.of(new FakeProvider("sandbox")),
        new SmsRoutingProperties(null, Resilience.defaults()));

    assertThat(router.send("default", new OutboundSms("+12065550100", null, "Hi", "k1", null, null), null))
        .isEqualTo(new SmsRouter.Sent("sandbox", "sandbox-1"));
  }

  @Test
  void givesEachSenderTypeItsDefaultThroughput() {
    assertThat(route("*", "US", SenderType.LONG_CODE, "twilio").throughput()).isEqualTo(1);
    assertThat(route("*", "US", SenderType.TOLL_FREE, "twilio").throughput()).isEqualTo(3);
    assertThat(route("*", "US", SenderType.SHORT_CODE, "twilio").throughput()).isEqualTo(100);
  }

  @Test
  void rejectsAnAlphanumericSenderWhereItIsNotAllowedNamingTheField() {
    assertThatThrownBy(() -> new SmsRoutingProperties(List.of(route("acme", "GB", SenderType.ALPHANUMERIC, "twilio"),
        route("acme", "US", SenderType.ALPHANUMERIC, "twilio")), Resilience.defaults()))
        .hasMessageStartingWith("waymark.sms.routes[1].type:");
  }

  @Test
  void rejectsARouteWithoutProvidersNamingTheField() {
    assertThatThrownBy(() -> new SmsRoutingProperties(List.of(new Route("acme", "US", SenderType.LONG_CODE, null,
        List.of(), null)), Resilience.defaults()))
        .hasMessageStartingWith("waymark.sms.routes[0].providers:");
  }

  @Test
  void rejectsARouteThroughAProviderThatIsNotEnabled() {
    assertThatThrownBy(() -> new SmsRouter(List.of(new FakeProvider("sandbox")), new SmsRoutingProperties(
        List.of(route("*", "*", SenderType.LONG_CODE, "twilio")), Resilience.defaults())))
        .hasMessageStartingWith("waymark.sms.routes[0].providers: 'twilio' is not an enabled provider");
  }
}
