package io.waymark.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.platform.contact.PhoneNumbers;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DemoPeopleTests {

  @Test
  void findsAZoneWhereItIsDaytimeAtEveryHourOfTheDay() {
    Instant midnight = Instant.parse("2026-01-15T00:00:00Z");
    for (int hour = 0; hour < 24; hour++) {
      Instant now = midnight.plusSeconds(hour * 3600L + 1800);
      int local = now.atZone(ZoneId.of(DemoPeople.daytimeZone(now))).getHour();
      assertThat(local).as("UTC hour %d", hour).isBetween(9, 18);
    }
  }

  @Test
  void drawsValidDistinctUsNumbers() {
    Random random = new Random(7);
    Set<String> phones = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      String phone = DemoPeople.phone(random);
      assertThat(PhoneNumbers.toE164(phone, null)).isEqualTo(phone);
      assertThat(phone).startsWith("+1");
      phones.add(phone);
    }
    assertThat(phones).hasSizeGreaterThan(195);
  }

  @Test
  void findsTheShortLinkCodeInAText() {
    assertThat(DemoBehaviour.code("Here's 20% off: https://go.example/l/aB3_x-9Q Reply STOP")).contains("aB3_x-9Q");
    assertThat(DemoBehaviour.code("Here's 20% off: https://shop.example/welcome-back")).isEmpty();
  }
}
