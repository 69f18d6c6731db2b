package io.waymark.platform.segment;

import com.fasterxml.jackson.databind.JsonNode;
import io.waymark.platform.support.InvalidInputException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;

/** The values inside rule nodes, read strictly; every refusal names the JSON path. */
final class RuleValues {

  static final int MAX_VALUES = 500;
  static final int MAX_DAYS = 3650;
  /** A consent topic or topic of interest, as the consent and contact modules accept them. */
  static final Pattern TOPIC = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

  private RuleValues() {
  }

  static JsonNode object(JsonNode json, String path, String... allowed) {
    if (json == null || !json.isObject()) {
      throw new InvalidInputException(path, "must be an object (" + String.join(", ", allowed) + ")");
    }
    for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!List.of(allowed).contains(name)) {
        throw new InvalidInputException(path + "." + name, "is not one of " + String.join(", ", allowed));
      }
    }
    return json;
  }

  static String topic(JsonNode json, String path) {
    String topic = text(json, path);
    if (!TOPIC.matcher(topic).matches()) {
      throw new InvalidInputException(path, "'" + topic + "' is not a topic (lower-case letters, digits, '-')");
    }
    return topic;
  }

  static String text(JsonNode json, String path) {
    if (json == null || json.isNull()) {
      throw new InvalidInputException(path, "is required");
    }
    if (!json.isTextual() || json.asText().isBlank()) {
      throw new InvalidInputException(path, "must be a non-empty string");
    }
    return json.asText().strip();
  }

  /** A compared value: a string, number or boolean, as text (attributes are stored as text). */
  static String scalar(JsonNode json, String path) {
    if (json == null || json.isNull()) {
      throw new InvalidInputException(path, "is required");
    }
    if (!json.isValueNode() || json.asText().isBlank()) {
      throw new InvalidInputException(path, "must be a non-empty string, number or boolean");
    }
    String value = json.asText().strip();
    if (value.length() > 1000) {
      throw new InvalidInputException(path, "is longer than 1000 characters");
    }
    return value;
  }

  /** A non-empty list of at most {@value #MAX_VALUES} values. */
  static List<String> scalars(JsonNode list, String path) {
    if (list == null || !list.isArray() || list.isEmpty()) {
      throw new InvalidInputException(path, "must be a list of at least one value");
    }
    if (list.size() > MAX_VALUES) {
      throw new InvalidInputException(path, "holds more than " + MAX_VALUES + " values");
    }
    List<String> values = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      values.add(scalar(list.get(i), path + "[" + i + "]"));
    }
    return List.copyOf(values);
  }

  /** A whole number of days from 1 to {@value #MAX_DAYS}. */
  static int days(JsonNode days, String path) {
    if (days == null || !days.isIntegralNumber() || !days.canConvertToInt() || days.asInt() < 1
        || days.asInt() > MAX_DAYS) {
      throw new InvalidInputException(path, "must be a whole number of days from 1 to " + MAX_DAYS);
    }
    return days.asInt();
  }
}
