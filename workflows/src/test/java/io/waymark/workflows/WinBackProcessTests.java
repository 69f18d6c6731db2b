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

/**
 * The win-back model alone, on the real engine, its job types completed by the test. Its experiment (control,
 * discount, holdout) arrives as the start variable {@code variant}, as the workers' starter sets it.
 */
class WinBackProcessTests {

  private static JourneyDriver journey;
  private static Map<String, String> properties;

  @BeforeAll
  static void deploy() {
    journey = new JourneyDriver(Journeys.WIN_BACK);
    Process process = Bpmn.readModelFromStream(WinBackProcessTests.class.getClassLoader()
        .getResourceAsStream(Journeys.resource(Journeys.WIN_BACK))).getModelElementById(Journeys.WIN_BACK);
    properties = process.getExtensionElements().getElementsQuery().filterByType(ZeebeProperties.class)
        .singleResult().getProperties().stream()
        .collect(java.util.stream.Collectors.toMap(ZeebeProperty::getName, ZeebeProperty::getValue));
  }

  @AfterEach
  void cancelUnfinished() {
    journey.cancelUnfinished();
  }

  @AfterAll
  static void close() {
    journey.close();
  }

  /** A contact inactive for 60 days in {@code variant} of the experiment (null: the starter gave none). */
  private static Run inactive(String variant) {
    Map<String, Object> extra = new HashMap<>();
    if (variant != null) {
      extra.put("experiment", "win-back-offer");
      extra.put("variant", variant);
    }
    return journey.start(JourneyDriver.newId(), Map.of("inactiveDays", 61), extra);
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
    Run run = inactive("control");
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
  void declaresTheExperimentWithATenPercentHoldout() {
    assertThat(properties).containsEntry("experiment", "win-back-offer")
        .containsEntry("variants", "control:45, discount:45, holdout:10").doesNotContainKey("holdoutShare");
  }

  @Test
  void holdsOutTheHoldoutVariantWithoutSendingAnything() {
    Run run = inactive("holdout");

    run.endsWith("HOLDOUT", "End_Holdout");
    run.instance().hasNotPassedElement("Task_CheckConsentFirstMessage");
    run.instance().hasNotPassedElement("Task_CheckConsentDiscountMessage");
  }

  @Test
  void sendsTheStandardOfferToControlAndToContactsWithoutAVariant() {
    for (String variant : new String[] {"control", null}) {
      Run run = inactive(variant);

      sendsText(run, "win-back.first");
      run.isWaitingAt("Gateway_WaitAfterFirstMessage");
      run.instance().hasNotPassedElement("Task_CheckConsentDiscountMessage");
    }
  }

  @Test
  void sendsTheDiscountOfferToTheDiscountVariantThenTheSameSecondText() {
    Run run = inactive("discount");

    sendsText(run, "win-back.discount");
    run.isWaitingAt("Gateway_WaitAfterFirstMessage");
    run.instance().hasNotPassedElement("Task_SendFirstMessage");
    increaseTime(Duration.ofDays(7).plusMinutes(1));
    sendsText(run, "win-back.second");
    run.isWaitingAt("Gateway_WaitAfterSecondMessage");

    buys(run.contactId);
    run.endsWith("CONVERTED", "End_Converted");
  }

  @Test
  void defersTheDiscountOfferAndAsksAgainWithinTheSameWindow() {
    Run run = inactive("discount");
    ActivatedJob deferred = run.consentDefers(InMemoryEngine.now().plus(Duration.ofHours(9)));
    run.isWaitingAt("Timer_DeferDiscountMessage");

    increaseTime(Duration.ofHours(9).plusMinutes(1));
    ActivatedJob again = run.consentAllows();

    assertThat(again.getVariablesAsMap().get("sendNotAfter")).isEqualTo(deferred.getVariablesAsMap().get("sendNotAfter"));
    assertThat(run.sends().getVariablesAsMap()).containsEntry("templateId", "win-back.discount");
    run.isWaitingAt("Gateway_WaitAfterFirstMessage");
  }

  @Test
  void endsSuppressedWithoutSendingWhenTheDiscountCheckSuppresses() {
    Run run = inactive("discount");

    run.consentSuppresses("NO_CONSENT");

    run.endsWith("SUPPRESSED", "End_Suppressed");
    run.instance().hasNotPassedElement("Task_SendDiscountMessage");
  }

  @Test
  void endsWhenTheDiscountOfferCannotBeDelivered() {
    Run run = inactive("discount");
    run.consentAllows();

    run.sendFails("INVALID_NUMBER");

    run.endsWith("SEND_FAILED", "End_SendFailed");
    run.instance().hasPassedElement("Error_DiscountMessageFailed");
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
    Run run = inactive("control");
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
    Run run = inactive("control");

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
    Run run = inactive("control");
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
    Run run = inactive("control");
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
    Run run = inactive("control");
    run.isWaitingAt("Task_CheckConsentFirstMessage"); // no worker answers

    increaseTime(Duration.ofDays(30).minusMinutes(10));
    run.isWaitingAt("Task_CheckConsentFirstMessage");
    increaseTime(Duration.ofMinutes(11));

    run.endsWith("MAX_DURATION", "End_MaxDuration");
  }
}
