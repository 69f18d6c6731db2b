package io.waymark.platform.contact;

import java.util.Map;

/**
 * What a caller knows about a contact, as typed: the phone in any format (with {@code country} as ISO 3166 region
 * for numbers without a country code), the rest optional. Blank values count as absent.
 */
public record ContactDetails(
    String phone,
    String country,
    String firstName,
    String lastName,
    String email,
    String locale,
    String region,
    String timeZone,
    Map<String, String> attributes) {

  public static ContactDetails ofPhone(String phone) {
    return new ContactDetails(phone, null, null, null, null, null, null, null, Map.of());
  }
}
