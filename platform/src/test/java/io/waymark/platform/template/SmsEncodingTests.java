package io.waymark.platform.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.waymark.platform.template.SmsEncoding.Analysis;
import io.waymark.platform.template.SmsEncoding.Encoding;
import io.waymark.platform.template.SmsEncoding.ForcingCharacter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmsEncodingTests {

  private static final String EMOJI = "\uD83D\uDE00"; // 😀, one character, two UTF-16 units
  private static final String CYRILLIC = "ж";

  @ParameterizedTest(name = "{0} GSM characters take {1} segments")
  @CsvSource({"1, 1", "160, 1", "161, 2", "306, 2", "307, 3", "459, 3", "460, 4"})
  void packsGsmTextIn160Or153SeptetParts(int length, int segments) {
    Analysis analysis = SmsEncoding.analyze("a".repeat(length));

    assertThat(analysis.encoding()).isEqualTo(Encoding.GSM_7);
    assertThat(analysis.characters()).isEqualTo(length);
    assertThat(analysis.units()).isEqualTo(length);
    assertThat(analysis.segments()).isEqualTo(segments);
    assertThat(analysis.ucs2Characters()).isEmpty();
  }

  @ParameterizedTest(name = "{0} UCS-2 characters take {1} segments")
  @CsvSource({"1, 1", "70, 1", "71, 2", "134, 2", "135, 3"})
  void packsUcs2TextIn70Or67UnitParts(int length, int segments) {
    Analysis analysis = SmsEncoding.analyze(CYRILLIC.repeat(length));

    assertThat(analysis.encoding()).isEqualTo(Encoding.UCS_2);
    assertThat(analysis.units()).isEqualTo(length);
    assertThat(analysis.segments()).isEqualTo(segments);
  }

  @Test
  void countsAnExtensionCharacterAsTwoSeptets() {
    assertThat(SmsEncoding.analyze("€")).isEqualTo(new Analysis(1, Encoding.GSM_7, 2, 1, List.of()));
    assertThat(SmsEncoding.analyze("{}[]~|^\\").units()).isEqualTo(16);
    assertThat(SmsEncoding.analyze("a".repeat(158) + "€").segments()).isEqualTo(1);
    assertThat(SmsEncoding.analyze("a".repeat(159) + "€").segments()).isEqualTo(2);
  }

  @Test
  void neverSplitsAnExtensionCharacterAcrossParts() {
    // 152 + 2 + 152 = 306 septets: two parts by division, but the € cannot straddle the first part's end
    Analysis analysis = SmsEncoding.analyze("a".repeat(152) + "€" + "a".repeat(152));

    assertThat(analysis.units()).isEqualTo(306);
    assertThat(analysis.segments()).isEqualTo(3);
    assertThat(SmsEncoding.analyze("a".repeat(151) + "€" + "a".repeat(153)).segments()).isEqualTo(2);
    assertThat(SmsEncoding.analyze("a".repeat(152) + "€").segments()).isEqualTo(1);
  }

  @Test
  void neverSplitsASurrogatePairAcrossParts() {
    Analysis fits = SmsEncoding.analyze(CYRILLIC.repeat(68) + EMOJI);
    assertThat(fits.characters()).isEqualTo(69);
    assertThat(fits.units()).isEqualTo(70);
    assertThat(fits.segments()).isEqualTo(1);

    // 66 + 2 + 66 = 134 units: two parts by division, but the emoji cannot straddle the first part's end
    assertThat(SmsEncoding.analyze(CYRILLIC.repeat(66) + EMOJI + CYRILLIC.repeat(66)).segments()).isEqualTo(3);
    assertThat(SmsEncoding.analyze(CYRILLIC.repeat(65) + EMOJI + CYRILLIC.repeat(67)).segments()).isEqualTo(2);
  }

  @Test
  void switchesToUcs2ForOneCharacterOutsideGsmAndPointsAtIt() {
    Analysis analysis = SmsEncoding.analyze("Hi " + EMOJI + ", it’s ready");

    assertThat(analysis.encoding()).isEqualTo(Encoding.UCS_2);
    assertThat(analysis.characters()).isEqualTo(16);
    assertThat(analysis.units()).isEqualTo(17);
    assertThat(analysis.ucs2Characters()).containsExactly(
        new ForcingCharacter(3, EMOJI, "U+1F600", null),
        new ForcingCharacter(9, "’", "U+2019", "'"));
  }

  @Test
  void keepsGsmLettersAndAccentsThatAreInTheTable() {
    Analysis analysis = SmsEncoding.analyze("@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ¤¡ÄÖÑÜ§¿äöñüà\r\n");

    assertThat(analysis.encoding()).isEqualTo(Encoding.GSM_7);
    assertThat(SmsEncoding.analyze("ç").encoding()).isEqualTo(Encoding.UCS_2);
    assertThat(SmsEncoding.analyze("á").ucs2Characters()).containsExactly(new ForcingCharacter(0, "á", "U+00E1", null));
  }

  @Test
  void offersGsmLookAlikesForTypographicCharacters() {
    String typed = "‘Hi’ “there” – a—b… 50\u00A0% off\u202Fnow\u200B • ™";

    assertThat(SmsEncoding.analyze(typed).ucs2Characters()).extracting(ForcingCharacter::codePoint,
            ForcingCharacter::lookAlike)
        .containsExactly(
            tuple("U+2018", "'"), tuple("U+2019", "'"),
            tuple("U+201C", "\""), tuple("U+201D", "\""),
            tuple("U+2013", "-"), tuple("U+2014", "-"),
            tuple("U+2026", "..."), tuple("U+00A0", " "),
            tuple("U+202F", " "), tuple("U+200B", ""),
            tuple("U+2022", "-"), tuple("U+2122", "TM"));
    String fixed = SmsEncoding.withLookAlikes(typed);
    assertThat(fixed).isEqualTo("'Hi' \"there\" - a-b... 50 % off now - TM");
    assertThat(SmsEncoding.analyze(fixed).encoding()).isEqualTo(Encoding.GSM_7);
  }

  @Test
  void leavesCharactersWithoutLookAlikeAlone() {
    assertThat(SmsEncoding.withLookAlikes("Zoë ’" + EMOJI)).isEqualTo("Zoë '" + EMOJI);
  }

  @Test
  void countsAnEmptyTextAsNoSegments() {
    assertThat(SmsEncoding.analyze("")).isEqualTo(new Analysis(0, Encoding.GSM_7, 0, 0, List.of()));
  }
}
