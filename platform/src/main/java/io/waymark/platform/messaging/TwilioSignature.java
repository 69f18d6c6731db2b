package io.waymark.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Twilio's request signature ({@code X-Twilio-Signature}): the full URL Twilio called (scheme, host, path and query
 * string, exactly as configured), then every POST parameter sorted by name, each name immediately followed by its
 * value; HMAC-SHA1 keyed with the auth token; Base64. Compared in constant time.
 */
final class TwilioSignature {

  private final byte[] authToken;

  TwilioSignature(String authToken) {
    if (authToken == null || authToken.isBlank()) {
      throw new IllegalArgumentException("the Twilio auth token is empty");
    }
    this.authToken = authToken.getBytes(StandardCharsets.UTF_8);
  }

  /** The Base64 signature of {@code url} and the POST parameters (several values of one name in order given). */
  String sign(String url, Map<String, List<String>> postParameters) {
    StringBuilder data = new StringBuilder(url);
    List<String> names = new ArrayList<>(postParameters.keySet());
    names.sort(null);
    for (String name : names) {
      List<String> values = new ArrayList<>(postParameters.get(name));
      values.sort(null);
      for (String value : values) {
        data.append(name).append(value);
      }
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(authToken, "HmacSHA1"));
      return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA1 is not available", e);
    }
  }

  /**
   * Whether {@code signature} (the header value, null when missing) is the signature of this request. Like Twilio's
   * own helper libraries, a signature over the URL with its port removed, or with the scheme's default port added,
   * is accepted too (Twilio signs either form depending on how the URL was configured).
   */
  boolean matches(String url, Map<String, List<String>> postParameters, String signature) {
    if (signature == null || signature.isEmpty()) {
      return false;
    }
    byte[] presented = signature.getBytes(StandardCharsets.US_ASCII);
    boolean match = false;
    for (String candidate : portVariants(url)) {
      match |= MessageDigest.isEqual(sign(candidate, postParameters).getBytes(StandardCharsets.US_ASCII), presented);
    }
    return match;
  }

  /** The URL as given, and without its port (when it has one) or with the scheme's default port (when not). */
  static List<String> portVariants(String url) {
    int hostStart = url.indexOf("://") + 3;
    if (hostStart < 3) {
      return List.of(url);
    }
    int end = hostStart;
    while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
      end++;
    }
    String authority = url.substring(hostStart, end);
    int colon = authority.lastIndexOf(':');
    if (colon > authority.lastIndexOf(']')) {
      return List.of(url, url.substring(0, hostStart) + authority.substring(0, colon) + url.substring(end));
    }
    String port = url.startsWith("https://") ? ":443" : url.startsWith("http://") ? ":80" : "";
    return port.isEmpty() ? List.of(url) : List.of(url, url.substring(0, end) + port + url.substring(end));
  }
}
