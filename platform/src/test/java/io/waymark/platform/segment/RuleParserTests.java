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
import org.junit.jupiter.params.provider.CsvFileSource;

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
  @CsvFileSource(resources = "/segment/bad-rules.psv", delimiter = '|', quoteCharacter = '`')
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
