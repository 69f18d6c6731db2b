package io.waymark.platform.consent;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** The forms of a reply's text that the classifier compares. */
final class ReplyText {

  private static final Pattern APOSTROPHES = Pattern.compile("['’‘`´ʼ]");
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern ELONGATED = Pattern.compile("(\\p{L})\\1{2,}");
  private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[\\p{P}\\p{Z}\\s]+|[\\p{P}\\p{Z}\\s]+$");

  private ReplyText() {
  }

  /**
   * Folds a reply to what the rules are written against: apostrophes dropped ({@code don't} to {@code dont}),
   * compatibility forms and accents folded with {@link Normalizer} ({@code Arrêtez} to {@code arretez}), letters the
   * decomposition keeps ({@code ß}, {@code æ}, {@code œ}, {@code ø}, {@code ł}) spelled out, lower-cased, a letter
   * repeated three times or more written once ({@code STOPPPP} to {@code stop}, {@code pleeease} to {@code please}),
   * and every run of anything but letters and digits (punctuation, hyphens, emoji, line breaks) turned into one
   * space, trimmed.
   * {@code null} becomes the empty string.
   */
  static String normalise(String text) {
    if (text == null) {
      return "";
    }
    String folded = Normalizer.normalize(APOSTROPHES.matcher(text).replaceAll(""), Normalizer.Form.NFKD);
    folded = MARKS.matcher(folded).replaceAll("").toLowerCase(Locale.ROOT)
        .replace("ß", "ss").replace("æ", "ae").replace("œ", "oe").replace("ø", "o").replace("ł", "l");
    folded = ELONGATED.matcher(folded).replaceAll("$1");
    return NOT_LETTER_OR_DIGIT.matcher(folded).replaceAll(" ").strip();
  }

  /** A prompt's answer key or a reply to it, compared as the prompt means it: edge punctuation and blanks trimmed. */
  static String answerKey(String text) {
    if (text == null) {
      return "";
    }
    return EDGE_PUNCTUATION.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC)).replaceAll("")
        .toLowerCase(Locale.ROOT);
  }
}
