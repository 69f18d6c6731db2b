package io.waymark.platform.policy;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.waymark.platform.contact.ContactView;
import io.waymark.platform.contact.PhoneNumbers;
import io.waymark.platform.support.InvalidInputException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where a recipient is, as far as the send rules care: the country of the phone number (ISO 3166-1, null if unknown),
 * the contact's subdivision within it ("FL", null if unknown) and the time zones the message may land in (the
 * contact's own zone, else every zone the number maps to; empty if none is known).
 */
record Recipient(String country, String region, List<ZoneId> zones) {

  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

  Recipient {
    zones = List.copyOf(zones);
  }

  static Recipient of(ContactView contact) {
    String country = country(contact.phone());
    return new Recipient(country, region(contact.region(), country), zones(contact));
  }

  /** The number's country: "US" for +1 415..., "GB" for +44 20...; null for numbers libphonenumber cannot place. */
  static String country(String e164) {
    try {
      String region = PHONES.getRegionCodeForNumber(PHONES.parse(e164, null));
      return region == null || region.equals("ZZ") || region.equals("001") ? null : region;
    } catch (NumberParseException | RuntimeException e) {
      return null;
    }
  }

  /** "fl", "FL" and "US-FL" all read as "FL" for a US number. */
  static String region(String region, String country) {
    if (region == null || region.isBlank()) {
      return null;
    }
    String code = region.strip().toUpperCase(Locale.ROOT);
    return country != null && code.startsWith(country + "-") ? code.substring(country.length() + 1) : code;
  }

  /**
   * The contact's explicit zone if it has a valid one, else the number's zones. Zones with identical rules (America/
   * Antigua and America/Anguilla) are kept once, as they always show the same local time.
   */
  static List<ZoneId> zones(ContactView contact) {
    if (contact.timeZone() != null && !contact.timeZone().isBlank()) {
      try {
        return List.of(ZoneId.of(contact.timeZone().strip()));
      } catch (DateTimeException invalid) {
        // stored before validation existed: fall back to the number
      }
    }
    List<String> ids;
    try {
      ids = PhoneNumbers.timeZones(contact.phone());
    } catch (InvalidInputException unreadable) {
      return List.of();
    }
    Map<ZoneRules, ZoneId> distinct = new LinkedHashMap<>();
    for (String id : ids) {
      try {
        ZoneId zone = ZoneId.of(id);
        distinct.putIfAbsent(zone.getRules(), zone);
      } catch (DateTimeException unknown) {
        // a zone id the JDK does not know: cannot be judged, skip it
      }
    }
    return new ArrayList<>(distinct.values());
  }
}
