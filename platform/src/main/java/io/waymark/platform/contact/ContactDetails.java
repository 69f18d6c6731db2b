package io.waymark.platform.contact;

import java.util.List;
import java.util.Map;

/**
 * What a caller knows about a contact, as typed: the phone in any format (with {@code country} as ISO 3166 region
 * for numbers without a country code), the rest optional. Blank values count as absent and leave the stored value
 * as it was; {@code topics} (topics of interest) replaces the stored set when not null ({@code []} clears it);
 * {@code attributes} are merged into the stored ones.
 *
 * @param region the contact's region; for North American numbers a US state (code or name) decides the time zone
 * @param timeZone an IANA zone id; wins over the state and the number
 * @param lifecycleStage one of {@link ContactDirectory#LIFECYCLE_STAGES}
 * @param owner the user id of the contact's owner (free text)
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
    String lifecycleStage,
    String owner,
    List<String> topics,
    Map<String, String> attributes) {

  /** Details that say nothing about lifecycle stage, owner and topics, which then stay as they were. */
  public ContactDetails(String phone, String country, String firstName, String lastName, String email,
      String locale, String region, String timeZone, Map<String, String> attributes) {
    this(phone, country, firstName, lastName, email, locale, region, timeZone, null, null, null, attributes);
  }

  public static ContactDetails ofPhone(String phone) {
    return new ContactDetails(phone, null, null, null, null, null, null, null, Map.of());
  }
}
