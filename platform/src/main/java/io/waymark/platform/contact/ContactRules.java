package io.waymark.platform.contact;

import io.waymark.platform.support.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What a valid contact looks like. The phone (and the country it is read with) must be right or nothing is stored;
 * every other bad value goes to a {@link Problems} handler: {@link #STRICT} refuses the whole input (the API's 400),
 * the CSV import drops the value and warns. Field names are those of the JSON API.
 */
final class ContactRules {

  static final List<String> LIFECYCLE_STAGES = List.of("lead", "prospect", "customer", "churned");
  static final int MAX_ATTRIBUTES_JSON = 4000;

  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  private static final Pattern TOPIC = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
  private static final Pattern LOCALE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*");

  /** Receives each bad optional value; the value is then treated as absent. */
  interface Problems {
    void report(InvalidInputException problem);
  }

  static final Problems STRICT = problem -> {
    throw problem;
  };

  private ContactRules() {
  }

  static ContactInput check(ContactDetails details, String defaultCountry, Problems problems) {
    String country = blank(details.country()) ? defaultCountry : details.country();
    String phone = PhoneNumbers.toE164(details.phone(), country);
    return new ContactInput(phone,
        text("firstName", details.firstName(), 100, problems),
        text("lastName", details.lastName(), 100, problems),
        email(details.email(), problems),
        locale(details.locale(), problems),
        text("region", details.region(), 64, problems),
        timeZone(details.timeZone(), problems),
        lifecycleStage(details.lifecycleStage(), problems),
        text("owner", details.owner(), 100, problems),
        topics(details.topics(), problems),
        attributes(details.attributes(), problems));
  }

  private static String text(String field, String value, int max, Problems problems) {
    if (blank(value)) {
      return null;
    }
    String text = value.strip();
    if (text.length() > max) {
      problems.report(new InvalidInputException(field, "is longer than " + max + " characters"));
      return null;
    }
    return text;
  }

  private static String email(String value, Problems problems) {
    String email = text("email", value, 254, problems);
    if (email != null && !EMAIL.matcher(email).matches()) {
      problems.report(new InvalidInputException("email", "'" + value + "' is not an email address"));
      return null;
    }
    return email;
  }

  private static String locale(String value, Problems problems) {
    String locale = text("locale", value, 35, problems);
    if (locale == null) {
      return null;
    }
    String tag = locale.replace('_', '-');
    if (!LOCALE.matcher(tag).matches() || Locale.forLanguageTag(tag).getLanguage().isEmpty()) {
      problems.report(new InvalidInputException("locale", "'" + value + "' is not a language tag such as en-US"));
      return null;
    }
    return Locale.forLanguageTag(tag).toLanguageTag();
  }

  private static String timeZone(String value, Problems problems) {
    if (blank(value)) {
      return null;
    }
    return TimeZones.iana(value).orElseGet(() -> {
      problems.report(new InvalidInputException("timeZone", "'" + value + "' is not an IANA time zone"));
      return null;
    });
  }

  private static String lifecycleStage(String value, Problems problems) {
    if (blank(value)) {
      return null;
    }
    String stage = value.strip().toLowerCase(Locale.ROOT);
    if (!LIFECYCLE_STAGES.contains(stage)) {
      problems.report(new InvalidInputException("lifecycleStage", "'" + value + "' is not one of " + LIFECYCLE_STAGES));
      return null;
    }
    return stage;
  }

  private static List<String> topics(List<String> values, Problems problems) {
    if (values == null) {
      return null;
    }
    TreeSet<String> topics = new TreeSet<>();
    for (String value : values) {
      String topic = value == null ? null : value.strip();
      if (topic == null || !TOPIC.matcher(topic).matches()) {
        problems.report(new InvalidInputException("topics",
            "'" + value + "' is not a topic (lower-case letters, digits and '-', at most 64)"));
        return null;
      }
      topics.add(topic);
    }
    if (String.join(",", topics).length() > 1000) {
      problems.report(new InvalidInputException("topics", "are more than 1000 characters together"));
      return null;
    }
    return List.copyOf(topics);
  }

  private static Map<String, String> attributes(Map<String, String> values, Problems problems) {
    Map<String, String> attributes = new LinkedHashMap<>();
    if (values == null) {
      return attributes;
    }
    List<String> keys = new ArrayList<>(values.keySet());
    for (String key : keys) {
      String value = values.get(key);
      if (blank(key) || key.strip().length() > 64) {
        problems.report(new InvalidInputException("attributes", "'" + key + "' is not a name of 1 to 64 characters"));
      } else if (!blank(value) && value.strip().length() > 1000) {
        problems.report(new InvalidInputException("attributes." + key, "is longer than 1000 characters"));
      } else if (!blank(value)) {
        attributes.put(key.strip(), value.strip());
      }
    }
    return attributes;
  }

  static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
