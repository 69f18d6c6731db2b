package io.waymark.platform.segment;

import static io.waymark.platform.segment.RuleValues.days;
import static io.waymark.platform.segment.RuleValues.object;
import static io.waymark.platform.segment.RuleValues.scalar;
import static io.waymark.platform.segment.RuleValues.scalars;
import static io.waymark.platform.segment.RuleValues.text;
import static io.waymark.platform.segment.RuleValues.topic;

import com.fasterxml.jackson.databind.JsonNode;
import io.waymark.platform.consent.ReplyClass;
import io.waymark.platform.contact.ContactDirectory;
import io.waymark.platform.segment.Rule.Field;
import io.waymark.platform.segment.Rule.JourneyState;
import io.waymark.platform.segment.Rule.Op;
import io.waymark.platform.support.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Reads a rule tree from JSON (the grammar is in {@code package-info}), refusing anything it does not understand with
 * an {@link InvalidInputException} whose field is the JSON path of the bad node ({@code rule.all[2].op}). Relative
 * windows ({@code withinDays}) are turned into instants against {@code now}, so a stored rule moves with time.
 */
final class RuleParser {

  static final int MAX_NODES = 200;
  static final int MAX_DEPTH = 10;

  /** Each kind of node, named by its one distinguishing key, with the other keys it may carry. */
  private static final Map<String, Set<String>> KINDS = Map.ofEntries(
      Map.entry("all", Set.of()), Map.entry("any", Set.of()), Map.entry("not", Set.of()),
      Map.entry("field", Set.of("op", "value", "values")), Map.entry("topic", Set.of()),
      Map.entry("attribute", Set.of("op", "value", "values")), Map.entry("replied", Set.of()),
      Map.entry("messaged", Set.of()), Map.entry("journey", Set.of("state", "withinDays", "outcome")),
      Map.entry("optedIn", Set.of()), Map.entry("inactiveDays", Set.of()), Map.entry("clicked", Set.of()),
      Map.entry("converted", Set.of()));
  private static final String KIND_NAMES = "all, any, not, field, topic, attribute, replied, messaged, journey, "
      + "optedIn, inactiveDays, converted, clicked";
  private static final Map<String, Field> FIELDS = Map.of("lifecycleStage", Field.LIFECYCLE_STAGE,
      "region", Field.REGION, "owner", Field.OWNER, "locale", Field.LOCALE, "timeZone", Field.TIME_ZONE);
  private static final Map<String, Op> OPS = Map.of("eq", Op.EQ, "in", Op.IN, "present", Op.PRESENT,
      "startsWith", Op.STARTS_WITH);

  private final Instant now;
  private final Predicate<String> deployedJourney;
  private int nodes;

  private RuleParser(Instant now, Predicate<String> deployedJourney) {
    this.now = now;
    this.deployedJourney = deployedJourney;
  }

  /** The rule at {@code path} (the name of the property holding it, {@code rule} in every API body). */
  static Rule parse(JsonNode json, String path, Instant now, Predicate<String> deployedJourney) {
    if (json == null || json.isNull() || json.isMissingNode()) {
      throw new InvalidInputException(path, "is required");
    }
    return new RuleParser(now, deployedJourney).node(json, path, 1);
  }

  private Rule node(JsonNode json, String path, int depth) {
    if (!json.isObject()) {
      throw new InvalidInputException(path, "must be an object with one of " + KIND_NAMES);
    }
    if (++nodes > MAX_NODES) {
      throw new InvalidInputException(path, "the rule has more than " + MAX_NODES + " nodes");
    }
    if (depth > MAX_DEPTH) {
      throw new InvalidInputException(path, "the rule nests deeper than " + MAX_DEPTH + " levels");
    }
    List<String> kinds = new ArrayList<>();
    json.fieldNames().forEachRemaining(name -> {
      if (KINDS.containsKey(name)) {
        kinds.add(name);
      }
    });
    if (kinds.size() != 1) {
      throw new InvalidInputException(path, kinds.isEmpty() ? "must hold one of " + KIND_NAMES
          : "holds " + String.join(" and ", kinds) + "; a node is one rule (combine rules with all or any)");
    }
    String kind = kinds.getFirst();
    for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!name.equals(kind) && !KINDS.get(kind).contains(name)) {
        throw new InvalidInputException(path + "." + name, "is not a property of a '" + kind + "' rule"
            + (KINDS.get(kind).isEmpty() ? "" : " (" + kind + ", " + String.join(", ", sorted(KINDS.get(kind))) + ")"));
      }
    }
    String at = path + "." + kind;
    JsonNode value = json.get(kind);
    return switch (kind) {
      case "all" -> new Rule.All(list(value, at, depth, true));
      case "any" -> new Rule.Any(list(value, at, depth, false));
      case "not" -> new Rule.Not(node(value, at, depth + 1));
      case "field" -> field(json, path);
      case "topic" -> new Rule.HasTopic(topic(value, at));
      case "attribute" -> attribute(json, path);
      case "replied" -> replied(object(value, at, "withinDays", "classes"), at);
      case "messaged" -> messaged(object(value, at, "withinDays", "topic"), at);
      case "journey" -> journey(json, path);
      case "optedIn" -> optedIn(object(value, at, "topic", "since", "withinDays"), at);
      case "inactiveDays" -> new Rule.Inactive(daysAgo(value, at));
      case "converted" -> new Rule.Converted(window(object(value, at, "withinDays"), at));
      case "clicked" -> new Rule.Clicked(window(object(value, at, "withinDays"), at));
      default -> throw new IllegalStateException("no parser for rule kind " + kind);
    };
  }

  private List<Rule> list(JsonNode value, String path, int depth, boolean mayBeEmpty) {
    if (value == null || !value.isArray()) {
      throw new InvalidInputException(path, "must be a list of rules");
    }
    if (value.isEmpty() && !mayBeEmpty) {
      throw new InvalidInputException(path, "needs at least one rule (an empty 'any' matches nobody)");
    }
    List<Rule> rules = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      rules.add(node(value.get(i), path + "[" + i + "]", depth + 1));
    }
    return List.copyOf(rules);
  }

  private Rule field(JsonNode json, String path) {
    String name = text(json.get("field"), path + ".field");
    Field field = FIELDS.get(name);
    if (field == null) {
      throw new InvalidInputException(path + ".field", "'" + name + "' is not one of " + sorted(FIELDS.keySet())
          + " (topics and attributes have rules of their own)");
    }
    Op op = op(json, path);
    List<String> values = values(json, op, path);
    if (field == Field.LIFECYCLE_STAGE) {
      if (op == Op.STARTS_WITH) {
        throw new InvalidInputException(path + ".op", "startsWith is not offered for lifecycleStage (use in)");
      }
      List<String> stages = values.stream().map(v -> v.toLowerCase(Locale.ROOT)).toList();
      for (int i = 0; i < stages.size(); i++) {
        if (!ContactDirectory.LIFECYCLE_STAGES.contains(stages.get(i))) {
          throw new InvalidInputException(path + (op == Op.IN ? ".values[" + i + "]" : ".value"),
              "'" + values.get(i) + "' is not one of " + ContactDirectory.LIFECYCLE_STAGES);
        }
      }
      values = stages;
    }
    return new Rule.FieldIs(field, op, values);
  }

  private Rule attribute(JsonNode json, String path) {
    String name = text(json.get("attribute"), path + ".attribute");
    if (name.length() > 64) {
      throw new InvalidInputException(path + ".attribute", "is longer than 64 characters");
    }
    Op op = op(json, path);
    if (op == Op.STARTS_WITH) {
      throw new InvalidInputException(path + ".op", "startsWith is not offered for attributes (eq, in, present)");
    }
    return new Rule.AttributeIs(name, op, values(json, op, path));
  }

  private static Op op(JsonNode json, String path) {
    String name = text(json.get("op"), path + ".op");
    Op op = OPS.get(name);
    if (op == null) {
      throw new InvalidInputException(path + ".op", "'" + name + "' is not one of eq, in, present, startsWith");
    }
    return op;
  }

  /** The compared values: {@code value} for eq and startsWith, {@code values} for in, none for present. */
  private static List<String> values(JsonNode json, Op op, String path) {
    String wanted = switch (op) {
      case EQ, STARTS_WITH -> "value";
      case IN -> "values";
      case PRESENT -> null;
    };
    for (String name : List.of("value", "values")) {
      if (json.has(name) && !name.equals(wanted)) {
        throw new InvalidInputException(path + "." + name, "does not go with op " + json.get("op").asText()
            + (wanted == null ? "" : " (use " + wanted + ")"));
      }
    }
    if (wanted == null) {
      return List.of();
    }
    if (op != Op.IN) {
      return List.of(scalar(json.get("value"), path + ".value"));
    }
    return scalars(json.get("values"), path + ".values");
  }

  private Rule replied(JsonNode json, String path) {
    List<String> classes = new ArrayList<>();
    JsonNode list = json.get("classes");
    if (list != null && (!list.isArray() || list.isEmpty())) {
      throw new InvalidInputException(path + ".classes", "must be a list of reply classes "
          + Arrays.toString(ReplyClass.values()));
    }
    for (int i = 0; list != null && i < list.size(); i++) {
      String name = text(list.get(i), path + ".classes[" + i + "]").toUpperCase(Locale.ROOT);
      if (Arrays.stream(ReplyClass.values()).noneMatch(c -> c.name().equals(name))) {
        throw new InvalidInputException(path + ".classes[" + i + "]", "'" + list.get(i).asText()
            + "' is not one of " + Arrays.toString(ReplyClass.values()));
      }
      classes.add(name);
    }
    return new Rule.Replied(window(json, path), List.copyOf(classes));
  }

  private Rule messaged(JsonNode json, String path) {
    JsonNode topic = json.get("topic");
    return new Rule.Messaged(window(json, path), topic == null ? null : topic(topic, path + ".topic"));
  }

  private Rule journey(JsonNode json, String path) {
    String processId = text(json.get("journey"), path + ".journey");
    if (!deployedJourney.test(processId)) {
      throw new InvalidInputException(path + ".journey", "'" + processId + "' is not a deployed journey");
    }
    String stateName = text(json.get("state"), path + ".state");
    JourneyState state = switch (stateName) {
      case "entered" -> JourneyState.ENTERED;
      case "finished" -> JourneyState.FINISHED;
      case "running" -> JourneyState.RUNNING;
      default -> throw new InvalidInputException(path + ".state", "'" + stateName
          + "' is not one of entered, finished, running");
    };
    if (state == JourneyState.RUNNING && json.has("withinDays")) {
      throw new InvalidInputException(path + ".withinDays", "does not go with state running (a run is running now)");
    }
    String outcome = null;
    if (json.has("outcome")) {
      if (state != JourneyState.FINISHED) {
        throw new InvalidInputException(path + ".outcome", "goes with state finished only");
      }
      outcome = text(json.get("outcome"), path + ".outcome");
    }
    return new Rule.InJourney(processId, state, window(json, path), outcome);
  }

  private Rule optedIn(JsonNode json, String path) {
    String topic = topic(json.get("topic"), path + ".topic");
    if (json.has("since") && json.has("withinDays")) {
      throw new InvalidInputException(path + ".withinDays", "give since or withinDays, not both");
    }
    if (!json.has("since")) {
      return new Rule.OptedIn(topic, window(json, path));
    }
    String since = text(json.get("since"), path + ".since");
    try {
      return new Rule.OptedIn(topic, since.length() == 10
          ? LocalDate.parse(since).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(since));
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(path + ".since", "'" + since + "' is not a date (2026-01-01) or a UTC "
          + "instant (2026-01-01T09:00:00Z)");
    }
  }

  /** {@code withinDays} as the instant it reaches back to; null (ever) when absent. */
  private Instant window(JsonNode json, String path) {
    JsonNode days = json.get("withinDays");
    return days == null ? null : daysAgo(days, path + ".withinDays");
  }

  private Instant daysAgo(JsonNode days, String path) {
    return now.minus(Duration.ofDays(days(days, path)));
  }

  private static List<String> sorted(Set<String> names) {
    return names.stream().sorted().toList();
  }
}
