package io.waymark.platform.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;

/**
 * The rules table ({@code policy/send-rules.tsv}): data, not code. Loaded once at start; a bad row fails the start with
 * its line number. How rows combine is described in the table's header and in {@link #applicable}.
 */
final class SendRules {

  private static final Pattern SCOPE = Pattern.compile("\\*|[A-Z]{2}(-[A-Z0-9]{1,3})?");
  private static final Pattern WINDOW = Pattern.compile("(\\d{2}:\\d{2})-(\\d{2}:\\d{2})");
  private static final Pattern CAP = Pattern.compile("(\\d+)/(P\\S+)");
  private static final int COLUMNS = 6;

  private final List<SendRule> rules;

  private SendRules(List<SendRule> rules) {
    this.rules = List.copyOf(rules);
  }

  static SendRules load(Resource resource) {
    try {
      return parse(resource.getContentAsString(StandardCharsets.UTF_8), resource.getDescription());
    } catch (IOException e) {
      throw new UncheckedIOException("send rules cannot be read from " + resource.getDescription(), e);
    }
  }

  /** Reads the table; {@code origin} names it in errors. */
  static SendRules parse(String text, String origin) {
    List<SendRule> rules = new ArrayList<>();
    String[] lines = text.split("\\R");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.isBlank() || line.startsWith("#") || line.startsWith("scope\t")) {
        continue;
      }
      try {
        rules.add(row(i + 1, line.split("\t", -1)));
      } catch (RuntimeException e) {
        throw new IllegalStateException(origin + " line " + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    return new SendRules(rules);
  }

  List<SendRule> rules() {
    return rules;
  }

  /**
   * The rows for a message of {@code messageClass} to a recipient in {@code country} (ISO 3166-1, may be null) and
   * {@code region} (its subdivision, e.g. "FL", may be null): the country's rows and the subdivision's rows together;
   * the "*" rows only where the country has no country-wide row for the class.
   */
  List<SendRule> applicable(MessageClass messageClass, String country, String region) {
    List<SendRule> forClass = rules.stream().filter(rule -> rule.classes().contains(messageClass)).toList();
    List<SendRule> local = forClass.stream()
        .filter(rule -> country != null && (rule.scope().equals(country)
            || region != null && rule.scope().equals(country + "-" + region)))
        .toList();
    boolean countryWide = local.stream().anyMatch(rule -> rule.scope().equals(country));
    if (countryWide) {
      return local;
    }
    List<SendRule> all = new ArrayList<>(forClass.stream()
        .filter(rule -> rule.scope().equals(SendRule.EVERYWHERE)).toList());
    all.addAll(local);
    return all;
  }

  private static SendRule row(int line, String[] cells) {
    if (cells.length != COLUMNS) {
      throw new IllegalArgumentException("expected " + COLUMNS + " tab-separated columns "
          + "(scope, classes, window, days, cap, source), found " + cells.length);
    }
    String scope = cells[0].strip();
    if (!SCOPE.matcher(scope).matches()) {
      throw new IllegalArgumentException("scope '" + scope + "' is not *, a country (US) or a subdivision (US-FL)");
    }
    Set<MessageClass> classes = new LinkedHashSet<>();
    for (String name : cells[1].split(",")) {
      classes.add(MessageClass.parse(name));
    }
    String source = cells[5].strip();
    if (source.isEmpty()) {
      throw new IllegalArgumentException("every rule names its source");
    }
    LocalWindow window = window(cells[2].strip(), days(cells[3].strip()), source);
    SendRule.Limit cap = cap(cells[4].strip());
    if (window == null && cap == null) {
      throw new IllegalArgumentException("a rule needs a window, a cap or both");
    }
    return new SendRule(line, scope, classes, window, cap, source);
  }

  private static LocalWindow window(String text, Set<DayOfWeek> days, String source) {
    if (text.equals("-")) {
      return null;
    }
    Matcher m = WINDOW.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("window '" + text + "' is not HH:mm-HH:mm or -");
    }
    try {
      return new LocalWindow(LocalTime.parse(m.group(1)), LocalTime.parse(m.group(2)), days, source);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("window '" + text + "': " + e.getMessage(), e);
    }
  }

  private static Set<DayOfWeek> days(String text) {
    if (text.equals("*")) {
      return LocalWindow.EVERY_DAY;
    }
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    for (String part : text.split(",")) {
      String[] range = part.strip().split("-");
      DayOfWeek from = day(range[0]);
      DayOfWeek to = range.length == 2 ? day(range[1]) : from;
      if (range.length > 2 || to.compareTo(from) < 0) {
        throw new IllegalArgumentException("days '" + part + "' is not a day or a range such as MON-FRI");
      }
      days.addAll(EnumSet.range(from, to));
    }
    return days;
  }

  private static DayOfWeek day(String text) {
    for (DayOfWeek day : DayOfWeek.values()) {
      if (day.name().substring(0, 3).equals(text.strip().toUpperCase(Locale.ROOT))) {
        return day;
      }
    }
    throw new IllegalArgumentException("'" + text + "' is not a day (MON, TUE, ... SUN)");
  }

  private static SendRule.Limit cap(String text) {
    if (text.equals("-")) {
      return null;
    }
    Matcher m = CAP.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("cap '" + text + "' is not N/ISO-8601-duration (3/PT24H) or -");
    }
    try {
      Duration per = Duration.parse(m.group(2));
      int max = Integer.parseInt(m.group(1));
      if (max < 1 || per.isNegative() || per.isZero()) {
        throw new IllegalArgumentException("cap '" + text + "' must allow at least one message in a positive window");
      }
      return new SendRule.Limit(max, per);
    } catch (DateTimeException | NumberFormatException e) {
      throw new IllegalArgumentException("cap '" + text + "': " + e.getMessage(), e);
    }
  }
}
