package io.waymark.workflows;

import static io.waymark.workflows.testing.InMemoryEngine.increaseTime;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The lead-follow-up model on the real engine (with the hot-lead-handoff sub-journey it calls), its job types completed
 * by the test. What the hand-off does after a HOT answer (escalations, acceptance, opt-out during it) is
 * {@link HotLeadHandoffProcessTests}'s; here every HOT answer is handed to sales and accepted in time.
 */
class LeadFollowUpProcessTests {

  static final String QUESTION = "lead-follow-up.qualifying-question";
  static final String NURTURE_FOLLOW_UP = "lead-follow-up.nurture-follow-up";
  static final Map<String, Object> QUESTION_ANSWERS = Map.of("1", "HOT", "yes", "HOT", "2", "NOT_NOW",
      "later", "NOT_NOW");
  static final Map<String, Object> NURTURE_ANSWERS = Map.of("1", "HOT", "yes", "HOT");

  private static JourneyDriver journey;

  @BeforeAll
  static void deploy() {
    journey = new JourneyDriver(Journeys.LEAD_FOLLOW_UP);
  }

  @AfterEach
  void cancelUnfinished() {
    journey.cancelUnfinished();
  }

  @AfterAll
  static void close() {
    journey.close();
  }

  private static Run leadCreated() {
    return journey.start(Map.of());
  }

  /** A process property of the model as deployed. */
  private static String declared(String name) {
    try (InputStream in = LeadFollowUpProcessTests.class.getClassLoader()
        .getResourceAsStream(Journeys.resource(Journeys.LEAD_FOLLOW_UP))) {
      Process process = Bpmn.readModelFromStream(in).getModelElementById(Journeys.LEAD_FOLLOW_UP);
      return process.getSingleExtensionElement(ZeebeProperties.class).getProperties().stream()
          .filter(property -> property.getName().equals(name)).map(ZeebeProperty::getValue).findFirst().orElseThrow();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The promotional inputs of a check or send; answers its send window. */
  private static Instant assertPromotional(ActivatedJob job) {
    assertThat(job.getVariablesAsMap()).containsEntry("topic", "promotions").containsEntry("messageClass", "promotional");
    return Instant.parse((String) job.getVariablesAsMap().get("sendNotAfter"));
  }

  /** Check and send of one text, due now: its window {@code window} from now, the template and the answers it asks. */
  private static void checksAndSends(Run run, String templateId, Map<String, Object> answers, Duration window) {
    Instant due = InMemoryEngine.now();
    Instant notAfter = assertPromotional(run.consentAllows());
    assertThat(notAfter).isCloseTo(due.plus(window), within(2, ChronoUnit.MINUTES));
    ActivatedJob send = run.sends();
    assertThat(assertPromotional(send)).as("the send's window is the check's").isEqualTo(notAfter);
    assertThat(send.getVariablesAsMap()).containsEntry("templateId", templateId).containsEntry("answers", answers)
        .doesNotContainKey("body");
  }

  /**
   * The HOT answer goes to sales: create-crm-task gets the reply as the lead signal, and the owner accepts in time.
   */
  @SuppressWarnings("unchecked")
  private static void handedToSalesAndAccepted(Run run, String replyText) {
    String crmTaskId = "task-" + JourneyDriver.newId();
    ActivatedJob task = run.createsCrmTask(crmTaskId, "rep-ana", InMemoryEngine.now().plus(Duration.ofMinutes(15)));
    assertThat((Map<String, Object>) task.getVariablesAsMap().get("leadSignal")).containsEntry("type", "REPLY")
        .containsEntry("text", replyText).containsKey("messageId").doesNotContainKey("eventType");
    assertThat(task.getVariablesAsMap()).containsEntry("contactId", run.contactId)
        .containsEntry("journeyRunId", run.journeyRunId);
    run.accepted(crmTaskId, "rep-ana", "INBOX");
  }

  private static Run asked() {
    Run run = leadCreated();
    checksAndSends(run, QUESTION, QUESTION_ANSWERS, Duration.ofHours(24));
    run.isWaitingAt("Gateway_WaitForReply");
    return run;
  }

  private static Run nurturing() {
    Run run = asked();
    run.replies("2", "NOT_NOW");
    run.isWaitingAt("Gateway_NurtureWait");
    return run;
  }

  private static Run followedUp() {
    Run run = nurturing();
    increaseTime(Duration.parse(declared("nurtureWait")).plusMinutes(1));
    checksAndSends(run, NURTURE_FOLLOW_UP, NURTURE_ANSWERS, Duration.ofDays(2));
    run.isWaitingAt("Gateway_WaitForNurtureReply");
    return run;
  }

  @Test
  void asksTheQualifyingQuestionAtOnceAndEndsHotWhenTheLeadReplies1() {
    Run run = asked();

    run.replies("1", "HOT");

    handedToSalesAndAccepted(run, "1");
    run.endsWith("HOT_LEAD", "End_HotLead");
    run.instance().hasVariableWithValue("replyText", "1").hasVariableWithValue("replyClass", "HOT")
        .hasVariableWithValue("leadOutcome", "ACCEPTED").hasVariableWithValue("acceptedBy", "rep-ana")
        .hasPassedElement("CallActivity_HandHotLeadToSales")
        .hasNotPassedElement("Gateway_JoinNurtureWait").hasNotPassedElement("Task_SendFallbackEmail");
  }

  @Test
  @SuppressWarnings("unchecked")
  void endsHotWhenTheLeadOpensTheBookingLinkOfTheQuestion() {
    Run run = asked();

    journey.publish(Messages.LINK_CLICKED, run.contactId, Map.of("lastClick",
        Map.of("code", "Ab3dE9xQ7k", "clickedAt", InMemoryEngine.now().toString())));

    String crmTaskId = "task-" + JourneyDriver.newId();
    ActivatedJob task = run.createsCrmTask(crmTaskId, "rep-ana", InMemoryEngine.now().plus(Duration.ofMinutes(15)));
    assertThat((Map<String, Object>) task.getVariablesAsMap().get("leadSignal")).containsEntry("type", "LINK_CLICK")
        .containsEntry("text", "opened the booking link of the qualifying question (/l/Ab3dE9xQ7k)")
        .doesNotContainKey("messageId");
    run.accepted(crmTaskId, "rep-ana", "INBOX");
    run.endsWith("HOT_LEAD", "End_HotLead");
    run.instance().hasPassedElement("Message_BookingLinkClicked").hasNotPassedElement("Message_ReplyReceived")
        .hasNotPassedElement("Task_SendFallbackEmail");
  }

  @Test
  void ignoresClicksOfOtherContacts() {
    Run run = asked();

    journey.publish(Messages.LINK_CLICKED, "someone-else", Map.of("lastClick", Map.of("code", "Ab3dE9xQ7k")));

    run.isWaitingAt("Gateway_WaitForReply");
  }

  @Test
  void endsRepliedWhenTheLeadAnswersTheQuestionWithSomethingElse() {
    Run run = asked();

    run.replies("What does it cost for a flat?", "OTHER");

    run.endsWith("REPLIED", "End_Replied");
    run.instance().hasVariableWithValue("replyText", "What does it cost for a flat?")
        .hasNotPassedElement("Task_SendFallbackEmail");
  }

  @Test
  void ignoresRepliesOfOtherContacts() {
    Run run = asked();

    journey.publish(Messages.SMS_REPLY, "someone-else", Map.of("replyText", "1", "replyClass", "HOT"));

    run.isWaitingAt("Gateway_WaitForReply");
  }

  @Test
  void emailsAfterThreeDaysWithoutAReply() {
    Run run = asked();
    increaseTime(Duration.ofDays(3).minusMinutes(5));
    run.isWaitingAt("Gateway_WaitForReply");
    increaseTime(Duration.ofMinutes(6));

    ActivatedJob email = run.complete(JobTypes.SEND_EMAIL, Map.of("emailStatus", "SENT", "emailId", 7));

    assertThat(email.getVariablesAsMap()).containsEntry("templateId", "lead-follow-up.fallback-email");
    run.endsWith("NO_REPLY", "End_NoReply");
    run.instance().hasPassedElement("Timer_NoReply3Days").hasNotPassedElement("Gateway_NurtureWait");
  }

  @Test
  void followsUpOnceAfterTheNurtureWaitWhenTheLeadAnswersLaterAndEndsHotOnYes() {
    assertThat(declared("nurtureWait")).isEqualTo("P14D");
    Run run = nurturing();
    increaseTime(Duration.ofDays(14).minusMinutes(5));
    run.isWaitingAt("Gateway_NurtureWait");
    increaseTime(Duration.ofMinutes(6));
    checksAndSends(run, NURTURE_FOLLOW_UP, NURTURE_ANSWERS, Duration.ofDays(2));
    run.isWaitingAt("Gateway_WaitForNurtureReply");

    run.replies("yes", "HOT");

    handedToSalesAndAccepted(run, "yes");
    run.endsWith("HOT_LEAD", "End_HotLead");
    run.instance().hasPassedElement("Task_SendNurtureFollowUp").hasPassedElement("Message_ReplyToNurtureFollowUp")
        .hasPassedElement("CallActivity_HandHotLeadToSales").hasVariableWithValue("leadOutcome", "ACCEPTED");
  }

  @Test
  void endsRepliedWhenTheLeadAnswersTheNurtureFollowUpWithAnythingButReady() {
    Run run = followedUp();

    run.replies("still not sure, later", "NOT_NOW");

    run.endsWith("REPLIED", "End_Replied");
    run.instance().hasPassedElement("Message_ReplyToNurtureFollowUp");
  }

  @Test
  void endsNurturedWithoutAnEmailWhenTheNurtureFollowUpGetsNoReply() {
    Run run = followedUp();
    increaseTime(Duration.ofDays(3).minusMinutes(5));
    run.isWaitingAt("Gateway_WaitForNurtureReply");
    increaseTime(Duration.ofMinutes(6));

    run.endsWith("NURTURED_NO_REPLY", "End_NurturedNoReply");
    run.instance().hasNotPassedElement("Task_SendFallbackEmail");
  }

  @Test
  void endsHotWithoutTheFollowUpWhenTheLeadIsReadyDuringTheNurtureWait() {
    Run run = nurturing();
    increaseTime(Duration.ofDays(5));

    run.replies("1", "HOT");

    handedToSalesAndAccepted(run, "1");
    run.endsWith("HOT_LEAD", "End_HotLead");
    run.instance().hasPassedElement("Message_ReplyDuringNurture").hasPassedElement("CallActivity_HandHotLeadToSales")
        .hasNotPassedElement("Task_CheckConsentNurtureFollowUp");
  }

  @Test
  void endsRepliedWithoutTheFollowUpWhenTheLeadWritesDuringTheNurtureWait() {
    Run run = nurturing();
    increaseTime(Duration.ofDays(5));

    run.replies("Can I call you instead?", "OTHER");

    run.endsWith("REPLIED", "End_Replied");
    run.instance().hasNotPassedElement("Task_CheckConsentNurtureFollowUp");
  }

  @Test
  void keepsTheFollowUpDateWhenTheLeadSaysLaterAgainDuringTheNurtureWait() {
    Run run = nurturing();
    increaseTime(Duration.ofDays(10));

    run.replies("later", "NOT_NOW");

    run.isWaitingAt("Gateway_NurtureWait");
    increaseTime(Duration.ofDays(4).plusMinutes(1));
    checksAndSends(run, NURTURE_FOLLOW_UP, NURTURE_ANSWERS, Duration.ofDays(2));
    run.instance().hasPassedElement("Message_ReplyDuringNurture").hasPassedElement("Gateway_JoinNurtureWait", 2);
  }

  @Test
  void defersTheQuestionAndAsksAgainWithinTheSameSendWindow() {
    Run run = leadCreated();
    Instant window = assertPromotional(run.consentDefers(InMemoryEngine.now().plus(Duration.ofHours(10))));
    run.isWaitingAt("Timer_DeferUntil");

    increaseTime(Duration.ofHours(10).plusMinutes(1));
    ActivatedJob again = run.consentAllows();

    assertThat(assertPromotional(again)).as("the window does not move with the deferral").isEqualTo(window);
    ActivatedJob send = run.sends();
    assertThat(assertPromotional(send)).isEqualTo(window);
    assertThat(send.getVariablesAsMap()).containsEntry("templateId", QUESTION).containsEntry("answers", QUESTION_ANSWERS);
    run.isWaitingAt("Gateway_WaitForReply");
    run.instance().hasPassedElement("Task_CheckConsent", 2);
  }

  @Test
  void defersTheNurtureFollowUpAndAsksAgainWithinTheSameSendWindow() {
    Run run = nurturing();
    increaseTime(Duration.ofDays(14).plusMinutes(1));
    Instant window = assertPromotional(run.consentDefers(InMemoryEngine.now().plus(Duration.ofHours(9))));
    run.isWaitingAt("Timer_DeferNurtureFollowUp");

    increaseTime(Duration.ofHours(9).plusMinutes(1));
    ActivatedJob again = run.consentAllows();

    assertThat(assertPromotional(again)).isEqualTo(window);
    ActivatedJob send = run.sends();
    assertThat(assertPromotional(send)).isEqualTo(window);
    assertThat(send.getVariablesAsMap()).containsEntry("templateId", NURTURE_FOLLOW_UP);
    run.isWaitingAt("Gateway_WaitForNurtureReply");
    run.instance().hasPassedElement("Task_CheckConsentNurtureFollowUp", 2);
  }

  @Test
  void endsSuppressedWithoutSendingWhenTheCheckSuppressesTheQuestion() {
    Run run = leadCreated();

    run.consentSuppresses("NO_CONSENT");

    run.endsWith("SUPPRESSED", "End_Suppressed");
    run.instance().hasNotPassedElement("Task_SendFirstSms").hasVariableWithValue("suppressReason", "NO_CONSENT");
  }

  @Test
  void endsSuppressedWhenTheMessageCapHoldsTheNurtureFollowUpPastItsWindow() {
    Run run = nurturing();
    increaseTime(Duration.ofDays(14).plusMinutes(1));

    run.consentSuppresses("CAP_REACHED");

    run.endsWith("SUPPRESSED", "End_Suppressed");
    run.instance().hasNotPassedElement("Task_SendNurtureFollowUp").hasVariableWithValue("suppressReason", "CAP_REACHED");
  }

  @Test
  void endsSuppressedWhenTheQuestionIsRefusedAtTheMomentOfSending() {
    Run run = leadCreated();
    run.consentAllows();

    run.sendRefused("OPTED_OUT");

    run.endsWith("SUPPRESSED", "End_SendRefused");
    run.instance().hasNotPassedElement("Gateway_WaitForReply");
  }

  @Test
  void endsSuppressedWhenTheMessageCapRefusesTheNurtureFollowUpAtTheMomentOfSending() {
    Run run = nurturing();
    increaseTime(Duration.ofDays(14).plusMinutes(1));
    run.consentAllows();

    run.sendRefused("CAP_REACHED");

    run.endsWith("SUPPRESSED", "End_SendRefused");
    run.instance().hasPassedElement("StartEvent_SendRefused");
  }

  @Test
  void endsWhenTheQuestionCannotBeDelivered() {
    Run run = leadCreated();
    run.consentAllows();

    run.sendFails("INVALID_NUMBER");

    run.endsWith("SEND_FAILED", "End_SendFailed");
    run.instance().hasPassedElement("Error_QuestionFailed").hasNotPassedElement("Gateway_WaitForReply");
  }

  @Test
  void endsWhenTheNurtureFollowUpCannotBeDelivered() {
    Run run = nurturing();
    increaseTime(Duration.ofDays(14).plusMinutes(1));
    run.consentAllows();

    run.sendFails("INVALID_NUMBER");

    run.endsWith("SEND_FAILED", "End_SendFailed");
    run.instance().hasPassedElement("Error_NurtureFollowUpFailed");
  }

  @Test
  void stopsWhenTheContactOptsOutBeforeTheFirstCheck() {
    Run run = leadCreated();

    run.optsOut();

    run.endsWith("OPTED_OUT", "End_OptedOut");
    run.instance().hasNotPassedElement("Task_SendFirstSms");
  }

  @Test
  void stopsWhenTheContactOptsOutWhileTheQuestionIsDeferred() {
    Run run = leadCreated();
    run.consentDefers(InMemoryEngine.now().plus(Duration.ofHours(8)));
    run.isWaitingAt("Timer_DeferUntil");

    run.optsOut();

    run.endsWith("OPTED_OUT", "End_OptedOut");
    run.instance().hasNotPassedElement("Task_SendFirstSms");
  }

  @Test
  void stopsAtOnceWhenTheContactOptsOutWhileWaitingForTheAnswer() {
    Run run = asked();

    run.optsOut();

    run.endsWith("OPTED_OUT", "End_OptedOut");
    increaseTime(Duration.ofDays(4));
    run.instance().hasNotPassedElement("Timer_NoReply3Days").hasNotPassedElement("Task_SendFallbackEmail");
  }

  @Test
  void stopsWhenTheContactOptsOutDuringTheNurtureWait() {
    Run run = nurturing();

    run.optsOut();

    run.endsWith("OPTED_OUT", "End_OptedOut");
    run.instance().hasNotPassedElement("Task_CheckConsentNurtureFollowUp");
  }

  @Test
  void endsAfterThirtyDaysAtTheLatest() {
    Run run = leadCreated();
    run.isWaitingAt("Task_CheckConsent"); // no worker answers

    increaseTime(Duration.ofDays(30).minusMinutes(10));
    run.isWaitingAt("Task_CheckConsent");
    increaseTime(Duration.ofMinutes(11));

    run.endsWith("MAX_DURATION", "End_MaxDuration");
    assertThat(declared("maxDuration")).isEqualTo("P30D");
  }
}
