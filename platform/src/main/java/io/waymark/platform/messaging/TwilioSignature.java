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

  /** Whether {@code signature} (the header value, null when missing) is the signature of this request. */
  boolean matches(String url, Map<String, List<String>> postParameters, String signature) {
    if (signature == null || signature.isEmpty()) {
      return false;
    }
    byte[] expected = sign(url, postParameters).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
  }
}
