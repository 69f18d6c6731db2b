package io.waymark.platform.contact;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.platform.contact.TimeZones.Source;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContactTimeZoneTests {

  @Test
  void prefersAnExplicitZoneOverTheStateAndTheNumber() {
    ContactFields fields = merge(ContactFields.EMPTY, "+14155550100", "TX", "Europe/Berlin");

    assertThat(fields.timeZone()).isEqualTo("Europe/Berlin");
    assertThat(fields.timeZoneSource()).isEqualTo(Source.EXPLICIT);
  }

  @Test
  void prefersTheStateOverTheNumber() {
    ContactFields fields = merge(ContactFields.EMPTY, "+14155550100", "TX", null);

    assertThat(fields.timeZone()).isEqualTo("America/Chicago");
    assertThat(fields.timeZoneSource()).isEqualTo(Source.STATE);
  }

  @Test
  void fallsBackToTheNumbersOnlyZone() {
    ContactFields fields = merge(ContactFields.EMPTY, "+14155550100", null, null);

    assertThat(fields.timeZone()).isEqualTo("America/Los_Angeles");
    assertThat(fields.timeZoneSource()).isEqualTo(Source.NUMBER);
  }

  @Test
  void leavesTheZoneOpenWhenTheNumberSpansSeveralZonesAndNothingElseDecides() {
    assertThat(PhoneNumbers.timeZones("+16055550100")).hasSizeGreaterThan(1);
    assertThat(PhoneNumbers.timeZones("+18005550100")).hasSizeGreaterThan(1);

    assertThat(merge(ContactFields.EMPTY, "+16055550100", null, null).timeZone()).isNull();
    assertThat(merge(ContactFields.EMPTY, "+18005550100", "Atlantis", null).timeZone()).isNull();
    assertThat(merge(ContactFields.EMPTY, "+16055550100", "SD", null).timeZone()).isEqualTo("America/Chicago");
  }

  @Test
  void keepsAnExplicitZoneWhenALaterUpdateOnlyNamesAState() {
    ContactFields explicit = merge(ContactFields.EMPTY, "+14155550100", null, "America/Phoenix");

    ContactFields moved = merge(explicit, "+14155550100", "NY", null);

    assertThat(moved.region()).isEqualTo("NY");
    assertThat(moved.timeZone()).isEqualTo("America/Phoenix");
  }

  @Test
  void letsANewStateReplaceAZoneThatCameFromTheNumberOrAnEarlierState() {
    ContactFields fromNumber = merge(ContactFields.EMPTY, "+14155550100", null, null);
    ContactFields fromState = merge(fromNumber, "+14155550100", "NY", null);

    assertThat(fromState.timeZone()).isEqualTo("America/New_York");
    assertThat(merge(fromState, "+14155550100", "Hawaii", null).timeZone()).isEqualTo("Pacific/Honolulu");
  }

  @Test
  void readsStatesOnlyForNorthAmericanNumbers() {
    assertThat(merge(ContactFields.EMPTY, "+33612345678", "CA", null).timeZone()).isEqualTo("Europe/Paris");
  }

  @ParameterizedTest
  @CsvSource({
      "FL, America/New_York", "TX, America/Chicago", "tn, America/Chicago", "IN, America/Indiana/Indianapolis",
      "DC, America/New_York", "PR, America/Puerto_Rico", "Puerto Rico, America/Puerto_Rico",
      "new york, America/New_York", "AZ, America/Phoenix", "AK, America/Anchorage", "HI, Pacific/Honolulu"})
  void mapsStatesToThePopulousZone(String state, String zone) {
    assertThat(TimeZones.ofState(state)).contains(zone);
  }

  @Test
  void coversEveryStateDcAndTheTerritories() throws Exception {
    List<String> codes;
    try (var in = new BufferedReader(new InputStreamReader(
        getClass().getResourceAsStream("/contact/us-state-time-zones.tsv"), StandardCharsets.UTF_8))) {
      codes = in.lines().filter(line -> !line.startsWith("#") && !line.isBlank())
          .map(line -> line.split("\t")[0]).toList();
    }

    assertThat(codes).doesNotHaveDuplicates().hasSize(56).contains("DC", "PR", "VI", "GU", "MP", "AS");
    assertThat(codes).allSatisfy(code -> assertThat(TimeZones.ofState(code)).isPresent());
  }

  @Test
  void acceptsIanaZonesInAnyCaseOnly() {
    assertThat(TimeZones.iana("asia/kolkata")).contains("Asia/Kolkata");
    assertThat(TimeZones.iana("Mars/Olympus")).isEmpty();
    assertThat(TimeZones.iana("+02:00")).isEmpty();
  }

  private static ContactFields merge(ContactFields fields, String phone, String region, String zone) {
    return fields.merge(new ContactInput(phone, null, null, null, null, region, zone, null, null, null, Map.of()));
  }
}
