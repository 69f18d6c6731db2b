package io.waymark.demo;

import io.waymark.platform.contact.PhoneNumbers;
import io.waymark.platform.support.InvalidInputException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;

/**
 * Made-up recipients for demo traffic: names, US mobile numbers that libphonenumber accepts (drawn at random per run,
 * so runs do not meet each other's contacts), and a time zone where it is daytime now, because quiet hours are judged
 * on the real clock in the recipient's zone.
 */
final class DemoPeople {

  private static final List<String> FIRST = List.of("Maya", "Liam", "Ava", "Noah", "Sofia", "Ethan", "Chloé", "Jonas",
      "Aiko", "Mateo", "Priya", "Owen", "Zara", "Lucas", "Ines", "Kofi", "Hana", "Leo", "Nora", "Ravi");
  private static final List<String> LAST = List.of("Ortiz", "Chen", "Novak", "Okafor", "Silva", "Müller", "Khan",
      "Rossi", "Kim", "Dubois", "Nguyen", "Berg");
  private static final List<String> AREAS = List.of("312", "503", "720", "617", "206", "404", "512", "615");
  /** Tried in this order; the first where the local hour is within 09:00-19:00 is taken. */
  private static final List<String> ZONES = List.of("America/New_York", "America/Chicago", "America/Denver",
      "America/Los_Angeles", "Pacific/Honolulu", "Europe/London", "Europe/Berlin", "Asia/Dubai", "Asia/Kolkata",
      "Asia/Singapore", "Asia/Tokyo", "Australia/Sydney", "Pacific/Auckland");

  private DemoPeople() {
  }

  /** A zone where {@code now} is between 09:00 and 19:00 local time (two hours clear of the 08:00-21:00 window). */
  static String daytimeZone(Instant now) {
    return ZONES.stream().filter(z -> {
      int hour = now.atZone(ZoneId.of(z)).getHour();
      return hour >= 9 && hour < 19;
    }).findFirst().orElseThrow(() -> new IllegalStateException("no demo time zone has daytime at " + now));
  }

  static String firstName(Random random) {
    return FIRST.get(random.nextInt(FIRST.size()));
  }

  static String lastName(Random random) {
    return LAST.get(random.nextInt(LAST.size()));
  }

  /** A valid US mobile-style number in E.164, e.g. +13125550123 style with a random exchange. */
  static String phone(Random random) {
    for (int attempt = 0; attempt < 100; attempt++) {
      String candidate = "+1" + AREAS.get(random.nextInt(AREAS.size())) + (200 + random.nextInt(800))
          + String.format("%04d", random.nextInt(10_000));
      try {
        return PhoneNumbers.toE164(candidate, "US");
      } catch (InvalidInputException invalid) {
        // an exchange libphonenumber does not accept: draw again
      }
    }
    throw new IllegalStateException("no valid demo number drawn");
  }
}
