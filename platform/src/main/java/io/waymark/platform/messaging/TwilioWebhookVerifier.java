package io.waymark.platform.messaging;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Checks {@code X-Twilio-Signature} on a webhook request against the URL Twilio was given: the configured
 * {@code waymark.public-base-url} (requests arrive through proxies, so the URL the servlet sees is not the one
 * signed) plus the request path and query string, and the POST parameters only (query parameters are part of the URL).
 * Without {@code waymark.twilio.auth-token} the Twilio webhooks are off.
 */
@Component
class TwilioWebhookVerifier {

  static final String HEADER = "X-Twilio-Signature";

  private static final Logger LOG = LoggerFactory.getLogger(TwilioWebhookVerifier.class);

  private final TwilioSignature signature;
  private final String baseUrl;

  TwilioWebhookVerifier(@Value("${waymark.twilio.auth-token:}") String authToken,
      @Value("${waymark.public-base-url:}") String baseUrl) {
    this.signature = authToken.isBlank() ? null : new TwilioSignature(authToken.strip());
    this.baseUrl = baseUrl.strip().replaceAll("/+$", "");
    if (signature != null && this.baseUrl.isEmpty()) {
      throw new IllegalStateException("waymark.public-base-url is empty: Twilio signs its webhooks with the public "
          + "URL it calls, so set WAYMARK_PUBLIC_BASE_URL (e.g. https://waymark.example.com)");
    }
    if (signature == null) {
      LOG.info("waymark.twilio.auth-token is not set: /webhooks/twilio/** answers 404");
    }
  }

  boolean enabled() {
    return signature != null;
  }

  /** Whether the request carries a valid signature (false when the webhooks are off). */
  boolean verify(HttpServletRequest request) {
    if (signature == null) {
      return false;
    }
    String url = baseUrl + request.getRequestURI()
        + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
    boolean valid = signature.matches(url, postParameters(request), request.getHeader(HEADER));
    if (!valid) {
      LOG.warn("Refused {} {}: {} {}", request.getMethod(), request.getRequestURI(), HEADER,
          request.getHeader(HEADER) == null ? "missing" : "does not match");
    }
    return valid;
  }

  /** The request's parameters without those of the query string (a servlet container lists those first). */
  static Map<String, List<String>> postParameters(HttpServletRequest request) {
    Map<String, Integer> inQuery = queryParameterCounts(request.getQueryString());
    Map<String, List<String>> post = new TreeMap<>();
    request.getParameterMap().forEach((name, values) -> {
      int skip = inQuery.getOrDefault(name, 0);
      if (values.length > skip) {
        post.put(name, List.of(values).subList(skip, values.length));
      }
    });
    return post;
  }

  private static Map<String, Integer> queryParameterCounts(String query) {
    Map<String, Integer> counts = new HashMap<>();
    if (query == null || query.isEmpty()) {
      return counts;
    }
    for (String pair : query.split("&")) {
      if (!pair.isEmpty()) {
        String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
        counts.merge(URLDecoder.decode(name, StandardCharsets.UTF_8), 1, Integer::sum);
      }
    }
    return counts;
  }
}
