package io.waymark.platform.messaging.telnyx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.waymark.platform.messaging.provider.HttpClients;
import io.waymark.platform.messaging.provider.OutboundSms;
import io.waymark.platform.messaging.provider.SmsProvider;
import io.waymark.platform.messaging.provider.SmsProviderException;
import io.waymark.platform.messaging.provider.SmsProviderException.Kind;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Telnyx Messaging: {@code POST /v2/messages} with JSON {@code from}, {@code to}, {@code text} (and
 * {@code messaging_profile_id}, {@code webhook_url} when configured), {@code Authorization: Bearer <api key>}; the
 * answer's {@code data.id} is the message id; errors come as {@code errors[].code/title/detail}.
 *
 * <p>Errors: 40300 (blocked by the recipient's STOP) is {@link Kind#OPTED_OUT}; 10002, 10016, 40310 and 40001
 * (invalid or non-routable number) are {@link Kind#INVALID_NUMBER}; other 4xx {@link Kind#REJECTED}; 429, 401/403,
 * 5xx and connection failures {@link Kind#RETRYABLE}; a timeout after sending {@link Kind#UNCONFIRMED}.
 *
 * <p>Reconciliation: Telnyx has no lookup by client reference, so {@link #canLookUp()} is false. Instead every POST
 * carries {@code Idempotency-Key} (the ledger key, reduced to Telnyx's {@code [A-Za-z0-9_:-]}), under which Telnyx
 * replays the first successful answer for 24 hours; after an unconfirmed attempt the router resends through Telnyx
 * only, with the same key, never through another provider.
 */
class TelnyxSmsProvider implements SmsProvider {

  static final Set<String> INVALID_NUMBER = Set.of("10002", "10016", "40310", "40001");
  static final String OPTED_OUT = "40300";

  private final TelnyxProperties properties;
  private final RestClient http;
  private final ObjectMapper json = new ObjectMapper();

  TelnyxSmsProvider(TelnyxProperties properties) {
    this.properties = properties;
    this.http = HttpClients.restClient(properties.baseUrl(), properties.connectTimeout(), properties.readTimeout())
        .mutate()
        .defaultHeaders(h -> h.setBearerAuth(properties.apiKey()))
        .build();
  }

  @Override
  public String name() {
    return "telnyx";
  }

  @Override
  public String send(OutboundSms sms) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("from", sms.from() != null ? sms.from() : properties.from());
    body.put("to", sms.to());
    body.put("text", sms.body());
    if (properties.messagingProfileId() != null && !properties.messagingProfileId().isBlank()) {
      body.put("messaging_profile_id", properties.messagingProfileId());
    }
    if (properties.webhookUrl() != null && !properties.webhookUrl().isBlank()) {
      body.put("webhook_url", properties.webhookUrl());
    }
    try {
      JsonNode answer = http.post().uri("/v2/messages")
          .contentType(MediaType.APPLICATION_JSON)
          .header("Idempotency-Key", idempotencyKey(sms.clientRef()))
          .body(body)
          .exchange((request, response) -> answer(response.getStatusCode(), response.getBody().readAllBytes()));
      return answer.path("data").path("id").asText();
    } catch (ResourceAccessException e) {
      throw HttpClients.classify(name(), e);
    }
  }

  @Override
  public Optional<String> findSent(OutboundSms sms) {
    return Optional.empty();
  }

  @Override
  public boolean canLookUp() {
    return false;
  }

  static String idempotencyKey(String clientRef) {
    String key = clientRef.replaceAll("[^A-Za-z0-9_:-]", "_");
    return key.length() > 255 ? key.substring(0, 255) : key;
  }

  private JsonNode answer(HttpStatusCode status, byte[] body) throws IOException {
    JsonNode node = body.length == 0 ? json.createObjectNode() : json.readTree(body);
    if (status.is2xxSuccessful()) {
      return node;
    }
    JsonNode error = node.path("errors").path(0);
    String code = error.path("code").asText(null);
    String message = error.path("detail").asText(error.path("title").asText("HTTP " + status.value()));
    if (OPTED_OUT.equals(code)) {
      throw new SmsProviderException(Kind.OPTED_OUT, name(), code, message);
    }
    if (code != null && INVALID_NUMBER.contains(code)) {
      throw new SmsProviderException(Kind.INVALID_NUMBER, name(), code, message);
    }
    if (status.value() == 429 || status.value() == 401 || status.value() == 403 || status.is5xxServerError()) {
      throw new SmsProviderException(Kind.RETRYABLE, name(), code, "HTTP " + status.value() + ": " + message);
    }
    throw new SmsProviderException(Kind.REJECTED, name(), code, message);
  }
}
