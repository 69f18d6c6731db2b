package io.waymark.platform.crm.connector;

import java.net.URI;
import java.time.Duration;

/** Start-up checks of the connectors' configuration, each naming the property at fault. */
final class Settings {

  private Settings() {
  }

  static boolean isSet(String value) {
    return value != null && !value.isBlank();
  }

  /** The value without trailing slashes, or a failure naming {@code key} when it is not an absolute http(s) URL. */
  static String httpUrl(String value, String key) {
    String url = value.strip().replaceAll("/+$", "");
    try {
      URI uri = URI.create(url);
      if (("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
          && uri.getHost() != null) {
        return url;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw new IllegalArgumentException(key + ": '" + value + "' is not an http(s) URL");
  }

  static void positive(Duration value, String key) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(key + ": must be a positive duration (e.g. 10s)");
    }
  }
}
