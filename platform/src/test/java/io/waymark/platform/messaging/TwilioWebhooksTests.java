package io.waymark.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.waymark.platform.contact.ContactId;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Twilio's webhooks over HTTP: signed requests only, receipts move the ledger forward only, replays change nothing. */
@SpringBootTest(properties = {"waymark.twilio.auth-token=" + TwilioWebhooksTests.TOKEN,
    "waymark.public-base-url=" + TwilioWebhooksTests.BASE_URL + "/", "waymark.api-keys=test-key"})
@AutoConfigureMockMvc
class TwilioWebhooksTests {

  static final String TOKEN = "webhook-test-token";
  static final String BASE_URL = "https://waymark.example.com";

  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;
  @Autowired OutboundSendHistory history;

  private final TwilioSignature signer = new TwilioSignature(TOKEN);

  // ---- status callbacks

  @Test
  void movesASentMessageForwardToDeliveredAndIgnoresLateAndRepeatedReceipts() throws Exception {
    String sid = sentMessage();

    receipt(sid, "sending", null).andExpect(status().isOk());
    assertThat(ledgerStatus(sid)).isEqualTo("SENT");
    receipt(sid, "delivered", null).andExpect(status().isOk());
    assertThat(ledgerStatus(sid)).isEqualTo("DELIVERED");
    receipt(sid, "sent", null).andExpect(status().isOk());
    receipt(sid, "delivered", null).andExpect(status().isOk());
    receipt(sid, "undelivered", "30003").andExpect(status().isOk());

    assertThat(ledgerStatus(sid)).isEqualTo("DELIVERED");
    assertThat(jdbc.queryForObject("select error_code from outbound_message where provider_message_id = ?",
        String.class, sid)).isNull();
    assertThat(jdbc.queryForList("select status from delivery_receipt where provider_message_id = ? order by id",
        String.class, sid)).containsExactly("sending", "delivered", "sent", "undelivered");
  }

  @Test
  void keepsTheErrorCodeAndReceiptTimeOfAFailure() throws Exception {
    String sid = sentMessage();

    receipt(sid, "undelivered", "30003").andExpect(status().isOk());

    Map<String, Object> row = jdbc.queryForMap(
        "select status, error_code, receipt_at from outbound_message where provider_message_id = ?", sid);
    assertThat(row.get("status")).isEqualTo("UNDELIVERED");
    assertThat(row.get("error_code")).isEqualTo("30003");
    assertThat(row.get("receipt_at")).isNotNull();
  }

  @Test
  void stillCountsADeliveredMessageTowardsFrequencyCaps() throws Exception {
    String sid = sentMessage();
    long contact = jdbc.queryForObject("select contact_id from outbound_message where provider_message_id = ?",
        Long.class, sid);

    receipt(sid, "delivered", null).andExpect(status().isOk());

    assertThat(history.countSent(new ContactId(contact), "promotional", null, Instant.EPOCH)).isEqualTo(1);
  }

  @Test
  void keepsAReceiptForAnUnknownMessageAsAnOrphan() throws Exception {
    String sid = "SM" + UUID.randomUUID().toString().replace("-", "");

    receipt(sid, "delivered", null).andExpect(status().isOk());

    assertThat(jdbc.queryForList("select outbound_message_id from delivery_receipt where provider_message_id = ?",
        Object.class, sid)).containsExactly((Object) null);
  }

  @Test
  void appliesAnOrphanReceiptWhenTwilioRepeatsItOnceTheLedgerKnowsTheMessage() throws Exception {
    String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
    receipt(sid, "delivered", null).andExpect(status().isOk());
    sentMessage(sid);

    receipt(sid, "delivered", null).andExpect(status().isOk());

    assertThat(ledgerStatus(sid)).isEqualTo("DELIVERED");
    assertThat(count("delivery_receipt where provider_message_id = '" + sid + "'")).isEqualTo(1);
  }

  @Test
  void acceptsASignatureOverAUrlWithAQueryString() throws Exception {
    String sid = sentMessage();
    Map<String, String> params = statusParams(sid, "delivered", null);

    mvc.perform(signed("/webhooks/twilio/status?tenant=acme&x=a%20b", params)).andExpect(status().isOk());

    assertThat(ledgerStatus(sid)).isEqualTo("DELIVERED");
  }

  // ---- inbound messages

  @Test
  void storesAnInboundMessageOnceAndAnswersWithEmptyTwiml() throws Exception {
    String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
    Map<String, String> params = inboundParams(sid, "+14155550181", "Sounds good, call me");

    for (int attempt = 0; attempt < 2; attempt++) {
      mvc.perform(signed("/webhooks/twilio/inbound", params))
          .andExpect(status().isOk())
          .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_XML))
          .andExpect(content().string(TwilioWebhooks.EMPTY_TWIML));
    }

    assertThat(jdbc.queryForList("select body from inbound_message where provider = 'twilio' "
        + "and provider_message_id = ?", String.class, sid)).containsExactly("Sounds good, call me");
  }

  @Test
  void namesTheMissingOrInvalidParameterOfASignedRequest() throws Exception {
    Map<String, String> noSid = inboundParams("x", "+14155550182", "hi");
    noSid.remove("MessageSid");
    Map<String, String> noFrom = inboundParams("SMnofrom", "+14155550182", "hi");
    noFrom.remove("From");
    Map<String, String> badFrom = inboundParams("SMbadfrom", "12345", "hi");
    Map<String, String> longTo = inboundParams("SMlongto", "+14155550182", "hi");
    longTo.put("To", "whatsapp:+14155550100;channel=" + "x".repeat(20));
    Map<String, String> noStatus = statusParams("SMnostatus", "sent", null);
    noStatus.remove("MessageStatus");

    expectBadParameter("/webhooks/twilio/inbound", noSid, "MessageSid");
    expectBadParameter("/webhooks/twilio/inbound", noFrom, "From");
    expectBadParameter("/webhooks/twilio/inbound", badFrom, "From");
    expectBadParameter("/webhooks/twilio/inbound", longTo, "To");
    expectBadParameter("/webhooks/twilio/status", noStatus, "MessageStatus");
    assertThat(count("inbound_message where provider_message_id in ('SMnofrom', 'SMbadfrom', 'SMlongto')")).isZero();
  }

  // ---- refusals

  @Test
  void refusesAnUnsignedOrTamperedInboundMessageAndStoresNothing() throws Exception {
    String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
    Map<String, String> params = inboundParams(sid, "+14155550183", "STOP");
    String signature = signer.sign(BASE_URL + "/webhooks/twilio/inbound", multi(params));

    mvc.perform(unsigned("/webhooks/twilio/inbound", params)).andExpect(status().isForbidden());
    mvc.perform(unsigned("/webhooks/twilio/inbound", params).header(TwilioWebhookVerifier.HEADER, ""))
        .andExpect(status().isForbidden());
    mvc.perform(unsigned("/webhooks/twilio/inbound", params)
        .header(TwilioWebhookVerifier.HEADER, flipOneCharacter(signature))).andExpect(status().isForbidden());
    Map<String, String> changed = new LinkedHashMap<>(params);
    changed.put("Body", "STOq");
    mvc.perform(unsigned("/webhooks/twilio/inbound", changed).header(TwilioWebhookVerifier.HEADER, signature))
        .andExpect(status().isForbidden());
    mvc.perform(unsigned("/webhooks/twilio/inbound?x=1", params).header(TwilioWebhookVerifier.HEADER, signature))
        .andExpect(status().isForbidden());

    assertThat(count("inbound_message where provider_message_id = '" + sid + "'")).isZero();
    assertThat(count("contact where phone = '+14155550183'")).isZero();
  }

  @Test
  void refusesATamperedReceiptAndChangesNothing() throws Exception {
    String sid = sentMessage();
    Map<String, String> params = statusParams(sid, "sent", null);
    String signature = signer.sign(BASE_URL + "/webhooks/twilio/status", multi(params));
    params.put("MessageStatus", "failed");

    mvc.perform(unsigned("/webhooks/twilio/status", params).header(TwilioWebhookVerifier.HEADER, signature))
        .andExpect(status().isForbidden());
    String otherUrl = signer.sign("http://waymark.example.com/webhooks/twilio/status", multi(params));
    mvc.perform(unsigned("/webhooks/twilio/status", params).header(TwilioWebhookVerifier.HEADER, otherUrl))
        .andExpect(status().isForbidden());

    assertThat(ledgerStatus(sid)).isEqualTo("SENT");
    assertThat(count("delivery_receipt where provider_message_id = '" + sid + "'")).isZero();
  }

  // ---- helpers

  private ResultActions receipt(String sid, String status, String errorCode) throws Exception {
    return mvc.perform(signed("/webhooks/twilio/status", statusParams(sid, status, errorCode)));
  }

  private void expectBadParameter(String path, Map<String, String> params, String field) throws Exception {
    mvc.perform(signed(path, params))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value(field));
  }

  private MockHttpServletRequestBuilder signed(String pathAndQuery, Map<String, String> params) {
    return unsigned(pathAndQuery, params)
        .header(TwilioWebhookVerifier.HEADER, signer.sign(BASE_URL + pathAndQuery, multi(params)));
  }

  private static MockHttpServletRequestBuilder unsigned(String pathAndQuery, Map<String, String> params) {
    MockHttpServletRequestBuilder request = post(URI.create(pathAndQuery))
        .contentType(MediaType.APPLICATION_FORM_URLENCODED);
    params.forEach(request::param);
    return request;
  }

  private static Map<String, List<String>> multi(Map<String, String> params) {
    Map<String, List<String>> multi = new LinkedHashMap<>();
    params.forEach((name, value) -> multi.put(name, List.of(value)));
    return multi;
  }

  private static String flipOneCharacter(String signature) {
    char first = signature.charAt(0);
    return (first == 'A' ? 'B' : 'A') + signature.substring(1);
  }

  static Map<String, String> statusParams(String sid, String status, String errorCode) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("MessageSid", sid);
    params.put("SmsSid", sid);
    params.put("MessageStatus", status);
    params.put("SmsStatus", status);
    params.put("AccountSid", "AC0123456789abcdef0123456789abcdef");
    params.put("From", "+14155550100");
    params.put("To", "+14155550199");
    params.put("ApiVersion", "2010-04-01");
    if (errorCode != null) {
      params.put("ErrorCode", errorCode);
    }
    return params;
  }

  static Map<String, String> inboundParams(String sid, String from, String body) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("MessageSid", sid);
    params.put("AccountSid", "AC0123456789abcdef0123456789abcdef");
    params.put("From", from);
    params.put("To", "+14155550100");
    params.put("Body", body);
    params.put("NumMedia", "0");
    return params;
  }

  /** A ledger row as the sending side leaves it: SENT through Twilio under a fresh message id. */
  private String sentMessage() {
    return sentMessage("SM" + UUID.randomUUID().toString().replace("-", ""));
  }

  private String sentMessage(String sid) {
    jdbc.update("insert into outbound_message (idempotency_key, contact_id, phone, body, topic, message_class, "
        + "status, provider, provider_message_id, created_at, sent_at, version) values (?, ?, '+14155550199', "
        + "'Hello', 'promotions', 'promotional', 'SENT', 'twilio', ?, current_timestamp, current_timestamp, 0)",
        "test:" + sid, Math.abs(UUID.randomUUID().getMostSignificantBits()), sid);
    return sid;
  }

  private String ledgerStatus(String sid) {
    return jdbc.queryForObject("select status from outbound_message where provider_message_id = ?", String.class, sid);
  }

  private long count(String fromWhere) {
    return jdbc.queryForObject("select count(*) from " + fromWhere, Long.class);
  }
}
