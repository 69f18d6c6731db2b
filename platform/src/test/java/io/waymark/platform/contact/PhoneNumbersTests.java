package io.waymark.platform.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waymark.platform.support.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhoneNumbersTests {

  @ParameterizedTest
  @CsvSource({
      "'+1 (415) 555-0100', US, +14155550100",
      "415.555.0101, US, +14155550101",
      "'(212) 555-0142', US, +12125550142",
      "'+33 6 12 34 56 78', FR, +33612345678",
      "'+91 98765 43210', , +919876543210"})
  void normalizesToE164(String raw, String country, String e164) {
    assertThat(PhoneNumbers.toE164(raw, country)).isEqualTo(e164);
  }

  @Test
  void namesThePhoneFieldForMissingUnparseableAndInvalidNumbers() {
    assertThatThrownBy(() -> PhoneNumbers.toE164(" ", "US"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("phone"))
        .hasMessage("phone: is missing");
    assertThatThrownBy(() -> PhoneNumbers.toE164("phone", "US")).hasMessage("phone: 'phone' is not a phone number");
    assertThatThrownBy(() -> PhoneNumbers.toE164("12345", "US")).hasMessage("phone: '12345' is not a valid number");
    assertThatThrownBy(() -> PhoneNumbers.toE164("4155550100", null))
        .hasMessageStartingWith("phone: '4155550100' is not a phone number");
  }

  @Test
  void rejectsUnknownCountry() {
    assertThatThrownBy(() -> PhoneNumbers.toE164("4155550100", "XX")).hasMessageStartingWith("country:");
  }

  @Test
  void mapsNumbersToTheirTimeZones() {
    assertThat(PhoneNumbers.timeZones("+14155550100")).containsExactly("America/Los_Angeles");
    assertThat(PhoneNumbers.timeZones("+33612345678")).containsExactly("Europe/Paris");
  }

  @Test
  void masksAllButTheCountryPrefixAndLastDigits() {
    assertThat(PhoneNumbers.mask("+14155550100")).isEqualTo("+14155****00").doesNotContain("5550100");
  }
}
