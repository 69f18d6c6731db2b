package io.waymark.workflows;

import static io.waymark.workflows.testing.InMemoryEngine.assertThatInstance;
import static io.waymark.workflows.testing.InMemoryEngine.increaseTime;
import static io.waymark.workflows.testing.InMemoryEngine.jobsCreated;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.waymark.workflows.JourneyDriver.Run;
import io.waymark.workflows.testing.InMemoryEngine;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The hot-lead hand-off (sub-journey {@code hot-lead-handoff}) as each journey that produces hot leads calls it, on the
 * real engine with its clock: the task created for the lead, accepted in time, after one breach (next rep), after two
 * (team lead) or never; an opt-out while the task waits stops it with no escalation afterwards, and so does the
 * caller's maximum duration. Asserts what each job sees (the lead signal, the escalation level before it, the task) and
 * what the caller records and holds afterwards (only the hand-off's declared outputs).
 */
class HotLeadHandoffProcessTests {

  private static final Duration SLA = Duration.ofMinutes(15);

  /** A journey that hands hot leads to sales, how one of its runs gets there, and what it records of the result. */
  enum Caller {

    /** A lead answers the qualifying question with 1: HOT_LEAD whatever sales made of it (the goal was the answer). */
    LEAD_FOLLOW_UP(Journeys.LEAD_FOLLOW_UP, "End_HotLead", Duration.ofDays(30)) {
      @Override
      Run hotLead(JourneyDriver journey) {
        Run run = journey.start(Map.of());
        run.checksAndSends();
        run.replies("1", "HOT");
        return run;
      }

      @Override
      void assertSignal(Map<String, Object> leadSignal) {
        assertThat(leadSignal).containsEntry("type", "REPLY").containsEntry("text", "1").containsKey("messageId")
            .doesNotContainKey("eventType");
      }

      @Override
      String recorded(String leadOutcome) {
        return "HOT_LEAD";
      }
    },

    /** A buyer asks for a demo: the run records what sales made of it. */
    BUYER_INTENT(Journeys.BUYER_INTENT, "End_HandedToSales", Duration.ofDays(7)) {
      @Override
      Run hotLead(JourneyDriver journey) {
        return journey.start(JourneyDriver.newId(), Map.of("message", "We need 20 seats"),
            Map.of("eventType", "demo.requested"));
      }

      @Override
      void assertSignal(Map<String, Object> leadSignal) {
        assertThat(leadSignal).containsEntry("type", "INTENT_EVENT").containsEntry("eventType", "demo.requested")
            .containsEntry("text", "Requested a demo: We need 20 seats").doesNotContainKey("messageId");
      }

      @Override
      String recorded(String leadOutcome) {
        return leadOutcome;
      }
    };

    final String processId;
    final String end;
    final Duration maxDuration;

    Caller(String processId, String end, Duration maxDuration) {
      this.processId = processId;
      this.end = end;
      this.maxDuration = maxDuration;
    }

    /** Starts a run and brings it to the hand-off. */
    abstract Run hotLead(JourneyDriver journey);

    /** What create-crm-task must be told about the lead. */
    abstract void assertSignal(Map<String, Object> leadSignal);

    /** The outcome the run records when the hand-off ends with {@code leadOutcome}. */
    abstract String recorded(String leadOutcome);
  }

  private static final Map<Caller, JourneyDriver> JOURNEYS = new EnumMap<>(Caller.class);

  @BeforeAll
  static void deploy() {
    for (Caller caller : Caller.values()) {
      JOURNEYS.put(caller, new JourneyDriver(caller.processId));
    }
  }

  @AfterEach
  void cancelUnfinished() {
    JOURNEYS.values().forEach(JourneyDriver::cancelUnfinished);
  }

  @AfterAll
  static void close() {
    JOURNEYS.values().forEach(JourneyDriver::close);
  }

  private static Instant slaFromNow() {
    return InMemoryEngine.now().plus(SLA).truncatedTo(ChronoUnit.SECONDS);
  }

  /** A run of the caller whose hot lead got a task for rep-ana, waiting for acceptance; returns the task id. */
  @SuppressWarnings("unchecked")
  private static String taskCreated(Caller caller, Run run) {
    String crmTaskId = "task-" + JourneyDriver.newId();
    ActivatedJob create = run.createsCrmTask(crmTaskId, "rep-ana", slaFromNow());
    assertThat(create.getBpmnProcessId()).isEqualTo(Journeys.HOT_LEAD_HANDOFF);
    assertThat(create.getProcessInstanceKey()).as("the job is the hand-off's").isEqualTo(run.handOff());
    caller.assertSignal((Map<String, Object>) create.getVariablesAsMap().get("leadSignal"));
    assertThat(create.getVariablesAsMap()).containsEntry("contactId", run.contactId)
        .containsEntry("journeyRunId", run.journeyRunId)
        .as("no SLA, tags or product line set: the tags' SLA applies").doesNotContainKeys("sla", "tags", "productLine");
    assertThatInstance(run.handOff()).isWaitingAtElements("Gateway_WaitForAcceptance")
        .isWaitingForMessages(Messages.LEAD_ACCEPTED);
    return crmTaskId;
  }

  /** The SLA runs out; escalate-lead sees the task and {@code levelBefore}, and gives it to {@code to}. */
  private static void breachedAndEscalated(Run run, String crmTaskId, int levelBefore, String to) {
    increaseTime(SLA.plusMinutes(1));
    ActivatedJob escalate = run.escalatesTo(to, slaFromNow(), levelBefore + 1);
    assertThat(escalate.getVariablesAsMap()).containsEntry("crmTaskId", crmTaskId)
        .containsEntry("escalationLevel", levelBefore).doesNotContainKeys("managerEmail", "sla");
    assertThat(escalate.getElementId())
        .isEqualTo(levelBefore == 0 ? "Task_EscalateToNextRep" : "Task_EscalateToTeamLead");
  }

  /** The run recorded the outcome for {@code leadOutcome} and holds exactly the hand-off's outputs, not its workings. */
  private static void endsWith(Caller caller, Run run, String leadOutcome, String ownerId, String acceptedBy,
      String crmTaskId) {
    run.endsWith(caller.recorded(leadOutcome), caller.end);
    Map<String, String> variables = run.variables();
    assertThat(variables).containsEntry("leadOutcome", "\"" + leadOutcome + "\"")
        .containsEntry("crmTaskId", "\"" + crmTaskId + "\"").containsEntry("ownerId", "\"" + ownerId + "\"")
        .containsEntry("acceptedBy", acceptedBy == null ? "null" : "\"" + acceptedBy + "\"")
        .doesNotContainKeys("slaDueAt", "escalationLevel", "escalatedTo", "acceptedVia", "leadSignal");
    assertThatInstance(run.handOff()).isCompleted().hasNoIncidents();
  }

  @ParameterizedTest
  @EnumSource(Caller.class)
  void endsAcceptedWithoutEscalationWhenTheOwnerAcceptsWithinTheSla(Caller caller) {
    Run run = caller.hotLead(JOURNEYS.get(caller));
    String crmTaskId = taskCreated(caller, run);
    increaseTime(SLA.minusMinutes(5));
    assertThatInstance(run.handOff()).isWaitingAtElements("Gateway_WaitForAcceptance");

    run.accepted(crmTaskId, "rep-ana", "INBOX");

    endsWith(caller, run, "ACCEPTED", "rep-ana", "rep-ana", crmTaskId);
    assertThatInstance(run.handOff()).hasPassedElement("End_Accepted").hasNotPassedElement("Timer_SlaBreached");
    assertThat(jobsCreated(JobTypes.ESCALATE_LEAD, run.handOff())).isZero();
  }

  @ParameterizedTest
  @EnumSource(Caller.class)
  void escalatesToTheNextRepOnceAndEndsAcceptedAfterEscalation(Caller caller) {
    Run run = caller.hotLead(JOURNEYS.get(caller));
    String crmTaskId = taskCreated(caller, run);

    breachedAndEscalated(run, crmTaskId, 0, "rep-ben");
    assertThatInstance(run.handOff()).isWaitingAtElements("Gateway_WaitForNextRep");
    run.accepted(crmTaskId, "rep-ben", "HUBSPOT");

    endsWith(caller, run, "ACCEPTED_AFTER_ESCALATION", "rep-ben", "rep-ben", crmTaskId);
    assertThatInstance(run.handOff()).hasPassedElement("End_AcceptedByNextRep")
        .hasNotPassedElement("Task_EscalateToTeamLead");
    assertThat(jobsCreated(JobTypes.ESCALATE_LEAD, run.handOff())).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(Caller.class)
  void escalatesToTheTeamLeadOnASecondBreachAndEndsAcceptedAfterEscalation(Caller caller) {
    Run run = caller.hotLead(JOURNEYS.get(caller));
    String crmTaskId = taskCreated(caller, run);
    breachedAndEscalated(run, crmTaskId, 0, "rep-ben");

    breachedAndEscalated(run, crmTaskId, 1, "lead-cara");
    assertThatInstance(run.handOff()).isWaitingAtElements("Gateway_WaitForTeamLead");
    run.accepted(crmTaskId, "lead-cara", "SALESFORCE");

    endsWith(caller, run, "ACCEPTED_AFTER_ESCALATION", "lead-cara", "lead-cara", crmTaskId);
    assertThatInstance(run.handOff()).hasPassedElement("End_AcceptedByTeamLead");
    assertThat(jobsCreated(JobTypes.ESCALATE_LEAD, run.handOff())).isEqualTo(2);
  }

  @ParameterizedTest
  @EnumSource(Caller.class)
  void endsUnacceptedWithTheTaskLeftWithTheTeamLeadWhenTheThirdSlaRunsOut(Caller caller) {
    Run run = caller.hotLead(JOURNEYS.get(caller));
    String crmTaskId = taskCreated(caller, run);
    breachedAndEscalated(run, crmTaskId, 0, "rep-ben");
    breachedAndEscalated(run, crmTaskId, 1, "lead-cara");
    increaseTime(SLA.minusMinutes(1));
    assertThatInstance(run.handOff()).isWaitingAtElements("Gateway_WaitForTeamLead");

    increaseTime(Duration.ofMinutes(2));

    endsWith(caller, run, "UNACCEPTED", "lead-cara", null, crmTaskId);
    assertThatInstance(run.handOff()).hasPassedElement("End_Unaccepted");
    assertThat(jobsCreated(JobTypes.ESCALATE_LEAD, run.handOff())).as("no third escalation").isEqualTo(2);
  }

  @ParameterizedTest
  @EnumSource(Caller.class)
  void ignoresTheAcceptanceOfAnotherTask(Caller caller) {
    Run run = caller.hotLead(JOURNEYS.get(caller));
    taskCreated(caller, run);

    run.accepted("task-of-someone-else", "rep-dan", "INBOX");

    assertThatInstance(run.handOff()).isWaitingAtElements("Gateway_WaitForAcceptance").hasNoIncidents();
  }

  @ParameterizedTest
  @EnumSource(Caller.class)
  void stopsTheHandOffWithoutEscalationWhenTheContactOptsOutWhileTheTaskWaits(Caller caller) {
    Run run = caller.hotLead(JOURNEYS.get(caller));
    taskCreated(caller, run);
    long handOff = run.handOff();

    run.optsOut();

    run.endsWith("OPTED_OUT", "End_OptedOut");
    assertThatInstance(handOff).isTerminated();
    increaseTime(SLA.multipliedBy(4));
    assertThat(jobsCreated(JobTypes.ESCALATE_LEAD, handOff)).isZero();
    assertThatInstance(handOff).hasNotPassedElement("Timer_SlaBreached");
  }

  @ParameterizedTest
  @EnumSource(Caller.class)
  void stopsTheHandOffWhenTheContactOptsOutAfterAnEscalation(Caller caller) {
    Run run = caller.hotLead(JOURNEYS.get(caller));
    String crmTaskId = taskCreated(caller, run);
    breachedAndEscalated(run, crmTaskId, 0, "rep-ben");

    run.optsOut();

    run.endsWith("OPTED_OUT", "End_OptedOut");
    assertThatInstance(run.handOff()).isTerminated();
    increaseTime(SLA.multipliedBy(2));
    assertThat(jobsCreated(JobTypes.ESCALATE_LEAD, run.handOff())).as("no second escalation").isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(Caller.class)
  void endsTheHandOffAtTheCallersMaximumDurationWhenNoTaskIsCreated(Caller caller) {
    Run run = caller.hotLead(JOURNEYS.get(caller));
    assertThatInstance(run.handOff()).isWaitingAtElements("Task_CreateCrmTask"); // no worker answers

    increaseTime(caller.maxDuration);

    run.endsWith("MAX_DURATION", "End_MaxDuration");
    assertThatInstance(run.handOff()).isTerminated();
  }
}
