package io.waymark.platform.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.waymark.platform.segment.Rule.Field;
import io.waymark.platform.segment.Rule.JourneyState;
import io.waymark.platform.segment.Rule.Op;
import io.waymark.platform.support.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuleParserTests {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

  private static Rule parse(String json) throws Exception {
    return RuleParser.parse(JSON.readTree(json), "rule", NOW, "win-back"::equals);
  }

  @Test
  void readsEveryKindOfNode() throws Exception {
    Rule rule = parse("""
        {"all": [
          {"field": "lifecycleStage", "op": "in", "values": ["Lead", "customer"]},
          {"field": "region", "op": "eq", "value": " US-CA "},
          {"any": [{"topic": "promotions"}, {"attribute": "plan", "op": "eq", "value": "pro"}]},
          {"not": {"replied": {"withinDays": 30, "classes": ["hot", "OTHER"]}}},
          {"journey": "win-back", "state": "entered", "withinDays": 90},
          {"journey": "win-back", "state": "finished", "outcome": "converted"},
          {"journey": "win-back", "state": "running"},
          {"optedIn": {"topic": "promotions", "since": "2026-01-01"}},
          {"optedIn": {"topic": "alerts", "since": "2026-01-01T09:30:00Z"}},
          {"messaged": {"withinDays": 7, "topic": "promotions"}},
          {"inactiveDays": 60},
          {"attribute": "seats", "op": "in", "values": [5, "10"]},
          {"field": "owner", "op": "present"}
        ]}""");

    assertThat(rule).isEqualTo(new Rule.All(List.of(
        new Rule.FieldIs(Field.LIFECYCLE_STAGE, Op.IN, List.of("lead", "customer")),
        new Rule.FieldIs(Field.REGION, Op.EQ, List.of("US-CA")),
        new Rule.Any(List.of(new Rule.HasTopic("promotions"), new Rule.AttributeIs("plan", Op.EQ, List.of("pro")))),
        new Rule.Not(new Rule.Replied(NOW.minus(Duration.ofDays(30)), List.of("HOT", "OTHER"))),
        new Rule.InJourney("win-back", JourneyState.ENTERED, NOW.minus(Duration.ofDays(90)), null),
        new Rule.InJourney("win-back", JourneyState.FINISHED, null, "converted"),
        new Rule.InJourney("win-back", JourneyState.RUNNING, null, null),
        new Rule.OptedIn("promotions", Instant.parse("2026-01-01T00:00:00Z")),
        new Rule.OptedIn("alerts", Instant.parse("2026-01-01T09:30:00Z")),
        new Rule.Messaged(NOW.minus(Duration.ofDays(7)), "promotions"),
        new Rule.Inactive(NOW.minus(Duration.ofDays(60))),
        new Rule.AttributeIs("seats", Op.IN, List.of("5", "10")),
        new Rule.FieldIs(Field.OWNER, Op.PRESENT, List.of()))));
  }

  @Test
  void readsAnEmptyAllAsEveryContactAndWindowsAsEver() throws Exception {
    assertThat(parse("{\"all\": []}")).isEqualTo(new Rule.All(List.of()));
    assertThat(parse("{\"replied\": {}}")).isEqualTo(new Rule.Replied(null, List.of()));
    assertThat(parse("{\"optedIn\": {\"topic\": \"promotions\"}}")).isEqualTo(new Rule.OptedIn("promotions", null));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      {"all": [{"topic": "a"}, {"topic": "b"}, {"field": "region", "op": "like", "value": "x"}]} | rule.all[2].op | 'like' is not one of eq, in, present, startsWith
      {"any": []}                                                   | rule.any              | needs at least one rule (an empty 'any' matches nobody)
      {"all": {"topic": "a"}}                                       | rule.all              | must be a list of rules
      {"not": [{"topic": "a"}]}                                     | rule.not              | must be an object with one of
      {}                                                            | rule                  | must hold one of all, any, not
      {"all": [], "any": [{"topic": "a"}]}                          | rule                  | holds all and any; a node is one rule
      {"all": ["promotions"]}                                       | rule.all[0]           | must be an object with one of
      {"field": "colour", "op": "eq", "value": "red"}               | rule.field            | 'colour' is not one of [lifecycleStage, locale, owner, region, timeZone]
      {"field": "region", "op": "eq"}                               | rule.value            | is required
      {"field": "region", "op": "eq", "value": "  "}                | rule.value            | must be a non-empty string, number or boolean
      {"field": "region", "op": "eq", "values": ["a"]}              | rule.values           | does not go with op eq (use value)
      {"field": "region", "op": "in", "values": []}                 | rule.values           | must be a list of at least one value
      {"field": "region", "op": "in", "values": ["a", {"b": 1}]}    | rule.values[1]        | must be a non-empty string, number or boolean
      {"field": "region", "op": "present", "value": "a"}            | rule.value            | does not go with op present
      {"field": "region", "op": "eq", "value": "a", "colour": "x"}  | rule.colour           | is not a property of a 'field' rule (field, op, value, values)
      {"field": "lifecycleStage", "op": "in", "values": ["lead", "vip"]} | rule.values[1]   | 'vip' is not one of [lead, prospect, customer, churned]
      {"field": "lifecycleStage", "op": "startsWith", "value": "l"} | rule.op               | startsWith is not offered for lifecycleStage
      {"topic": "Promotions"}                                       | rule.topic            | 'Promotions' is not a topic
      {"topic": 7}                                                  | rule.topic            | must be a non-empty string
      {"attribute": "plan", "op": "startsWith", "value": "p"}       | rule.op               | startsWith is not offered for attributes
      {"attribute": "plan"}                                         | rule.op               | is required
      {"replied": {"withinDays": 0}}                                | rule.replied.withinDays | must be a whole number of days from 1 to 3650
      {"replied": {"withinDays": 1.5}}                              | rule.replied.withinDays | must be a whole number of days from 1 to 3650
      {"replied": {"withinDays": "30"}}                             | rule.replied.withinDays | must be a whole number of days from 1 to 3650
      {"replied": {"days": 30}}                                     | rule.replied.days     | is not one of withinDays, classes
      {"replied": {"classes": ["ANGRY"]}}                           | rule.replied.classes[0] | 'ANGRY' is not one of
      {"replied": 30}                                               | rule.replied          | must be an object (withinDays, classes)
      {"journey": "win-bak", "state": "entered"}                    | rule.journey          | 'win-bak' is not a deployed journey
      {"journey": "win-back", "state": "left"}                      | rule.state            | 'left' is not one of entered, finished, running
      {"journey": "win-back"}                                       | rule.state            | is required
      {"journey": "win-back", "state": "running", "withinDays": 3}  | rule.withinDays       | does not go with state running
      {"journey": "win-back", "state": "entered", "outcome": "X"}   | rule.outcome          | goes with state finished only
      {"optedIn": {"since": "2026-01-01"}}                          | rule.optedIn.topic    | is required
      {"optedIn": {"topic": "promotions", "since": "01/02/2026"}}   | rule.optedIn.since    | '01/02/2026' is not a date (2026-01-01)
      {"optedIn": {"topic": "promotions", "since": "2026-01-01", "withinDays": 3}} | rule.optedIn.withinDays | give since or withinDays, not both
      {"inactiveDays": -1}                                          | rule.inactiveDays     | must be a whole number of days
      {"inactiveDays": 99999}                                       | rule.inactiveDays     | must be a whole number of days from 1 to 3650
      {"clicked": {"withinDays": 7}}                                | rule.clicked          | not available yet: no click tracking
      {"all": [{"topic": "a"}, {"converted": {"withinDays": 30}}]}  | rule.all[1].converted | not available yet: no conversion tracking
      {"clicked": {"withinDays": 0}}                                | rule.clicked.withinDays | must be a whole number of days
      """)
  void namesTheJsonPathOfTheBadNode(String json, String field, String problem) throws Exception {
    assertThatThrownBy(() -> parse(json))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo(field);
          assertThat(e.problem()).startsWith(problem);
        });
  }

  @Test
  void refusesAMissingRule() {
    assertThatThrownBy(() -> RuleParser.parse(null, "rule", NOW, id -> true))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("rule"));
  }

  @Test
  void refusesRulesTooDeepOrTooLarge() throws Exception {
    String deep = "{\"not\": ".repeat(11) + "{\"topic\": \"a\"}" + "}".repeat(11);
    assertThatThrownBy(() -> parse(deep)).isInstanceOfSatisfying(InvalidInputException.class,
        e -> assertThat(e.problem()).isEqualTo("the rule nests deeper than 10 levels"));

    String wide = "{\"any\": [" + String.join(", ", java.util.Collections.nCopies(200, "{\"topic\": \"a\"}")) + "]}";
    assertThatThrownBy(() -> parse(wide)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
      assertThat(e.field()).isEqualTo("rule.any[199]");
      assertThat(e.problem()).isEqualTo("the rule has more than 200 nodes");
    });
  }
}
