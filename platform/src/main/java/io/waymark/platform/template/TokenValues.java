package io.waymark.platform.template;

import io.waymark.platform.contact.ContactView;
import io.waymark.platform.template.TemplateToken.Format;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns the value behind a token into message text, or into nothing when there is no usable value: null, blank,
 * the words "null" or "undefined", a map or a list all count as missing, so that a fallback (or a clear failure)
 * takes their place rather than broken text. Whitespace runs become one space; braces become parentheses, so a
 * value never looks like a token. Dates and times are written in the contact's locale (default en-US), datetimes in
 * the contact's time zone, else in the value's own offset, else in UTC with "UTC" after them.
 */
final class TokenValues {

  static final Locale DEFAULT_LOCALE = Locale.US;

  private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");
  private static final Pattern MISSING = Pattern.compile("(?i)null|undefined");

  private TokenValues() {
  }

  /** The variable of a token name: the flat key ("appointment.time") first, then nested maps. */
  static Object variable(Map<String, ?> variables, String name) {
    if (variables == null) {
      return null;
    }
    if (variables.containsKey(name)) {
      return variables.get(name);
    }
    Object current = variables;
    for (String part : name.split("\\.")) {
      if (!(current instanceof Map<?, ?> map)) {
        return null;
      }
      current = map.get(part);
    }
    return current;
  }

  /** The contact's own value of a contact token, or null. */
  static String contactField(ContactView contact, String name) {
    if (contact == null) {
      return null;
    }
    return switch (name) {
      case "firstName" -> contact.firstName();
      case "lastName" -> contact.lastName();
      case "email" -> contact.email();
      default -> name.startsWith("attributes.") && contact.attributes() != null
          ? contact.attributes().get(name.substring("attributes.".length())) : null;
    };
  }

  /** The text of a value in a format, or empty when the value is missing or unusable. */
  static Optional<String> text(Object value, Format format, ContactView contact) {
    if (value == null || value instanceof Map<?, ?> || value instanceof Collection<?> || value.getClass().isArray()) {
      return Optional.empty();
    }
    String text = switch (format) {
      case DATETIME -> dateTime(value, zone(contact), locale(contact));
      case DATE -> date(value, locale(contact));
      default -> scalar(value);
    };
    text = SPACES.matcher(text).replaceAll(" ").strip().replace('{', '(').replace('}', ')');
    return text.isEmpty() || MISSING.matcher(text).matches() ? Optional.empty() : Optional.of(text);
  }

  private static String scalar(Object value) {
    return switch (value) {
      case BigDecimal decimal -> decimal.toPlainString();
      case Double d when d == Math.rint(d) && !d.isInfinite() && Math.abs(d) < 1e15 -> Long.toString(d.longValue());
      case Float f when f == Math.rint(f) && !f.isInfinite() && Math.abs(f) < 1e7 -> Long.toString(f.longValue());
      case Double d -> BigDecimal.valueOf(d).toPlainString();
      default -> value.toString();
    };
  }

  private static String dateTime(Object value, ZoneId contactZone, Locale locale) {
    ZonedDateTime at;
    boolean showZone = false;
    Object parsed = value instanceof String text ? parseTime(text.strip()) : value;
    switch (parsed) {
      case Instant instant -> {
        at = instant.atZone(contactZone != null ? contactZone : ZoneOffset.UTC);
        showZone = contactZone == null;
      }
      case OffsetDateTime offset -> at = contactZone != null ? offset.atZoneSameInstant(contactZone)
          : offset.toZonedDateTime();
      case ZonedDateTime zoned -> at = contactZone != null ? zoned.withZoneSameInstant(contactZone) : zoned;
      case LocalDateTime local -> at = local.atZone(ZoneOffset.UTC);
      case LocalDate day -> {
        return date(day, locale);
      }
      case null, default -> {
        return value.toString();
      }
    }
    String text = day(at, locale) + ", " + DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale)
        .format(at);
    return showZone ? text + " UTC" : text;
  }

  private static String date(Object value, Locale locale) {
    Object parsed = value instanceof String text ? parseTime(text.strip()) : value;
    LocalDate day = switch (parsed) {
      case LocalDate local -> local;
      case LocalDateTime local -> local.toLocalDate();
      case OffsetDateTime offset -> offset.toLocalDate();
      case ZonedDateTime zoned -> zoned.toLocalDate();
      case Instant instant -> instant.atOffset(ZoneOffset.UTC).toLocalDate();
      case null, default -> null;
    };
    return day == null ? value.toString() : day(day, locale);
  }

  /** Weekday, month and day ("Mon, Mar 16"); en-US where the locale has no such pattern. */
  private static String day(TemporalAccessor day, Locale locale) {
    try {
      return DateTimeFormatter.ofLocalizedPattern("MMMEd").withLocale(locale).format(day);
    } catch (DateTimeException e) {
      return DateTimeFormatter.ofLocalizedPattern("MMMEd").withLocale(DEFAULT_LOCALE).format(day);
    }
  }

  /** An ISO-8601 instant, offset or zoned datetime, local datetime or date; the text itself when none fits. */
  private static Object parseTime(String text) {
    try {
      if (text.length() == 10) {
        return LocalDate.parse(text);
      }
      if (text.endsWith("]")) {
        return ZonedDateTime.parse(text);
      }
      if (text.endsWith("Z") || text.endsWith("z")) {
        return Instant.parse(text.toUpperCase(Locale.ROOT));
      }
      try {
        return OffsetDateTime.parse(text);
      } catch (DateTimeParseException e) {
        return LocalDateTime.parse(text);
      }
    } catch (DateTimeParseException e) {
      return text;
    }
  }

  private static ZoneId zone(ContactView contact) {
    if (contact == null || contact.timeZone() == null) {
      return null;
    }
    try {
      return ZoneId.of(contact.timeZone());
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static Locale locale(ContactView contact) {
    if (contact == null || contact.locale() == null || contact.locale().isBlank()) {
      return DEFAULT_LOCALE;
    }
    Locale locale = Locale.forLanguageTag(contact.locale().strip().replace('_', '-'));
    return locale.getLanguage().isEmpty() ? DEFAULT_LOCALE : locale;
  }
}
