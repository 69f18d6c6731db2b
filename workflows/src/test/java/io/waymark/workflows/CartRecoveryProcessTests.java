package io.waymark.workflows;

import static io.waymark.workflows.testing.InMemoryEngine.increaseTime;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.camunda.client.api.response.ActivatedJob;
import io.waymark.workflows.JourneyDriver.Run;
import io.waymark.workflows.testing.InMemoryEngine;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The cart-recovery model alone, on the real engine, its job types completed by the test. */
class CartRecoveryProcessTests {

  private static JourneyDriver journey;

  private final String cartId = "cart-" + JourneyDriver.newId();

  @BeforeAll
  static void deploy() {
    journey = new JourneyDriver(Journeys.CART_RECOVERY);
  }

  @AfterEach
  void cancelUnfinished() {
    journey.cancelUnfinished();
  }

  @AfterAll
  static void close() {
    journey.close();
  }

  private Run abandon() {
    Run run = journey.start(Map.of("cartId", cartId, "discountCode", "COMEBACK10"));
    run.isWaitingAt("Timer_Wait1Hour");
    return run;
  }

  private static void buys(String cart) {
    journey.publish(Messages.CONVERSION, Messages.cartConversionKey(cart),
        JourneyDriver.signal("order.completed", Map.of("cartId", cart)));
  }

  /** The promotional inputs of a check or send, its send window 12 hours from when the nudge fell due. */
  private static Instant assertPromotional(ActivatedJob job) {
    assertThat(job.getVariablesAsMap()).containsEntry("topic", "promotions").containsEntry("messageClass", "promotional");
    return Instant.parse((String) job.getVariablesAsMap().get("sendNotAfter"));
  }

  private static ActivatedJob sendsNudge(Run run, String templateId) {
    Instant due = InMemoryEngine.now();
    ActivatedJob check = run.consentAllows();
    Instant window = assertPromotional(check);
    assertThat(window).isCloseTo(due.plus(Duration.ofHours(12)), within(2, ChronoUnit.MINUTES));
    ActivatedJob send = run.sends();
    assertThat(assertPromotional(send)).isEqualTo(window);
    assertThat(send.getVariablesAsMap()).containsEntry("templateId", templateId).doesNotContainKey("body");
    return send;
  }

  private Run firstNudgeSent() {
    Run run = abandon();
    increaseTime(Duration.ofMinutes(58));
    run.isWaitingAt("Timer_Wait1Hour");
    increaseTime(Duration.ofMinutes(3));
    sendsNudge(run, "cart-recovery.first-nudge");
    run.isWaitingAt("Gateway_WaitAfterFirstNudge");
    return run;
  }

  private Run secondNudgeSent() {
    Run run = firstNudgeSent();
    increaseTime(Duration.ofHours(23).plusMinutes(50));
    run.isWaitingAt("Gateway_WaitAfterFirstNudge");
    increaseTime(Duration.ofMinutes(11));
    ActivatedJob send = sendsNudge(run, "cart-recovery.second-nudge-with-code");
    assertThat(send.getVariablesAsMap().get("attributes")).as("the code the template reads")
        .isEqualTo(Map.of("cartId", cartId, "discountCode", "COMEBACK10"));
    run.isWaitingAt("Gateway_WaitAfterSecondNudge");
    return run;
  }

  @Test
  void nudgesAnHourAfterAbandonmentAgainWithACodeADayLaterAndEndsNotConvertedThreeDaysAfter() {
    Run run = secondNudgeSent();

    increaseTime(Duration.ofDays(3).minusMinutes(5));
    run.isWaitingAt("Gateway_WaitAfterSecondNudge");
    increaseTime(Duration.ofMinutes(6));

    run.endsWith("NOT_CONVERTED", "End_NotConverted");
  }

  @Test
  void stopsConvertedWithoutSendingWhenTheCartIsBoughtWithinTheHour() {
    Run run = abandon();

    buys(cartId);

    run.endsWith("CONVERTED", "End_Converted");
    run.instance().hasNotPassedElement("Task_CheckConsentFirstNudge");
  }

  @Test
  void stopsConvertedWhenTheCartIsBoughtAfterTheFirstNudge() {
    Run run = firstNudgeSent();

    buys(cartId);

    run.endsWith("CONVERTED", "End_Converted");
    run.instance().hasNotPassedElement("Task_CheckConsentSecondNudge");
  }

  @Test
  void stopsConvertedWhenTheCartIsBoughtAfterTheSecondNudge() {
    Run run = secondNudgeSent();

    buys(cartId);

    run.endsWith("CONVERTED", "End_Converted");
  }

  @Test
  void ignoresPurchasesOfOtherCartsAndConversionsKeyedByTheContact() {
    Run run = firstNudgeSent();

    buys("cart-someone-else");
    journey.publish(Messages.CONVERSION, run.contactId, Map.of());
    journey.publish(Messages.CONVERSION, cartId, Map.of());

    run.isWaitingAt("Gateway_WaitAfterFirstNudge");
  }

  @Test
  void takesANumericCartId() {
    String numeric = JourneyDriver.newId();
    Run run = journey.start(Map.of("cartId", Long.parseLong(numeric)));
    run.isWaitingAt("Timer_Wait1Hour");

    buys(numeric);

    run.endsWith("CONVERTED", "End_Converted");
  }

  @Test
  void endsAsAnInvalidEventWithoutACartId() {
    Run run = journey.start(Map.of("discountCode", "COMEBACK10"));

    run.endsWith("INVALID_EVENT", "End_InvalidEvent");
    run.instance().hasNotPassedElement("Timer_Wait1Hour");
  }

  @Test
  void endsRepliedWithoutTheSecondNudgeWhenTheContactRepliesToTheFirst() {
    Run run = firstNudgeSent();

    run.replies("Is the blue one still in stock?", "OTHER");

    run.endsWith("REPLIED", "End_Replied");
    run.instance().hasNotPassedElement("Task_CheckConsentSecondNudge");
  }

  @Test
  void endsRepliedWhenTheContactRepliesToTheSecondNudge() {
    Run run = secondNudgeSent();

    run.replies("no thanks", "NOT_NOW");

    run.endsWith("REPLIED", "End_Replied");
    run.instance().hasPassedElement("Message_ReplyToSecondNudge");
  }

  @Test
  void defersTheFirstNudgeAndAsksAgainWithinTheSameSendWindow() {
    Run run = abandon();
    increaseTime(Duration.ofMinutes(61));
    Instant window = assertPromotional(run.consentDefers(InMemoryEngine.now().plus(Duration.ofHours(8))));
    run.isWaitingAt("Timer_DeferFirstNudge");

    increaseTime(Duration.ofHours(8).plusMinutes(1));
    ActivatedJob again = run.consentAllows();

    assertThat(assertPromotional(again)).as("the window does not move with the deferral").isEqualTo(window);
    assertThat(run.sends().getVariablesAsMap()).containsEntry("templateId", "cart-recovery.first-nudge");
    run.isWaitingAt("Gateway_WaitAfterFirstNudge");
    run.instance().hasPassedElement("Task_CheckConsentFirstNudge", 2);
  }

  @Test
  void defersTheSecondNudgeAndAsksAgain() {
    Run run = firstNudgeSent();
    increaseTime(Duration.ofHours(24).plusMinutes(1));
    run.consentDefers(InMemoryEngine.now().plus(Duration.ofHours(3)));
    run.isWaitingAt("Timer_DeferSecondNudge");

    increaseTime(Duration.ofHours(3).plusMinutes(1));
    ActivatedJob send = run.checksAndSends();

    assertThat(send.getVariablesAsMap()).containsEntry("templateId", "cart-recovery.second-nudge-with-code");
    run.isWaitingAt("Gateway_WaitAfterSecondNudge");
  }

  @Test
  void endsSuppressedWithoutSendingWhenTheFirstCheckSuppresses() {
    Run run = abandon();
    increaseTime(Duration.ofMinutes(61));

    run.consentSuppresses("NO_CONSENT");

    run.endsWith("SUPPRESSED", "End_Suppressed");
    run.instance().hasNotPassedElement("Task_SendFirstNudge");
  }

  @Test
  void endsSuppressedWhenTheMessageCapHoldsTheSecondNudgePastItsWindow() {
    Run run = firstNudgeSent();
    increaseTime(Duration.ofHours(24).plusMinutes(1));

    run.consentSuppresses("CAP_REACHED");

    run.endsWith("SUPPRESSED", "End_Suppressed");
    run.instance().hasNotPassedElement("Task_SendSecondNudge").hasVariableWithValue("suppressReason", "CAP_REACHED");
  }

  @Test
  void endsSuppressedWhenTheFirstNudgeIsRefusedAtTheMomentOfSending() {
    Run run = abandon();
    increaseTime(Duration.ofMinutes(61));
    run.consentAllows();

    run.sendRefused("OPTED_OUT");

    run.endsWith("SUPPRESSED", "End_SendRefused");
  }

  @Test
  void endsSuppressedWhenTheMessageCapRefusesTheSecondNudgeAtTheMomentOfSending() {
    Run run = firstNudgeSent();
    increaseTime(Duration.ofHours(24).plusMinutes(1));
    run.consentAllows();

    run.sendRefused("CAP_REACHED");

    run.endsWith("SUPPRESSED", "End_SendRefused");
    run.instance().hasPassedElement("StartEvent_SendRefused");
  }

  @Test
  void endsWhenTheFirstNudgeCannotBeDelivered() {
    Run run = abandon();
    increaseTime(Duration.ofMinutes(61));
    run.consentAllows();

    run.sendFails("INVALID_NUMBER");

    run.endsWith("SEND_FAILED", "End_SendFailed");
    run.instance().hasPassedElement("Error_FirstNudgeFailed");
  }

  @Test
  void endsWhenTheSecondNudgeCannotBeDelivered() {
    Run run = firstNudgeSent();
    increaseTime(Duration.ofHours(24).plusMinutes(1));
    run.consentAllows();

    run.sendFails("INVALID_NUMBER");

    run.endsWith("SEND_FAILED", "End_SendFailed");
    run.instance().hasPassedElement("Error_SecondNudgeFailed");
  }

  @Test
  void stopsWhenTheContactOptsOutBeforeTheFirstNudge() {
    Run run = abandon();

    run.optsOut();

    run.endsWith("OPTED_OUT", "End_OptedOut");
    increaseTime(Duration.ofHours(2));
    run.instance().hasNotPassedElement("Task_CheckConsentFirstNudge");
  }

  @Test
  void stopsWhenTheContactOptsOutBetweenTheNudges() {
    Run run = firstNudgeSent();

    run.optsOut();

    run.endsWith("OPTED_OUT", "End_OptedOut");
    run.instance().hasNotPassedElement("Task_CheckConsentSecondNudge");
  }

  @Test
  void endsAfterSevenDaysAtTheLatest() {
    Run run = abandon();
    increaseTime(Duration.ofMinutes(61));
    run.isWaitingAt("Task_CheckConsentFirstNudge"); // no worker answers

    increaseTime(Duration.ofDays(7).minusMinutes(70));
    run.isWaitingAt("Task_CheckConsentFirstNudge");
    increaseTime(Duration.ofMinutes(10));

    run.endsWith("MAX_DURATION", "End_MaxDuration");
  }
}
