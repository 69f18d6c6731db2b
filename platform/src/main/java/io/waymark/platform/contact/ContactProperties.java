package io.waymark.platform.contact;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code waymark.contacts.*}.
 *
 * @param defaultCountry ISO 3166 region used to read numbers typed without a country code
 */
@ConfigurationProperties("waymark.contacts")
record ContactProperties(@DefaultValue("US") String defaultCountry) {
}
