package io.waymark.workflows;

import static io.waymark.workflows.testing.InMemoryEngine.assertThatInstance;
import static io.waymark.workflows.testing.InMemoryEngine.increaseTime;
import static io.waymark.workflows.testing.InMemoryEngine.jobsCreated;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeProperties;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeProperty;
import io.waymark.workflows.JourneyDriver.Run;
import io.waymark.workflows.testing.InMemoryEngine;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The buyer-intent model on the real engine (with the hot-lead-handoff sub-journey it calls): what the rep is told of
 * each intent event, that the buyer gets nothing, and the stop rules before the task exists. The hand-off's paths
 * (accepted, escalated, unaccepted, opt-out while the task waits) are {@link HotLeadHandoffProcessTests}'s.
 */
class BuyerIntentProcessTests {

  private static JourneyDriver journey;

  @BeforeAll
  static void deploy() {
    journey = new JourneyDriver(Journeys.BUYER_INTENT);
  }

  @AfterEach
  void cancelUnfinished() {
    journey.cancelUnfinished();
  }

  @AfterAll
  static void close() {
    journey.close();
  }

  private static Run intent(String eventType, Map<String, Object> attributes) {
    return journey.start(JourneyDriver.newId(), attributes, Map.of("eventType", eventType));
  }

  /** The lead signal create-crm-task gets for a run; the task is then created and accepted at once. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> signalOf(Run run) {
    String crmTaskId = "task-" + JourneyDriver.newId();
    ActivatedJob task = run.createsCrmTask(crmTaskId, "rep-ana", InMemoryEngine.now().plus(Duration.ofMinutes(15)));
    run.accepted(crmTaskId, "rep-ana", "INBOX");
    run.endsWith("ACCEPTED", "End_HandedToSales");
    return (Map<String, Object>) task.getVariablesAsMap().get("leadSignal");
  }

  private static String declared(String name) {
    try (InputStream in = BuyerIntentProcessTests.class.getClassLoader()
        .getResourceAsStream(Journeys.resource(Journeys.BUYER_INTENT))) {
      Process process = Bpmn.readModelFromStream(in).getModelElementById(Journeys.BUYER_INTENT);
      return process.getSingleExtensionElement(ZeebeProperties.class).getProperties().stream()
          .filter(property -> property.getName().equals(name)).map(ZeebeProperty::getValue).findFirst().orElseThrow();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void tellsTheRepWhichPageTheBuyerViewed() {
    Run run = intent("pricing.viewed", Map.of("page", "/pricing/enterprise"));

    assertThat(signalOf(run)).containsExactlyInAnyOrderEntriesOf(Map.of("type", "INTENT_EVENT",
        "eventType", "pricing.viewed", "text", "Viewed the pricing page /pricing/enterprise"));
  }

  @Test
  void tellsTheRepOfADemoRequestWithoutAMessage() {
    Run run = intent("demo.requested", Map.of());

    assertThat(signalOf(run)).containsEntry("eventType", "demo.requested").containsEntry("text", "Requested a demo");
  }

  @Test
  void namesAnIntentEventItHasNoWordsFor() {
    Run run = intent("trial.started", Map.of("plan", "team"));

    assertThat(signalOf(run)).containsEntry("eventType", "trial.started")
        .containsEntry("text", "Showed intent (trial.started)");
  }

  @Test
  void textsTheBuyerNothing() {
    Run run = intent("demo.requested", Map.of("message", "Call me after 3"));

    signalOf(run);

    assertThat(jobsCreated(JobTypes.CHECK_CONSENT, run.key)).isZero();
    assertThat(jobsCreated(JobTypes.SEND_SMS, run.key)).isZero();
    assertThat(jobsCreated(JobTypes.SEND_EMAIL, run.key)).isZero();
    assertThat(jobsCreated(JobTypes.SEND_SMS, run.handOff())).isZero();
  }

  @Test
  void stopsWhenTheContactOptsOutBeforeTheTaskIsCreated() {
    Run run = intent("pricing.viewed", Map.of());
    assertThatInstance(run.handOff()).isWaitingAtElements("Task_CreateCrmTask");

    run.optsOut();

    run.endsWith("OPTED_OUT", "End_OptedOut");
    assertThatInstance(run.handOff()).isTerminated();
  }

  @Test
  void endsAfterSevenDaysAtTheLatest() {
    assertThat(declared("maxDuration")).isEqualTo("P7D");
    Run run = intent("demo.requested", Map.of());
    increaseTime(Duration.ofDays(7).minusMinutes(10));
    assertThatInstance(run.handOff()).isWaitingAtElements("Task_CreateCrmTask"); // no worker answers

    increaseTime(Duration.ofMinutes(11));

    run.endsWith("MAX_DURATION", "End_MaxDuration");
    assertThatInstance(run.handOff()).isTerminated();
  }
}
