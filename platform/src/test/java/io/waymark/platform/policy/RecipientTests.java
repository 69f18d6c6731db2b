package io.waymark.platform.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.platform.contact.ContactId;
import io.waymark.platform.contact.ContactView;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecipientTests {

  private static ContactView contact(String phone, String region, String timeZone) {
    return new ContactView(new ContactId(1), phone, null, null, null, null, region, timeZone, null, null, List.of(),
        Map.of());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"+14155550100, US", "+33612345678, FR", "+919876543210, IN", "+442079460123, GB",
      "+491701234567, DE", "+6421123456, NZ", "+18005550100, US"})
  void readsTheCountryFromTheNumber(String phone, String country) {
    assertThat(Recipient.of(contact(phone, null, null)).country()).isEqualTo(country);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"FL, FL", "fl, FL", "' US-FL ', FL", "US-fl, FL"})
  void readsTheStateFromTheContactsRegion(String region, String expected) {
    assertThat(Recipient.of(contact("+13055550123", region, null)).region()).isEqualTo(expected);
  }

  @Test
  void takesTheContactsOwnZoneOverTheNumbers() {
    assertThat(Recipient.of(contact("+13055550123", "FL", "America/Chicago")).zones())
        .containsExactly(ZoneId.of("America/Chicago"));
  }

  @Test
  void fallsBackToTheNumbersZoneWhenTheStoredZoneIsNotAZone() {
    assertThat(Recipient.of(contact("+13055550123", "FL", "Mars/Olympus")).zones())
        .containsExactly(ZoneId.of("America/New_York"));
  }

  @Test
  void takesEveryZoneOfATollFreeNumberButEachSetOfRulesOnce() {
    var zones = Recipient.of(contact("+18005550100", null, null)).zones();

    assertThat(zones).contains(ZoneId.of("Pacific/Guam"), ZoneId.of("Pacific/Honolulu"),
        ZoneId.of("America/St_Johns"), ZoneId.of("America/Los_Angeles"), ZoneId.of("America/New_York"));
    assertThat(zones).extracting(ZoneId::getRules).doesNotHaveDuplicates();
  }
}
