package io.waymark.platform.segment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.waymark.platform.contact.ContactView;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * Each kind of rule and their combinations, evaluated in the database. Consent is left out here (every verdict
 * counts as matching); {@link SegmentConsentTests} applies it. {@link SegmentMySqlIT} runs the same on MySQL/MariaDB.
 */
@SpringBootTest(properties = "waymark.test.database=segments")
@Import(SegmentFixtures.class)
class SegmentEvaluationTests {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired Segments segments;
  @Autowired AudienceSql audience;
  @Autowired SegmentFixtures fixtures;

  @BeforeEach
  void emptyDatabase() {
    fixtures.emptyDatabase();
  }

  /** The names of the contacts the rule matches, whatever their consent, by contact id. */
  List<String> matching(String rule) throws Exception {
    Rule parsed = segments.parse(JSON.readTree(rule), fixtures.now());
    return fixtures.names(audience.verdicts(parsed, "promotions", 0, 10_000).keySet());
  }

  @Test
  void comparesContactFieldsWithoutRegardToCase() throws Exception {
    fixtures.contact("ana", "lead", "US-CA", null, Map.of());
    fixtures.contact("ben", "customer", "us-ny", null, Map.of());
    fixtures.contact("cy", "churned", null, null, Map.of());
    fixtures.contact("dee", null, "CA", null, Map.of());

    assertThat(matching("{\"field\": \"lifecycleStage\", \"op\": \"in\", \"values\": [\"lead\", \"Customer\"]}"))
        .containsExactly("ana", "ben");
    assertThat(matching("{\"field\": \"region\", \"op\": \"eq\", \"value\": \"us-ca\"}")).containsExactly("ana");
    assertThat(matching("{\"field\": \"region\", \"op\": \"startsWith\", \"value\": \"US-\"}"))
        .containsExactly("ana", "ben");
    assertThat(matching("{\"field\": \"region\", \"op\": \"present\"}")).containsExactly("ana", "ben", "dee");
    assertThat(matching("{\"field\": \"lifecycleStage\", \"op\": \"eq\", \"value\": \"prospect\"}")).isEmpty();
  }

  @Test
  void treatsAMissingValueAsNotMatchingSoThatNotIncludesIt() throws Exception {
    fixtures.contact("ana", "lead", "US-CA", null, Map.of());
    fixtures.contact("cy", null, null, null, Map.of());

    assertThat(matching("{\"not\": {\"field\": \"region\", \"op\": \"eq\", \"value\": \"US-CA\"}}"))
        .containsExactly("cy");
    assertThat(matching("{\"not\": {\"field\": \"lifecycleStage\", \"op\": \"in\", \"values\": [\"lead\"]}}"))
        .containsExactly("cy");
    assertThat(matching("{\"not\": {\"topic\": \"promotions\"}}")).containsExactly("ana", "cy");
    assertThat(matching("{\"not\": {\"attribute\": \"plan\", \"op\": \"present\"}}")).containsExactly("ana", "cy");
  }

  @Test
  void matchesWholeTopicsOnly() throws Exception {
    fixtures.contact("ana", null, null, List.of("promotions"), Map.of());
    fixtures.contact("ben", null, null, List.of("alerts", "news", "promotions-eu"), Map.of());
    fixtures.contact("cy", null, null, List.of(), Map.of());

    assertThat(matching("{\"topic\": \"promotions\"}")).containsExactly("ana");
    assertThat(matching("{\"topic\": \"news\"}")).containsExactly("ben");
    assertThat(matching("{\"topic\": \"alerts\"}")).containsExactly("ben");
    assertThat(matching("{\"topic\": \"promotions-eu\"}")).containsExactly("ben");
    assertThat(matching("{\"topic\": \"promo\"}")).isEmpty();
  }

  @Test
  void matchesAttributesByExactNameAndValueWithoutRegardToCase() throws Exception {
    fixtures.contact("ana", null, null, null, Map.of("plan", "Pro", "seats", "5"));
    fixtures.contact("ben", null, null, null, Map.of("plan", "professional"));
    fixtures.contact("cy", null, null, null, Map.of("old plan", "pro", "note", "\"plan\":\"pro\""));
    fixtures.contact("dee", null, null, null, Map.of("x\"plan", "pro", "Plan B", "pro"));
    fixtures.contact("eve", null, null, null, Map.of("plan", "p_o%", "path", "C:\\temp"));
    fixtures.contact("fay", null, null, null, Map.of());

    assertThat(matching("{\"attribute\": \"plan\", \"op\": \"eq\", \"value\": \"pro\"}")).containsExactly("ana");
    assertThat(matching("{\"attribute\": \"PLAN\", \"op\": \"eq\", \"value\": \"PRO\"}")).containsExactly("ana");
    assertThat(matching("{\"attribute\": \"plan\", \"op\": \"in\", \"values\": [\"professional\", \"p_o%\"]}"))
        .containsExactly("ben", "eve");
    assertThat(matching("{\"attribute\": \"plan\", \"op\": \"eq\", \"value\": \"p_o%\"}")).containsExactly("eve");
    assertThat(matching("{\"attribute\": \"plan\", \"op\": \"eq\", \"value\": \"pxo!\"}")).isEmpty();
    assertThat(matching("{\"attribute\": \"plan\", \"op\": \"present\"}")).containsExactly("ana", "ben", "eve");
    assertThat(matching("{\"attribute\": \"seats\", \"op\": \"eq\", \"value\": 5}")).containsExactly("ana");
    assertThat(matching("{\"attribute\": \"note\", \"op\": \"eq\", \"value\": \"\\\"plan\\\":\\\"pro\\\"\"}"))
        .containsExactly("cy");
    assertThat(matching("{\"attribute\": \"path\", \"op\": \"eq\", \"value\": \"c:\\\\temp\"}"))
        .containsExactly("eve");
    assertThat(matching("{\"attribute\": \"x\\\"plan\", \"op\": \"eq\", \"value\": \"pro\"}")).containsExactly("dee");
  }

  @Test
  void comparesAccentsAlikeOnEveryDatabase() throws Exception {
    fixtures.contact("ana", null, "São Paulo", null, Map.of("city", "Zürich"));
    fixtures.contact("ben", null, "Sao Paulo", null, Map.of("city", "Zurich"));

    assertThat(matching("{\"field\": \"region\", \"op\": \"eq\", \"value\": \"SÃO PAULO\"}")).containsExactly("ana");
    assertThat(matching("{\"field\": \"region\", \"op\": \"eq\", \"value\": \"sao paulo\"}")).containsExactly("ben");
    assertThat(matching("{\"attribute\": \"city\", \"op\": \"eq\", \"value\": \"zürich\"}")).containsExactly("ana");
  }

  @Test
  void findsRepliesWithinTheWindowOfTheGivenClasses() throws Exception {
    ContactView ana = fixtures.contact("ana");
    ContactView ben = fixtures.contact("ben");
    ContactView cy = fixtures.contact("cy");
    fixtures.contact("dee");
    fixtures.inbound(ana, fixtures.daysAgo(2), "HOT");
    fixtures.inbound(ben, fixtures.daysAgo(29), "OTHER");
    fixtures.inbound(cy, fixtures.daysAgo(31), "HOT");

    assertThat(matching("{\"replied\": {\"withinDays\": 30}}")).containsExactly("ana", "ben");
    assertThat(matching("{\"replied\": {\"withinDays\": 30, \"classes\": [\"HOT\"]}}")).containsExactly("ana");
    assertThat(matching("{\"replied\": {}}")).containsExactly("ana", "ben", "cy");
    assertThat(matching("{\"not\": {\"replied\": {\"withinDays\": 30}}}")).containsExactly("cy", "dee");
  }

  @Test
  void findsClicksWithinTheWindowAndIgnoresPreviewBots() throws Exception {
    ContactView ana = fixtures.contact("ana");
    ContactView ben = fixtures.contact("ben");
    ContactView cy = fixtures.contact("cy");
    fixtures.contact("dee");
    fixtures.click(ana, fixtures.daysAgo(1), "CLICK");
    fixtures.click(ben, fixtures.daysAgo(10), "CLICK");
    fixtures.click(cy, fixtures.daysAgo(1), "PREVIEW");

    assertThat(matching("{\"clicked\": {\"withinDays\": 7}}")).containsExactly("ana");
    assertThat(matching("{\"clicked\": {}}")).containsExactly("ana", "ben");
    assertThat(matching("{\"not\": {\"clicked\": {\"withinDays\": 7}}}")).containsExactly("ben", "cy", "dee");
  }

  @Test
  void findsConversionsWithinTheWindow() throws Exception {
    ContactView ana = fixtures.contact("ana");
    ContactView ben = fixtures.contact("ben");
    fixtures.contact("cy");
    fixtures.conversion(ana, fixtures.daysAgo(3));
    fixtures.conversion(ben, fixtures.daysAgo(45));

    assertThat(matching("{\"converted\": {\"withinDays\": 30}}")).containsExactly("ana");
    assertThat(matching("{\"converted\": {}}")).containsExactly("ana", "ben");
    assertThat(matching("{\"not\": {\"converted\": {\"withinDays\": 30}}}")).containsExactly("ben", "cy");
  }

  @Test
  void findsMessagesAProviderAcceptedWithinTheWindow() throws Exception {
    ContactView ana = fixtures.contact("ana");
    ContactView ben = fixtures.contact("ben");
    ContactView cy = fixtures.contact("cy");
    fixtures.outbound(ana, fixtures.daysAgo(1), fixtures.daysAgo(1), "promotions", "DELIVERED");
    fixtures.outbound(ben, fixtures.daysAgo(3), fixtures.daysAgo(3), "alerts", "SENT");
    fixtures.outbound(cy, fixtures.daysAgo(1), null, "promotions", "FAILED");

    assertThat(matching("{\"messaged\": {\"withinDays\": 7}}")).containsExactly("ana", "ben");
    assertThat(matching("{\"messaged\": {\"withinDays\": 7, \"topic\": \"promotions\"}}")).containsExactly("ana");
    assertThat(matching("{\"messaged\": {\"withinDays\": 2}}")).containsExactly("ana");
  }

  @Test
  void findsJourneyRunsEnteredFinishedAndRunning() throws Exception {
    fixtures.deployed("win-back");
    fixtures.deployed("lead-follow-up");
    ContactView ana = fixtures.contact("ana");
    ContactView ben = fixtures.contact("ben");
    ContactView cy = fixtures.contact("cy");
    ContactView dee = fixtures.contact("dee");
    ContactView eve = fixtures.contact("eve");
    fixtures.run(ana, "win-back", fixtures.daysAgo(10), null, null);
    fixtures.run(ben, "win-back", fixtures.daysAgo(100), fixtures.daysAgo(95), "CONVERTED");
    fixtures.run(cy, "win-back", fixtures.daysAgo(20), fixtures.daysAgo(5), "NO_REPLY");
    fixtures.run(dee, "win-back", null, null, null);
    fixtures.run(eve, "lead-follow-up", fixtures.daysAgo(1), null, null);

    assertThat(matching("{\"journey\": \"win-back\", \"state\": \"entered\"}")).containsExactly("ana", "ben", "cy");
    assertThat(matching("{\"journey\": \"win-back\", \"state\": \"entered\", \"withinDays\": 90}"))
        .containsExactly("ana", "cy");
    assertThat(matching("{\"journey\": \"win-back\", \"state\": \"finished\"}")).containsExactly("ben", "cy");
    assertThat(matching("{\"journey\": \"win-back\", \"state\": \"finished\", \"withinDays\": 30}"))
        .containsExactly("cy");
    assertThat(matching("{\"journey\": \"win-back\", \"state\": \"finished\", \"outcome\": \"converted\"}"))
        .containsExactly("ben");
    assertThat(matching("{\"journey\": \"win-back\", \"state\": \"running\"}")).containsExactly("ana", "dee");
  }

  @Test
  void findsOptInsSinceAMomentWhetherOrNotTheyStillHold() throws Exception {
    ContactView ana = fixtures.contact("ana");
    ContactView ben = fixtures.contact("ben");
    ContactView cy = fixtures.contact("cy");
    ContactView dee = fixtures.contact("dee");
    fixtures.optIn(ana, fixtures.daysAgo(10), "promotions");
    fixtures.optIn(ben, fixtures.daysAgo(10), "promotions");
    fixtures.optOut(ben, fixtures.daysAgo(5));
    fixtures.optIn(cy, fixtures.daysAgo(50), "promotions");
    fixtures.optIn(dee, fixtures.daysAgo(10), "alerts");

    assertThat(matching("{\"optedIn\": {\"topic\": \"promotions\", \"withinDays\": 30}}"))
        .containsExactly("ana", "ben");
    assertThat(matching("{\"optedIn\": {\"topic\": \"promotions\"}}")).containsExactly("ana", "ben", "cy");
    String since = fixtures.daysAgo(20).toString().substring(0, 10);
    assertThat(matching("{\"optedIn\": {\"topic\": \"promotions\", \"since\": \"" + since + "\"}}"))
        .containsExactly("ana", "ben");
  }

  @Test
  void callsAContactInactiveWithoutRepliesOrConsentLinesInTheWindowWhateverWasSent() throws Exception {
    ContactView quiet = fixtures.contact("quiet");
    ContactView texted = fixtures.contact("texted");
    ContactView replied = fixtures.contact("replied");
    ContactView consented = fixtures.contact("consented");
    ContactView fresh = fixtures.contact("fresh");
    ContactView oldReply = fixtures.contact("old-reply");
    fixtures.optIn(quiet, fixtures.daysAgo(300), "promotions");
    fixtures.outbound(texted, fixtures.daysAgo(3), fixtures.daysAgo(3), "promotions", "DELIVERED");
    fixtures.inbound(replied, fixtures.daysAgo(59), "OTHER");
    fixtures.optIn(consented, fixtures.daysAgo(20), "promotions");
    fixtures.createdAt(fresh, fixtures.daysAgo(10));
    fixtures.inbound(oldReply, fixtures.daysAgo(61), "HOT");

    assertThat(matching("{\"inactiveDays\": 60}")).containsExactly("quiet", "texted", "old-reply");
    assertThat(matching("{\"all\": [{\"inactiveDays\": 60}, {\"not\": {\"messaged\": {\"withinDays\": 7}}}]}"))
        .containsExactly("quiet", "old-reply");
  }

  @Test
  void combinesRulesWithAllAnyAndNot() throws Exception {
    fixtures.contact("ana", "lead", "US-CA", List.of("promotions"), Map.of("plan", "pro"));
    fixtures.contact("ben", "customer", "US-CA", List.of("news"), Map.of("plan", "basic"));
    fixtures.contact("cy", "customer", "US-NY", List.of("promotions"), Map.of());
    fixtures.contact("dee", "churned", null, null, Map.of("plan", "pro"));

    assertThat(matching("{\"all\": []}")).containsExactly("ana", "ben", "cy", "dee");
    assertThat(matching("""
        {"all": [{"field": "region", "op": "eq", "value": "US-CA"},
                 {"any": [{"topic": "promotions"}, {"attribute": "plan", "op": "eq", "value": "basic"}]}]}"""))
        .containsExactly("ana", "ben");
    assertThat(matching("""
        {"any": [{"field": "lifecycleStage", "op": "eq", "value": "churned"},
                 {"all": [{"topic": "promotions"}, {"not": {"field": "region", "op": "eq", "value": "US-CA"}}]}]}"""))
        .containsExactly("cy", "dee");
    String a = "{\"topic\": \"promotions\"}";
    String b = "{\"attribute\": \"plan\", \"op\": \"eq\", \"value\": \"pro\"}";
    assertThat(matching("{\"not\": {\"any\": [" + a + ", " + b + "]}}"))
        .isEqualTo(matching("{\"all\": [{\"not\": " + a + "}, {\"not\": " + b + "}]}"))
        .containsExactly("ben");
    assertThat(matching("{\"not\": {\"not\": " + b + "}}")).isEqualTo(matching(b));
  }
}
