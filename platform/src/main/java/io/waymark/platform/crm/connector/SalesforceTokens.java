package io.waymark.platform.crm.connector;

import com.fasterxml.jackson.databind.JsonNode;
import io.waymark.platform.crm.connector.CrmHttp.Answer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * Access tokens from the OAuth 2.0 client-credentials flow: {@code POST <token-url>} with
 * {@code grant_type=client_credentials}, {@code client_id} and {@code client_secret}, form-encoded. A token is kept
 * until it expires ({@code expires_in}, less a minute, when the answer carries one; Salesforce's usually does not) or
 * until Salesforce answers 401 to it ({@link #rejected}), then one fresh token is fetched. Refused credentials (400,
 * 401) are a {@link CrmRejectedException} naming Salesforce's {@code error} and {@code error_description}.
 */
final class SalesforceTokens {

  private static final Duration EXPIRY_MARGIN = Duration.ofMinutes(1);

  private final SalesforceProperties properties;
  private final RestClient http;
  private final Clock clock;
  private String token;
  private Instant expiresAt;

  SalesforceTokens(SalesforceProperties properties, RestClient http, Clock clock) {
    this.properties = properties;
    this.http = http;
    this.clock = clock;
  }

  /** The cached token, or a fresh one when there is none or it has expired. */
  synchronized String current() {
    if (token == null || (expiresAt != null && !clock.instant().isBefore(expiresAt))) {
      fetch();
    }
    return token;
  }

  /** Salesforce answered 401 to {@code rejectedToken}: forget it (unless another thread already replaced it). */
  synchronized void rejected(String rejectedToken) {
    if (rejectedToken != null && rejectedToken.equals(token)) {
      token = null;
      expiresAt = null;
    }
  }

  private void fetch() {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("grant_type", "client_credentials");
    form.add("client_id", properties.clientId());
    form.add("client_secret", properties.clientSecret());
    String what = "the client credentials at " + properties.tokenUrl();
    Answer answer = CrmHttp.exchange(SalesforceConnector.SYSTEM, "the token request to " + properties.tokenUrl(),
        false, http.post().uri(URI.create(properties.tokenUrl()))
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .accept(MediaType.APPLICATION_JSON)
            .body(form));
    JsonNode body = answer.body();
    String detail = "HTTP " + answer.status() + oauthError(body);
    if (answer.status() == 429 || answer.status() >= 500) {
      throw new CrmUnavailableException(SalesforceConnector.SYSTEM, "the token request to "
          + properties.tokenUrl() + ": " + detail);
    }
    String accessToken = body.path("access_token").asText("");
    if (!answer.ok() || accessToken.isEmpty()) {
      throw new CrmRejectedException(SalesforceConnector.SYSTEM, answer.status(), what + " (" + detail
          + (answer.ok() ? ": no access_token in the answer" : "") + ")");
    }
    token = accessToken;
    long expiresIn = body.path("expires_in").asLong(0);
    expiresAt = expiresIn > 0 ? clock.instant().plusSeconds(expiresIn).minus(EXPIRY_MARGIN) : null;
  }

  private static String oauthError(JsonNode body) {
    String error = body.path("error").asText("");
    String description = body.path("error_description").asText(body.path("message").asText(""));
    if (error.isEmpty() && description.isEmpty()) {
      return "";
    }
    return " " + error + (description.isEmpty() ? "" : ": " + description);
  }
}
