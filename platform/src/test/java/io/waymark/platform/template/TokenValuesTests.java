package io.waymark.platform.template;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.platform.contact.ContactId;
import io.waymark.platform.contact.ContactView;
import io.waymark.platform.template.TemplateToken.Format;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenValuesTests {

  private static ContactView contact(String locale, String timeZone) {
    return new ContactView(new ContactId(1), "+14155550100", "Maya", null, null, locale, "CA", timeZone, null, null,
        List.of(), Map.of("plan", "Gold"));
  }

  @Test
  void writesADatetimeInTheContactsZoneAndLocale() {
    Instant at = Instant.parse("2026-03-16T22:30:00Z");

    assertThat(TokenValues.text(at, Format.DATETIME, contact("en-US", "America/Los_Angeles")))
        .contains("Mon, Mar 16, 3:30 PM");
    assertThat(TokenValues.text("2026-03-16T22:30:00Z", Format.DATETIME, contact("de-DE", "Europe/Berlin")))
        .contains("Mo., 16. März, 23:30");
    assertThat(TokenValues.text("2026-03-16T22:30:00Z", Format.DATETIME, contact("en-GB", "Europe/London")))
        .contains("Mon 16 Mar, 22:30");
  }

  @Test
  void keepsTheValuesOwnOffsetWhenTheContactHasNoZone() {
    assertThat(TokenValues.text("2026-03-16T15:30:00-07:00", Format.DATETIME, contact(null, null)))
        .contains("Mon, Mar 16, 3:30 PM");
    assertThat(TokenValues.text(OffsetDateTime.parse("2026-03-16T09:05:00+01:00"), Format.DATETIME, null))
        .contains("Mon, Mar 16, 9:05 AM");
  }

  @Test
  void marksAnInstantWithoutAnyZoneAsUtc() {
    assertThat(TokenValues.text("2026-03-16T22:30:00Z", Format.DATETIME, null)).contains("Mon, Mar 16, 10:30 PM UTC");
  }

  @Test
  void writesDatesWithWeekday() {
    assertThat(TokenValues.text("2026-03-31", Format.DATE, null)).contains("Tue, Mar 31");
    assertThat(TokenValues.text(LocalDate.of(2026, 3, 31), Format.DATE, contact("fr-FR", null)))
        .contains("mar. 31 mars");
    assertThat(TokenValues.text("2026-03-31", Format.DATETIME, null)).contains("Tue, Mar 31");
  }

  @Test
  void leavesATimeItCannotReadAsWritten() {
    assertThat(TokenValues.text("tomorrow at 3", Format.DATETIME, null)).contains("tomorrow at 3");
  }

  @Test
  void writesNumbersPlainly() {
    assertThat(TokenValues.text(3, Format.NUMBER, null)).contains("3");
    assertThat(TokenValues.text(3.0d, Format.NUMBER, null)).contains("3");
    assertThat(TokenValues.text(129.9d, Format.TEXT, null)).contains("129.9");
    assertThat(TokenValues.text(new BigDecimal("129.90"), Format.TEXT, null)).contains("129.90");
    assertThat(TokenValues.text(1e20d, Format.TEXT, null)).contains("100000000000000000000");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "null", "NULL", "undefined", "\n\t"})
  void treatsEmptyAndNullWordsAsMissing(String value) {
    assertThat(TokenValues.text(value, Format.TEXT, null)).isEmpty();
  }

  @Test
  void treatsStructuresAsMissing() {
    assertThat(TokenValues.text(Map.of("a", 1), Format.TEXT, null)).isEmpty();
    assertThat(TokenValues.text(List.of("a"), Format.TEXT, null)).isEmpty();
    assertThat(TokenValues.text(null, Format.TEXT, null)).isEmpty();
  }

  @Test
  void flattensWhitespaceAndDefusesBraces() {
    assertThat(TokenValues.text("  Mary\n  Ann {x} ", Format.TEXT, null)).isEqualTo(Optional.of("Mary Ann (x)"));
  }

  @Test
  void readsFlatKeysFirstThenNestedMaps() {
    Map<String, Object> variables = Map.of("appointment", Map.of("time", "nested"), "order.number", "flat",
        "order", Map.of("number", "nested"));

    assertThat(TokenValues.variable(variables, "appointment.time")).isEqualTo("nested");
    assertThat(TokenValues.variable(variables, "order.number")).isEqualTo("flat");
    assertThat(TokenValues.variable(variables, "appointment.time.zone")).isNull();
    assertThat(TokenValues.variable(variables, "cart.url")).isNull();
  }

  @Test
  void readsTheContactsOwnFields() {
    assertThat(TokenValues.contactField(contact(null, null), "firstName")).isEqualTo("Maya");
    assertThat(TokenValues.contactField(contact(null, null), "attributes.plan")).isEqualTo("Gold");
    assertThat(TokenValues.contactField(contact(null, null), "attributes.tier")).isNull();
    assertThat(TokenValues.contactField(null, "firstName")).isNull();
  }
}
