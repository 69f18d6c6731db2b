package io.waymark.platform.contact;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.waymark.platform.support.InvalidInputException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Phone numbers in and out of E.164, through libphonenumber. Stateless. */
public final class PhoneNumbers {

  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
  private static final PhoneNumberToTimeZonesMapper ZONES = PhoneNumberToTimeZonesMapper.getInstance();

  private PhoneNumbers() {
  }

  /**
   * The E.164 form of {@code raw}, read with {@code defaultRegion} (ISO 3166 alpha-2) when the number has no
   * country code; without a region the number must start with {@code +}. Fails with an
   * {@link InvalidInputException} on field {@code phone} (or {@code country}) naming the problem.
   */
  public static String toE164(String raw, String defaultRegion) {
    return UTIL.format(parse(raw, defaultRegion), PhoneNumberFormat.E164);
  }

  /** The IANA zones libphonenumber maps an E.164 number to; empty when it knows none. */
  public static List<String> timeZones(String e164) {
    List<String> zones = ZONES.getTimeZonesForNumber(parse(e164, null));
    return zones.contains(PhoneNumberToTimeZonesMapper.getUnknownTimeZone()) ? List.of() : zones;
  }

  /** The ISO 3166 region an E.164 number belongs to (e.g. "GB"); empty when libphonenumber cannot tell. */
  public static Optional<String> regionOf(String e164) {
    String region = UTIL.getRegionCodeForNumber(parse(e164, null));
    return region == null || region.equals("ZZ") ? Optional.empty() : Optional.of(region);
  }

  /** The number with four digits masked, for logs: {@code +14155550100} becomes {@code +14155****00}. */
  public static String mask(String e164) {
    if (e164 == null || e164.length() <= 6) {
      return "****";
    }
    return e164.substring(0, e164.length() - 6) + "****" + e164.substring(e164.length() - 2);
  }

  private static PhoneNumber parse(String raw, String defaultRegion) {
    if (raw == null || raw.isBlank()) {
      throw new InvalidInputException("phone", "is missing");
    }
    String region = defaultRegion == null || defaultRegion.isBlank() ? null
        : defaultRegion.trim().toUpperCase(Locale.ROOT);
    if (region != null && !UTIL.getSupportedRegions().contains(region)) {
      throw new InvalidInputException("country", "'" + defaultRegion + "' is not an ISO 3166 country code");
    }
    PhoneNumber number;
    try {
      number = UTIL.parse(raw, region);
    } catch (NumberParseException e) {
      throw new InvalidInputException("phone", "'" + raw + "' is not a phone number");
    }
    if (!UTIL.isValidNumber(number)) {
      throw new InvalidInputException("phone", "'" + raw + "' is not a valid number");
    }
    return number;
  }
}
