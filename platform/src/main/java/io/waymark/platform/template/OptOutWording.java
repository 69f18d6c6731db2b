package io.waymark.platform.template;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recognises opt-out wording in an SMS: the common forms, case-insensitive ("Reply STOP to opt out", "Text STOP to
 * unsubscribe", "STOP to end", "Txt STOP 2 quit", "To opt out, reply STOP", "Unsubscribe: text STOP"), or the brand's
 * own phrase ({@code waymark.templates.brands.<brand>.opt-out-text}) anywhere in the text. Curly quotes and unusual
 * spaces count as their plain forms.
 */
final class OptOutWording {

  private static final String ACTION = "(?:opt[\\s-]?out|unsubscribe|unsub|cancel|end|quit|stop)";
  private static final List<Pattern> COMMON = List.of(
      Pattern.compile("\\bstop[\"']?\\s*(?:to|2|=)\\s*" + ACTION + "\\b", Pattern.CASE_INSENSITIVE),
      Pattern.compile("\\b(?:opt[\\s-]?out|unsubscribe|stop\\s+(?:receiving|messages|texts|msgs))\\b[^.!?]{0,40}?"
          + "\\b(?:reply|text|txt|send|respond)(?:\\s+with)?\\s+[\"']?stop\\b", Pattern.CASE_INSENSITIVE));
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private OptOutWording() {
  }

  /** Whether {@code text} carries opt-out wording, common or {@code brandPhrase} (may be null). */
  static boolean present(String text, String brandPhrase) {
    String plain = plain(text);
    if (COMMON.stream().anyMatch(pattern -> pattern.matcher(plain).find())) {
      return true;
    }
    if (brandPhrase == null || brandPhrase.isBlank()) {
      return false;
    }
    String phrase = plain(brandPhrase).replaceAll("[.!\\s]+$", "");
    return !phrase.isEmpty() && plain.toLowerCase(Locale.ROOT).contains(phrase.toLowerCase(Locale.ROOT));
  }

  private static String plain(String text) {
    return SPACES.matcher(SmsEncoding.withLookAlikes(text)).replaceAll(" ").strip();
  }
}
