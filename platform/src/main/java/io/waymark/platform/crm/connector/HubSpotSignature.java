package io.waymark.platform.crm.connector;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HubSpot's v3 request signature ({@code X-HubSpot-Signature-v3}): HMAC-SHA256, keyed with the app's client secret,
 * of the method, the URI HubSpot called, the raw body and the {@code X-HubSpot-Request-Timestamp} header (epoch
 * milliseconds), concatenated as UTF-8; Base64. Before signing HubSpot decodes {@code %3A %2F %3F %40 %21 %24 %27 %28
 * %29 %2A %2C %3B} in the URI, so the same is done here. A timestamp more than five minutes away from now is refused
 * (replays), and signatures are compared in constant time.
 */
final class HubSpotSignature {

  static final Duration MAX_AGE = Duration.ofMinutes(5);

  private static final Map<String, String> DECODED = Map.ofEntries(Map.entry("%3A", ":"), Map.entry("%2F", "/"),
      Map.entry("%3F", "?"), Map.entry("%40", "@"), Map.entry("%21", "!"), Map.entry("%24", "$"),
      Map.entry("%27", "'"), Map.entry("%28", "("), Map.entry("%29", ")"), Map.entry("%2A", "*"),
      Map.entry("%2C", ","), Map.entry("%3B", ";"));

  private final byte[] clientSecret;

  HubSpotSignature(String clientSecret) {
    if (clientSecret == null || clientSecret.isBlank()) {
      throw new IllegalArgumentException("the HubSpot client secret is empty");
    }
    this.clientSecret = clientSecret.getBytes(StandardCharsets.UTF_8);
  }

  /** The Base64 signature of a request. */
  String sign(String method, String uri, byte[] body, String timestamp) {
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    data.writeBytes(method.getBytes(StandardCharsets.UTF_8));
    data.writeBytes(signedUri(uri).getBytes(StandardCharsets.UTF_8));
    data.writeBytes(body);
    data.writeBytes(timestamp.getBytes(StandardCharsets.UTF_8));
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(clientSecret, "HmacSHA256"));
      return Base64.getEncoder().encodeToString(mac.doFinal(data.toByteArray()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }

  /**
   * What is wrong with a request's signature, or null when it is HubSpot's.
   *
   * @param signature the {@code X-HubSpot-Signature-v3} header, null when missing
   * @param timestamp the {@code X-HubSpot-Request-Timestamp} header, null when missing
   */
  String problem(String method, String uri, byte[] body, String timestamp, String signature, Instant now) {
    if (signature == null || signature.isBlank()) {
      return HubSpotWebhooks.SIGNATURE + " is missing";
    }
    if (timestamp == null || !timestamp.matches("[0-9]{1,15}")) {
      return HubSpotWebhooks.TIMESTAMP + " is missing or not epoch milliseconds";
    }
    Duration age = Duration.between(Instant.ofEpochMilli(Long.parseLong(timestamp)), now).abs();
    if (age.compareTo(MAX_AGE) > 0) {
      return HubSpotWebhooks.TIMESTAMP + " is more than 5 minutes away from now";
    }
    boolean match = MessageDigest.isEqual(sign(method, uri, body, timestamp).getBytes(StandardCharsets.US_ASCII),
        signature.strip().getBytes(StandardCharsets.US_ASCII));
    return match ? null : HubSpotWebhooks.SIGNATURE + " does not match";
  }

  /** The URI without a fragment, with the characters HubSpot decodes decoded. */
  static String signedUri(String uri) {
    int hash = uri.indexOf('#');
    String text = hash < 0 ? uri : uri.substring(0, hash);
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '%' && i + 2 < text.length()) {
        String decoded = DECODED.get(text.substring(i, i + 3).toUpperCase(java.util.Locale.ROOT));
        if (decoded != null) {
          out.append(decoded);
          i += 2;
          continue;
        }
      }
      out.append(text.charAt(i));
    }
    return out.toString();
  }
}
