package io.waymark.platform.link;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Appends UTM parameters to a link's target so the shop's analytics see where the visit came from. A parameter the
 * target already has is kept as the author wrote it (never duplicated nor overwritten); values are URL-encoded; a
 * fragment ({@code #...}) stays after the query.
 */
final class UtmParameters {

  private UtmParameters() {
  }

  /**
   * The target with {@code utm_source=sms}, {@code utm_medium=<message class>}, {@code utm_campaign=<journey process
   * id>} and {@code utm_content=<variant>}; null or blank values are left out.
   */
  static String append(String target, String messageClass, String processId, String variant) {
    Map<String, String> utm = new LinkedHashMap<>();
    utm.put("utm_source", "sms");
    utm.put("utm_medium", messageClass == null ? null : messageClass.toLowerCase(java.util.Locale.ROOT));
    utm.put("utm_campaign", processId);
    utm.put("utm_content", variant);
    int hash = target.indexOf('#');
    String fragment = hash < 0 ? "" : target.substring(hash);
    String base = hash < 0 ? target : target.substring(0, hash);
    int question = base.indexOf('?');
    String query = question < 0 ? "" : base.substring(question + 1);
    StringBuilder out = new StringBuilder(base);
    char separator = question < 0 ? '?' : query.isEmpty() || query.endsWith("&") ? 0 : '&';
    for (Map.Entry<String, String> parameter : utm.entrySet()) {
      if (parameter.getValue() == null || parameter.getValue().isBlank() || has(query, parameter.getKey())) {
        continue;
      }
      if (separator != 0) {
        out.append(separator);
      }
      out.append(parameter.getKey()).append('=').append(encode(parameter.getValue().strip()));
      separator = '&';
    }
    return out.append(fragment).toString();
  }

  private static boolean has(String query, String name) {
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      if ((equals < 0 ? pair : pair.substring(0, equals)).equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
