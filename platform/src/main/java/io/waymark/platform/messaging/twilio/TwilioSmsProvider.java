package io.waymark.platform.messaging.twilio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.waymark.platform.messaging.provider.DeliveryStatusLookup;
import io.waymark.platform.messaging.provider.HttpClients;
import io.waymark.platform.messaging.provider.OutboundSms;
import io.waymark.platform.messaging.provider.SmsProvider;
import io.waymark.platform.messaging.provider.SmsProviderException;
import io.waymark.platform.messaging.provider.SmsProviderException.Kind;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Twilio Programmable Messaging: {@code POST /2010-04-01/Accounts/{AccountSid}/Messages.json}, form-encoded
 * {@code To}, {@code From} or {@code MessagingServiceSid}, {@code Body}, {@code StatusCallback}
 * ({@code {public-base-url}/webhooks/twilio/status}) and {@code ValidityPeriod} (seconds until the request's
 * {@code notAfter}, at most 36000), HTTP basic auth with AccountSid:AuthToken.
 *
 * <p>Errors: 21610 (recipient unsubscribed) is {@link Kind#OPTED_OUT}; invalid or unreachable numbers (21211,
 * 21214, 21217, 21401, 21407, 21408, 21421, 21612, 21614) are {@link Kind#INVALID_NUMBER}; other 4xx are
 * {@link Kind#REJECTED}; 429, 401/403 and 5xx, refused or timed-out connections are {@link Kind#RETRYABLE}.
 *
 * <p>Reconciliation: Twilio has no client reference on a message, and a read timeout after the request was written
 * may hide an accepted message. Such a timeout is {@link Kind#UNCONFIRMED}: the router does not fail over, the ledger
 * row keeps the provider, the job fails, and the next attempt first calls {@link #findSent}, which lists the newest
 * messages {@code To} the recipient (and {@code From} the sender when known) and matches an outbound message with the
 * same body created at or after the ledger row was queued (less one minute of clock skew). Found: the message is
 * recorded as sent, nothing is posted. Not found (or lookup impossible): only then is it sent again. The list is not
 * filtered by {@code DateSent}, because a message still queued at Twilio has no send date yet.
 *
 * <p>Receipts: a message with no final status callback after {@code waymark.sms.receipt-timeout} is looked up with
 * {@code GET /Messages/{MessageSid}.json}; {@code delivered}/{@code read} are delivered, {@code undelivered} is
 * undelivered, {@code failed}/{@code canceled} failed, everything else still pending; 404 means Twilio does not know
 * the message.
 */
class TwilioSmsProvider implements SmsProvider, DeliveryStatusLookup {

  static final Set<Integer> INVALID_NUMBER = Set.of(21211, 21214, 21217, 21401, 21407, 21408, 21421, 21612, 21614);
  static final int OPTED_OUT = 21610;
  private static final int MAX_VALIDITY_SECONDS = 36_000;
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

  private final TwilioProperties properties;
  private final String statusCallback;
  private final Clock clock;
  private final RestClient http;
  private final ObjectMapper json = new ObjectMapper();

  TwilioSmsProvider(TwilioProperties properties, String publicBaseUrl, Clock clock) {
    this.properties = properties;
    this.statusCallback = publicBaseUrl.replaceAll("/+$", "") + "/webhooks/twilio/status";
    this.clock = clock;
    this.http = HttpClients.restClient(properties.baseUrl(), properties.connectTimeout(), properties.readTimeout())
        .mutate()
        .defaultHeaders(h -> h.setBasicAuth(properties.accountSid(), properties.authToken()))
        .build();
  }

  @Override
  public String name() {
    return "twilio";
  }

  @Override
  public String send(OutboundSms sms) {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("To", sms.to());
    String from = sms.from() != null ? sms.from() : properties.from();
    if (from != null && !from.isBlank()) {
      form.add("From", from);
    } else {
      form.add("MessagingServiceSid", properties.messagingServiceSid());
    }
    form.add("Body", sms.body());
    form.add("StatusCallback", statusCallback);
    if (sms.notAfter() != null) {
      long seconds = Duration.between(clock.instant(), sms.notAfter()).toSeconds();
      form.add("ValidityPeriod", Long.toString(Math.clamp(seconds, 1, MAX_VALIDITY_SECONDS)));
    }
    JsonNode created = call(() -> http.post().uri("/2010-04-01/Accounts/{sid}/Messages.json", properties.accountSid())
        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .body(form)
        .exchange((request, response) -> answer(response.getStatusCode(), response.getBody().readAllBytes())));
    return created.path("sid").asText();
  }

  @Override
  public Optional<String> findSent(OutboundSms sms) {
    String from = sms.from() != null ? sms.from() : properties.from();
    boolean bySender = from != null && !from.isBlank();
    String query = "/2010-04-01/Accounts/{sid}/Messages.json?To={to}&PageSize=50" + (bySender ? "&From={from}" : "");
    // values as URI variables, so that the + of E.164 is encoded (%2B), not read as a space
    Object[] values = bySender ? new Object[] {properties.accountSid(), sms.to(), from}
        : new Object[] {properties.accountSid(), sms.to()};
    JsonNode page = call(() -> http.get().uri(query, values).exchange((request, response) -> answer(response.getStatusCode(), response.getBody().readAllBytes())));
    Instant since = sms.queuedAt().minus(CLOCK_SKEW);
    for (JsonNode message : page.path("messages")) {
      if (message.path("direction").asText().startsWith("outbound")
          && sms.body().equals(message.path("body").asText())
          && !created(message).isBefore(since)) {
        return Optional.of(message.path("sid").asText());
      }
    }
    return Optional.empty();
  }

  @Override
  public String providerName() {
    return name();
  }

  @Override
  public Optional<ProviderStatus> lookup(String providerMessageId) {
    JsonNode message = call(() -> http.get()
        .uri("/2010-04-01/Accounts/{sid}/Messages/{messageSid}.json", properties.accountSid(), providerMessageId)
        .exchange((request, response) -> response.getStatusCode().value() == 404 ? null
            : answer(response.getStatusCode(), response.getBody().readAllBytes())));
    if (message == null) {
      return Optional.empty();
    }
    String status = message.path("status").asText("");
    String errorCode = message.path("error_code").isNull() || message.path("error_code").isMissingNode() ? null
        : message.path("error_code").asText();
    return Optional.of(new ProviderStatus(status, delivery(status), errorCode));
  }

  private static Delivery delivery(String twilioStatus) {
    return switch (twilioStatus.toLowerCase(Locale.ROOT)) {
      case "delivered", "read" -> Delivery.DELIVERED;
      case "undelivered" -> Delivery.UNDELIVERED;
      case "failed", "canceled" -> Delivery.FAILED;
      default -> Delivery.PENDING;
    };
  }

  private static Instant created(JsonNode message) {
    String value = message.path("date_created").asText("");
    return value.isEmpty() ? Instant.MAX
        : ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
  }

  private JsonNode answer(HttpStatusCode status, byte[] body) throws IOException {
    JsonNode node = body.length == 0 ? json.createObjectNode() : json.readTree(body);
    if (status.is2xxSuccessful()) {
      return node;
    }
    int code = node.path("code").asInt(0);
    String message = node.path("message").asText("HTTP " + status.value());
    String codeText = code == 0 ? null : Integer.toString(code);
    if (code == OPTED_OUT) {
      throw new SmsProviderException(Kind.OPTED_OUT, name(), codeText, message);
    }
    if (INVALID_NUMBER.contains(code)) {
      throw new SmsProviderException(Kind.INVALID_NUMBER, name(), codeText, message);
    }
    if (status.value() == 429 || status.value() == 401 || status.value() == 403 || status.is5xxServerError()) {
      throw new SmsProviderException(Kind.RETRYABLE, name(), codeText, "HTTP " + status.value() + ": " + message);
    }
    throw new SmsProviderException(Kind.REJECTED, name(), codeText, message);
  }

  private <T> T call(java.util.function.Supplier<T> request) {
    try {
      return request.get();
    } catch (ResourceAccessException e) {
      throw HttpClients.classify(name(), e);
    }
  }
}
