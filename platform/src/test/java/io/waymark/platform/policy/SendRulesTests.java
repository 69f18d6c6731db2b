package io.waymark.platform.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.ClassPathResource;

class SendRulesTests {

  private static final SendRules SHIPPED = SendRules.load(new ClassPathResource("policy/send-rules.tsv"));

  @Test
  void loadsTheShippedTableWithASourceForEveryRule() {
    assertThat(SHIPPED.rules()).hasSizeGreaterThanOrEqualTo(11)
        .allSatisfy(rule -> assertThat(rule.source()).isNotBlank());
    assertThat(SHIPPED.rules()).extracting(SendRule::scope)
        .contains("*", "US", "US-FL", "US-OK", "US-MD", "US-WA", "IN", "FR", "DE", "GB");
  }

  @Test
  void readsFloridasWindowAndCap() {
    assertThat(SHIPPED.rules()).filteredOn(rule -> rule.scope().equals("US-FL")).singleElement().satisfies(rule -> {
      assertThat(rule.classes()).containsExactly(MessageClass.PROMOTIONAL);
      assertThat(rule.window().start()).isEqualTo(LocalTime.of(8, 0));
      assertThat(rule.window().end()).isEqualTo(LocalTime.of(20, 0));
      assertThat(rule.cap()).isEqualTo(new SendRule.Limit(3, Duration.ofHours(24)));
      assertThat(rule.source()).startsWith("Fla. Stat. 501.616(6)");
    });
  }

  @Test
  void keepsFrenchPromotionOffSundays() {
    assertThat(SHIPPED.rules()).filteredOn(rule -> rule.scope().equals("FR")).singleElement()
        .satisfies(rule -> assertThat(rule.window().days()).doesNotContain(DayOfWeek.SUNDAY).hasSize(6));
  }

  @Test
  void appliesAStatesRowsTogetherWithTheFederalOnes() {
    assertThat(SHIPPED.applicable(MessageClass.PROMOTIONAL, "US", "FL")).extracting(SendRule::scope)
        .containsExactlyInAnyOrder("US", "US-FL");
    assertThat(SHIPPED.applicable(MessageClass.PROMOTIONAL, "US", "CA")).extracting(SendRule::scope)
        .containsExactly("US");
  }

  @Test
  void fallsBackToTheDefaultRowsWhereACountryHasNoneOfItsOwn() {
    assertThat(SHIPPED.applicable(MessageClass.PROMOTIONAL, "BR", null)).extracting(SendRule::scope)
        .containsExactly("*");
    assertThat(SHIPPED.applicable(MessageClass.PROMOTIONAL, null, null)).extracting(SendRule::scope)
        .containsExactly("*");
    assertThat(SHIPPED.applicable(MessageClass.ALERT, "US", "FL")).extracting(SendRule::scope)
        .containsExactly("*");
    assertThat(SHIPPED.applicable(MessageClass.TRANSACTIONAL, "US", "FL")).isEmpty();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      # columns separated by ~ here, by tabs in the table
      USA~promotional~08:00-21:00~*~-~somewhere       | scope 'USA'
      US~marketing~08:00-21:00~*~-~somewhere          | 'marketing' is not a message class
      US~promotional~21:00-08:00~*~-~somewhere        | must start before it ends
      US~promotional~8-21~*~-~somewhere               | window '8-21'
      US~promotional~08:00-21:00~SAT-MON~-~somewhere  | days 'SAT-MON'
      US~promotional~08:00-21:00~SUNDAY~-~somewhere   | 'SUNDAY' is not a day
      US~promotional~-~*~3 per day~somewhere          | cap '3 per day'
      US~promotional~-~*~0/PT24H~somewhere            | at least one message
      US~promotional~08:00-21:00~*~-~                 | every rule names its source
      US~promotional~-~*~-~somewhere                  | a window, a cap or both
      US~promotional~08:00-21:00                      | expected 6 tab-separated columns
      """)
  void rejectsAMalformedRowNamingItsLine(String row, String problem) {
    String table = "# comment\nscope\tclasses\twindow\tdays\tcap\tsource\n" + row.replace('~', '\t');

    assertThatThrownBy(() -> SendRules.parse(table, "rules.tsv"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("rules.tsv line 3: ")
        .hasMessageContaining(problem);
  }
}
