package io.waymark.platform.template;

import static io.waymark.platform.template.TemplateFixtures.contact;
import static io.waymark.platform.template.TemplateFixtures.email;
import static io.waymark.platform.template.TemplateFixtures.key;
import static io.waymark.platform.template.TemplateFixtures.sms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The template lifecycle and rendering, through the facade on H2. */
@SpringBootTest
class MessageTemplatesTests {

  @Autowired MessageTemplates templates;

  @Test
  void createsVersionOneAsADraft() {
    String key = key("create");
    TemplateView created = templates.create(sms(key, "transactional", "Your order {order.number} has shipped."));

    assertThat(created.name()).isEqualTo(key);
    assertThat(created.brand()).isEqualTo("default");
    assertThat(created.approvedVersion()).isNull();
    assertThat(created.versions()).singleElement().satisfies(v -> {
      assertThat(v.version()).isEqualTo(1);
      assertThat(v.status()).isEqualTo(TemplateStatus.DRAFT);
      assertThat(v.maxSegments()).isEqualTo(3);
      assertThat(v.tokens()).containsExactly("order.number");
      assertThat(v.sampleBody()).isEqualTo("Your order NW-10043217 has shipped.");
      assertThat(v.analysis().segments()).isEqualTo(1);
      assertThat(v.analysis().characters()).isEqualTo(35);
    });
  }

  @Test
  void approvingASecondVersionRetiresTheFirst() {
    String key = key("approve");
    templates.create(sms(key, "transactional", "Your order {order.number} has shipped."));
    VersionView first = templates.approve(key, 1, "pat@example.com");
    assertThat(first.status()).isEqualTo(TemplateStatus.APPROVED);
    assertThat(first.approvedBy()).isEqualTo("pat@example.com");
    assertThat(first.approvedAt()).isNotNull();

    VersionView second = templates.draft(key, DraftContent.sms("Order {order.number} is on its way."));
    assertThat(second.version()).isEqualTo(2);
    assertThat(second.status()).isEqualTo(TemplateStatus.DRAFT);
    assertThat(templates.render(key, null, null, Map.of("order", Map.of("number", "A-1"))).body())
        .isEqualTo("Your order A-1 has shipped.");

    templates.approve(key, 2, "sam@example.com");

    TemplateView view = templates.find(key).orElseThrow();
    assertThat(view.approvedVersion()).isEqualTo(2);
    assertThat(view.versions()).extracting(VersionView::version, VersionView::status, VersionView::retiredBy)
        .containsExactly(tuple(1, TemplateStatus.RETIRED, "sam@example.com"),
            tuple(2, TemplateStatus.APPROVED, null));
    RenderedMessage message = templates.render(key, null, null, Map.of("order", Map.of("number", "A-1")));
    assertThat(message.version()).isEqualTo(2);
    assertThat(message.body()).isEqualTo("Order A-1 is on its way.");
    assertThat(templates.render(key, 2, null, Map.of("order.number", "A-2")).body())
        .isEqualTo("Order A-2 is on its way.");
    assertThatThrownBy(() -> templates.render(key, 1, null, Map.of("order.number", "A-1")))
        .isInstanceOf(TemplateNotSendableException.class)
        .hasMessage("template '" + key + "' version 1 cannot be sent: it is RETIRED and only an approved version "
            + "can be sent");
  }

  @Test
  void sendsOnlyApprovedVersions() {
    String key = key("sendable");
    templates.create(sms(key, "alert", "Your appointment is at {appointment.time}."));

    assertThat(templates.isSendable(key, Channel.SMS)).isFalse();
    assertThatThrownBy(() -> templates.render(key, null, null, Map.of()))
        .isInstanceOf(TemplateNotSendableException.class)
        .hasMessage("template '" + key + "' cannot be sent: it has no approved version (v1 DRAFT)");
    assertThatThrownBy(() -> templates.render(key, 1, null, Map.of()))
        .hasMessage("template '" + key + "' version 1 cannot be sent: it is DRAFT and only an approved version can "
            + "be sent");

    templates.approve(key, 1, "pat");

    assertThat(templates.isSendable(key, Channel.SMS)).isTrue();
    assertThat(templates.isSendable(key, Channel.EMAIL)).isFalse();
    assertThat(templates.isSendable("test.no-such-key", Channel.SMS)).isFalse();
    assertThatThrownBy(() -> templates.render(key, 7, null, Map.of()))
        .isInstanceOf(TemplateNotSendableException.class)
        .hasMessage("template '" + key + "' version 7 cannot be sent: it has no such version (v1 APPROVED)");
    assertThatThrownBy(() -> templates.render("test.no-such-key", null, null, Map.of()))
        .isInstanceOf(TemplateNotSendableException.class)
        .hasMessage("template 'test.no-such-key' cannot be sent: no template has this key");
  }

  @Test
  void editsOnlyDrafts() {
    String key = key("edit");
    templates.create(sms(key, "transactional", "Order {order.number} shipped."));
    VersionView edited = templates.updateDraft(key, 1, DraftContent.sms("Order {order.number} has shipped!"));
    assertThat(edited.body()).isEqualTo("Order {order.number} has shipped!");
    templates.approve(key, 1, "pat");

    assertThatThrownBy(() -> templates.updateDraft(key, 1, DraftContent.sms("Changed")))
        .isInstanceOf(TemplateStateException.class)
        .hasMessage("template '" + key + "' version 1 is APPROVED: only a DRAFT can be edited; create a new draft "
            + "(POST .../versions) instead");
    assertThatThrownBy(() -> templates.approve(key, 1, "pat"))
        .isInstanceOf(TemplateStateException.class)
        .hasMessage("template '" + key + "' version 1 is APPROVED: only a DRAFT can be approved");
    assertThat(templates.find(key).orElseThrow().versions().getFirst().body())
        .isEqualTo("Order {order.number} has shipped!");
  }

  @Test
  void retiresTheApprovedVersionLeavingNothingToSend() {
    String key = key("retire");
    templates.create(sms(key, "transactional", "Order {order.number} shipped."));
    templates.approve(key, 1, "pat");

    VersionView retired = templates.retire(key, 1, "kim");

    assertThat(retired.status()).isEqualTo(TemplateStatus.RETIRED);
    assertThat(retired.retiredBy()).isEqualTo("kim");
    assertThat(retired.retiredAt()).isNotNull();
    assertThat(templates.isSendable(key, Channel.SMS)).isFalse();
    assertThat(templates.find(key).orElseThrow().approvedVersion()).isNull();
    assertThatThrownBy(() -> templates.retire(key, 1, "kim")).isInstanceOf(TemplateStateException.class)
        .hasMessage("template '" + key + "' version 1 is retired already");
  }

  @Test
  void namesAnUnknownKeyOrVersion() {
    assertThatThrownBy(() -> templates.draft("test.unknown", DraftContent.sms("x")))
        .isInstanceOf(UnknownTemplateException.class).hasMessage("template 'test.unknown' does not exist");
    String key = key("unknown-version");
    templates.create(sms(key, "transactional", "Order {order.number} shipped."));
    assertThatThrownBy(() -> templates.approve(key, 3, "pat"))
        .isInstanceOf(UnknownTemplateException.class).hasMessage("template '" + key + "' has no version 3");
  }

  @Test
  void fillsOptionalTokensWithTheirFallbackAndContactFieldsFromTheContact() {
    String key = key("fallback");
    templates.create(sms(key, "transactional", "Hi {firstName|there}, {cart.itemName|your items} for {brand.name|us}"
        + " ({attributes.plan|member}): {cart.url}"));
    templates.approve(key, 1, "pat");

    assertThat(templates.render(key, null, null, Map.of("cart", Map.of("url", "https://s.example/c/1"))).body())
        .isEqualTo("Hi there, your items for us (member): https://s.example/c/1");
    assertThat(templates.render(key, null, contact("Maya", null, null), Map.of("cart.url", "https://s.example/c/1",
        "cart.itemName", "null", "brand", Map.of("name", "Northwind"))).body())
        .isEqualTo("Hi Maya, your items for Northwind (Gold): https://s.example/c/1");
    assertThat(templates.render(key, null, contact("  ", null, null), Map.of("cart.url", "u", "firstName", "Jo"))
        .body()).isEqualTo("Hi Jo, your items for us (Gold): u");
  }

  @Test
  void failsNamingARequiredTokenWithoutValue() {
    String key = key("required");
    templates.create(sms(key, "alert", "Hi {firstName|there}, see you {appointment.time}."));
    templates.approve(key, 1, "pat");

    assertThatThrownBy(() -> templates.render(key, null, contact("Maya", null, null), Map.of("appointment", "")))
        .isInstanceOfSatisfying(TemplateRenderException.class, e -> {
          assertThat(e.token()).isEqualTo("appointment.time");
          assertThat(e.version()).isEqualTo(1);
        })
        .hasMessage("template '" + key + "' version 1: token {appointment.time} has no value for this contact and "
            + "no fallback");
  }

  @Test
  void writesTimesInTheContactsZoneAndLocale() {
    String key = key("time");
    templates.create(sms(key, "alert", "{firstName|Hi}, see you {appointment.time}."));
    templates.approve(key, 1, "pat");

    assertThat(templates.render(key, null, contact("Maya", "en-US", "America/New_York"),
        Map.of("appointment", Map.of("time", "2026-03-16T22:30:00Z"))).body())
        .isEqualTo("Maya, see you Mon, Mar 16, 6:30 PM.");
    assertThat(templates.render(key, null, contact("Jonas", "de-DE", "Europe/Berlin"),
        Map.of("appointment", Map.of("time", "2026-03-16T22:30:00Z"))).body())
        .isEqualTo("Jonas, see you Mo., 16. März, 23:30.");
  }

  @Test
  void enforcesTheSegmentLimitAtRender() {
    String key = key("limit");
    String filler = "a".repeat(100);
    templates.create(sms(key, "transactional", "Hi {firstName|there}, " + filler, 1, null, null));
    templates.approve(key, 1, "pat");

    assertThat(templates.render(key, null, contact("Maya", null, null), Map.of()).analysis().segments())
        .isEqualTo(1);
    // one letter outside GSM-7 in a name switches the message to UCS-2: 108 units are then 2 segments
    assertThatThrownBy(() -> templates.render(key, null, contact("Zoë", null, null), Map.of()))
        .isInstanceOfSatisfying(TemplateRenderException.class, e -> assertThat(e.token()).isNull())
        .hasMessage("template '" + key + "' version 1: the message renders to 2 segments (UCS-2, 108 UTF-16 "
            + "units); the template allows at most 1 segment");
    assertThatThrownBy(() -> templates.render(key, null, contact("M".repeat(60), null, null), Map.of()))
        .hasMessageContaining("renders to 2 segments (GSM-7, 165 septets)");
  }

  @Test
  void givesValuesTheGsmLookAlikesOfTypographicCharacters() {
    String key = key("lookalike");
    templates.create(sms(key, "transactional", "Hi {firstName|there}, your order shipped."));
    templates.approve(key, 1, "pat");

    RenderedMessage message = templates.render(key, null, contact("Ma’ya “Mo”", null, null), Map.of());

    assertThat(message.body()).isEqualTo("Hi Ma'ya \"Mo\", your order shipped.");
    assertThat(message.analysis().encoding()).isEqualTo(SmsEncoding.Encoding.GSM_7);
  }

  @Test
  void rendersAnEmailSubjectAndBody() {
    String key = key("email");
    templates.create(email(key, "Order {order.number} for {firstName|you}", "Hi {firstName|there},\n\n"
        + "order {order.number} is on its way: {order.trackingUrl}"));
    templates.approve(key, 1, "pat");

    RenderedMessage message = templates.render(key, null, contact(null, null, null),
        Map.of("order", Map.of("number", "N-1", "trackingUrl", "https://t.example/1")));

    assertThat(message.channel()).isEqualTo(Channel.EMAIL);
    assertThat(message.subject()).isEqualTo("Order N-1 for you");
    assertThat(message.body()).isEqualTo("Hi there,\n\norder N-1 is on its way: https://t.example/1");
    assertThat(message.analysis()).isNull();
    assertThat(message.messageClass()).isEqualTo("transactional");
  }

  @Test
  void saysWhetherTheMessageCarriesOptOutWording() {
    String first = key("first");
    String followUp = key("follow-up");
    templates.create(sms(first, "promotional", "New deals! Reply STOP to opt out."));
    templates.create(sms(followUp, "promotional", "Still deals!", null, true, "acme"));
    templates.approve(first, 1, "pat");
    templates.approve(followUp, 1, "pat");

    assertThat(templates.render(first, null, null, Map.of()).optOutWording()).isTrue();
    assertThat(templates.render(followUp, null, null, Map.of()).optOutWording()).isFalse();
    assertThat(templates.optOutText("acme")).isEqualTo("Text QUIT to leave Acme alerts");
    assertThat(templates.optOutText(null)).isEqualTo("Reply STOP to opt out.");
    assertThat(templates.optOutText("unknown-brand")).isEqualTo("Reply STOP to opt out.");
  }
}
