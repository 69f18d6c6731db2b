package io.waymark.platform.contact;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code waymark.contacts.*}.
 *
 * @param defaultCountry ISO 3166 region used to read numbers typed without a country code
 * @param imports background CSV imports
 */
@ConfigurationProperties("waymark.contacts")
record ContactProperties(@DefaultValue("US") String defaultCountry, @DefaultValue Imports imports) {

  /**
   * {@code waymark.contacts.imports.*}.
   *
   * @param threads how many background imports run at once; more are refused (HTTP 429) until one ends
   * @param staleAfter a RUNNING import without progress for this long is shown as FAILED (its process is gone)
   */
  record Imports(@DefaultValue("2") int threads, @DefaultValue("PT1M") Duration staleAfter) {
  }
}
