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
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The win-back model alone, on the real engine, its job types completed by the test. */
class WinBackProcessTests {

  private static JourneyDriver journey;
  private static int holdoutShare;

  @BeforeAll
  static void deploy() {
    journey = new JourneyDriver(Journeys.WIN_BACK);
    Process process = Bpmn.readModelFromStream(WinBackProcessTests.class.getClassLoader()
        .getResourceAsStream(Journeys.resource(Journeys.WIN_BACK))).getModelElementById(Journeys.WIN_BACK);
    holdoutShare = process.getExtensionElements().getElementsQuery().filterByType(ZeebeProperties.class)
        .singleResult().getProperties().stream().filter(p -> p.getName().equals("holdoutShare"))
        .map(ZeebeProperty::getValue).map(Integer::parseInt).findFirst().orElseThrow();
  }

  @AfterEach
  void cancelUnfinished() {
    journey.cancelUnfinished();
  }

  @AfterAll
  static void close() {
    journey.close();
  }

  /** A contact inactive for 60 days whose contact id ends in 50 (not held out by the fallback). */
  private static Run inactive(Integer holdoutBucket) {
    return inactive(JourneyDriver.newId() + "50", holdoutBucket);
  }

  private static Run inactive(String contactId, Integer holdoutBucket) {
    Map<String, Object> extra = new HashMap<>();
    if (holdoutBucket != null) {
      extra.put("holdoutBucket", holdoutBucket);
    }
    return journey.start(contactId, Map.of("inactiveDays", 61), extra);
  }

  private static void buys(String contactId) {
    journey.publish(Messages.CONVERSION, contactId, JourneyDriver.signal("order.completed", Map.of("total", 40)));
  }

  /** Sends one text; its check and send carry the promotional inputs and a window 2 days after it fell due. */
  private static void sendsText(Run run, String templateId) {
    Instant due = InMemoryEngine.now();
    ActivatedJob check = run.consentAllows();
    assertThat(check.getVariablesAsMap()).containsEntry("topic", "promotions")
        .containsEntry("messageClass", "promotional");
    Instant window = Instant.parse((String) check.getVariablesAsMap().get("sendNotAfter"));
    assertThat(window).isCloseTo(due.plus(Duration.ofDays(2)), within(2, ChronoUnit.MINUTES));
    ActivatedJob send = run.sends();
    assertThat(send.getVariablesAsMap()).containsEntry("templateId", templateId).containsEntry("topic", "promotions")
        .containsEntry("messageClass", "promotional")
        .containsEntry("sendNotAfter", check.getVariablesAsMap().get("sendNotAfter"))
        .doesNotContainKey("body");
  }

  private static Run firstTextSent() {
    Run run = inactive(null);
    sendsText(run, "win-back.first");
    run.isWaitingAt("Gateway_WaitAfterFirstMessage");
    return run;
  }

  private static Run secondTextSent() {
    Run run = firstTextSent();
    increaseTime(Duration.ofDays(7).minusMinutes(10));
    run.isWaitingAt("Gateway_WaitAfterFirstMessage");
    increaseTime(Duration.ofMinutes(11));
    sendsText(run, "win-back.second");
    run.isWaitingAt("Gateway_WaitAfterSecondMessage");
    return run;
  }

  @Test
  void declaresATenPercentHoldout() {
    assertThat(holdoutShare).isEqualTo(10);
  }

  @Test
  void holdsOutTheBucketsBelowTheShareWithoutSendingAnything() {
    for (int bucket : new int[] {0, holdoutShare - 1}) {
      Run run = inactive(bucket);

      run.endsWith("HOLDOUT", "End_Holdout");
      run.instance().hasNotPassedElement("Task_CheckConsentFirstMessage");
    }
  }

  @Test
  void treatsTheBucketsFromTheShareUp() {
    for (int bucket : new int[] {holdoutShare, 99}) {
      Run run = inactive(bucket);

      run.isWaitingAt("Task_CheckConsentFirstMessage");
      run.instance().hasNotPassedElement("Task_RecordHoldout");
    }
  }

  @Test
  void takesTheLastTwoDigitsOfTheContactIdWhenTheStarterGivesNoBucket() {
    Run heldOut = inactive(JourneyDriver.newId() + "07", null);
    heldOut.endsWith("HOLDOUT", "End_Holdout");
    heldOut.instance().hasVariableWithValue("holdoutBucket", 7);

    Run treated = inactive(JourneyDriver.newId() + String.format("%02d", holdoutShare), null);
    treated.isWaitingAt("Task_CheckConsentFirstMessage");
    treated.instance().hasVariableWithValue("holdoutBucket", holdoutShare);
  }

  @Test
  void treatsAContactWhoseIdIsNoNumberWhenTheStarterGivesNoBucket() {
    Run run = inactive("c-7f3a", null);

    run.isWaitingAt("Task_CheckConsentFirstMessage");
  }

  @Test
  void sendsTwoTextsSevenDaysApartAndEndsNotConvertedFourteenDaysAfterTheSecond() {
    Run run = secondTextSent();

    increaseTime(Duration.ofDays(14).minusMinutes(10));
    run.isWaitingAt("Gateway_WaitAfterSecondMessage");
    increaseTime(Duration.ofMinutes(11));

    run.endsWith("NOT_CONVERTED", "End_NotConverted");
  }

  @Test
  void stopsConvertedWhenTheContactBuysAfterTheFirstText() {
    Run run = firstTextSent();

    buys(run.contactId);

    run.endsWith("CONVERTED", "End_Converted");
    run.instance().hasNotPassedElement("Task_CheckConsentSecondMessage");
  }

  @Test
  void stopsConvertedWhenTheContactBuysAfterTheSecondText() {
    Run run = secondTextSent();

    buys(run.contactId);

    run.endsWith("CONVERTED", "End_Converted");
  }

  @Test
  void ignoresPurchasesOfOthersAndCartConversions() {
    Run run = firstTextSent();

    buys(JourneyDriver.newId());
    journey.publish(Messages.CONVERSION, Messages.cartConversionKey(run.contactId), Map.of());

    run.isWaitingAt("Gateway_WaitAfterFirstMessage");
  }

  @Test
  void endsRepliedWithoutTheSecondTextWhenTheContactRepliesToTheFirst() {
    Run run = firstTextSent();

    run.replies("What's new?", "HOT");

    run.endsWith("REPLIED", "End_Replied");
    run.instance().hasNotPassedElement("Task_CheckConsentSecondMessage");
  }

  @Test
  void endsRepliedWhenTheContactRepliesToTheSecondText() {
    Run run = secondTextSent();

    run.replies("maybe next month", "NOT_NOW");

    run.endsWith("REPLIED", "End_Replied");
    run.instance().hasPassedElement("Message_ReplyToSecondMessage");
  }

  @Test
  void defersTheFirstTextAndAsksAgainWithinTheSameWindow() {
    Run run = inactive(null);
    ActivatedJob deferred = run.consentDefers(InMemoryEngine.now().plus(Duration.ofHours(9)));
    run.isWaitingAt("Timer_DeferFirstMessage");

    increaseTime(Duration.ofHours(9).plusMinutes(1));
    ActivatedJob again = run.consentAllows();

    assertThat(again.getVariablesAsMap().get("sendNotAfter")).isEqualTo(deferred.getVariablesAsMap().get("sendNotAfter"));
    assertThat(run.sends().getVariablesAsMap()).containsEntry("templateId", "win-back.first");
    run.isWaitingAt("Gateway_WaitAfterFirstMessage");
  }

  @Test
  void defersTheSecondTextAndAsksAgain() {
    Run run = firstTextSent();
    increaseTime(Duration.ofDays(7).plusMinutes(1));
    run.consentDefers(InMemoryEngine.now().plus(Duration.ofDays(1)));
    run.isWaitingAt("Timer_DeferSecondMessage");

    increaseTime(Duration.ofDays(1).plusMinutes(1));

    assertThat(run.checksAndSends().getVariablesAsMap()).containsEntry("templateId", "win-back.second");
    run.isWaitingAt("Gateway_WaitAfterSecondMessage");
  }

  @Test
  void endsSuppressedWithoutSendingWhenTheFirstCheckSuppresses() {
    Run run = inactive(null);

    run.consentSuppresses("NO_CONSENT");

    run.endsWith("SUPPRESSED", "End_Suppressed");
    run.instance().hasNotPassedElement("Task_SendFirstMessage");
  }

  @Test
  void endsSuppressedWhenTheMessageCapHoldsTheSecondTextPastItsWindow() {
    Run run = firstTextSent();
    increaseTime(Duration.ofDays(7).plusMinutes(1));

    run.consentSuppresses("CAP_REACHED");

    run.endsWith("SUPPRESSED", "End_Suppressed");
    run.instance().hasNotPassedElement("Task_SendSecondMessage");
  }

  @Test
  void endsSuppressedWhenTheMessageCapRefusesTheFirstTextAtTheMomentOfSending() {
    Run run = inactive(null);
    run.consentAllows();

    run.sendRefused("CAP_REACHED");

    run.endsWith("SUPPRESSED", "End_SendRefused");
  }

  @Test
  void endsSuppressedWhenTheSecondTextIsRefusedAtTheMomentOfSending() {
    Run run = firstTextSent();
    increaseTime(Duration.ofDays(7).plusMinutes(1));
    run.consentAllows();

    run.sendRefused("OPTED_OUT");

    run.endsWith("SUPPRESSED", "End_SendRefused");
  }

  @Test
  void endsWhenTheFirstTextCannotBeDelivered() {
    Run run = inactive(null);
    run.consentAllows();

    run.sendFails("INVALID_NUMBER");

    run.endsWith("SEND_FAILED", "End_SendFailed");
    run.instance().hasPassedElement("Error_FirstMessageFailed");
  }

  @Test
  void endsWhenTheSecondTextCannotBeDelivered() {
    Run run = firstTextSent();
    increaseTime(Duration.ofDays(7).plusMinutes(1));
    run.consentAllows();

    run.sendFails("LANDLINE");

    run.endsWith("SEND_FAILED", "End_SendFailed");
    run.instance().hasPassedElement("Error_SecondMessageFailed");
  }

  @Test
  void stopsWhenTheContactOptsOutBetweenTheTexts() {
    Run run = firstTextSent();

    run.optsOut();

    run.endsWith("OPTED_OUT", "End_OptedOut");
    run.instance().hasNotPassedElement("Task_CheckConsentSecondMessage");
  }

  @Test
  void endsAfterThirtyDaysAtTheLatest() {
    Run run = inactive(null);
    run.isWaitingAt("Task_CheckConsentFirstMessage"); // no worker answers

    increaseTime(Duration.ofDays(30).minusMinutes(10));
    run.isWaitingAt("Task_CheckConsentFirstMessage");
    increaseTime(Duration.ofMinutes(11));

    run.endsWith("MAX_DURATION", "End_MaxDuration");
  }
}
