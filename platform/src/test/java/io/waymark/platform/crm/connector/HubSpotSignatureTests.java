package io.waymark.platform.crm.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * HubSpot's v3 signature against values computed independently
 * ({@code printf %s "$source" | openssl dgst -sha256 -hmac hubspot-test-secret -binary | base64}).
 */
class HubSpotSignatureTests {

  static final String SECRET = "hubspot-test-secret";
  static final String URL = "https://waymark.example.com/webhooks/hubspot/tasks";
  static final byte[] BODY = "[{\"objectId\":9001}]".getBytes(StandardCharsets.UTF_8);
  static final Instant SIGNED_AT = Instant.ofEpochMilli(1_700_000_000_000L);

  private final HubSpotSignature signature = new HubSpotSignature(SECRET);

  @Test
  void signsMethodUriBodyAndTimestamp() {
    assertThat(signature.sign("POST", URL, BODY, "1700000000000"))
        .isEqualTo("hSMz/Ns0Kz0aAS3rsmuAiVqC95faEqnx5JEngmBokAE=");
  }

  @Test
  void decodesTheCharactersHubSpotDecodesBeforeSigning() {
    assertThat(HubSpotSignature.signedUri(URL + "?portal=a%3Ab&x=%281%29&y=%20#frag"))
        .isEqualTo(URL + "?portal=a:b&x=(1)&y=%20");
    assertThat(signature.sign("POST", URL + "?portal=a%3ab&x=%281%29", "[]".getBytes(StandardCharsets.UTF_8),
        "1700000000000")).isEqualTo("ywGdoAX1CLv132Xe/alB7SEOqMrARenNTvFNSiD76bw=");
  }

  @Test
  void acceptsHubSpotsSignatureWithinFiveMinutesOnly() {
    String signed = "hSMz/Ns0Kz0aAS3rsmuAiVqC95faEqnx5JEngmBokAE=";

    assertThat(signature.problem("POST", URL, BODY, "1700000000000", signed, SIGNED_AT.plusSeconds(299))).isNull();
    assertThat(signature.problem("POST", URL, BODY, "1700000000000", signed, SIGNED_AT.plusSeconds(301)))
        .contains("more than 5 minutes");
    assertThat(signature.problem("POST", URL, BODY, "1700000000000", signed, SIGNED_AT.minusSeconds(301)))
        .contains("more than 5 minutes");
    assertThat(signature.problem("POST", URL + "x", BODY, "1700000000000", signed, SIGNED_AT)).contains("does not match");
    assertThat(signature.problem("POST", URL, BODY, "1700000000001", signed, SIGNED_AT)).contains("does not match");
    assertThat(signature.problem("POST", URL, BODY, "soon", signed, SIGNED_AT)).contains("not epoch milliseconds");
    assertThat(signature.problem("POST", URL, BODY, "1700000000000", null, SIGNED_AT)).contains("is missing");
  }

  @Test
  void convertsAFifteenCharacterSalesforceIdToItsCaseSafeForm() {
    assertThat(SalesforceWebhooks.canonicalId("001A0000006Vm9r")).isEqualTo("001A0000006Vm9rIAC");
    assertThat(SalesforceWebhooks.canonicalId("001A0000006Vm9rIAC")).isEqualTo("001A0000006Vm9rIAC");
  }
}
