package io.waymark.workflows;

import static io.waymark.workflows.testing.InMemoryEngine.increaseTime;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeProperties;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeProperty;
import io.waymark.workflows.JourneyDriver.Run;
import io.waymark.workflows.testing.InMemoryEngine;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The appointment-reminder model alone, on the real engine, its job types completed by the test. Its timing experiment
 * (day-before, two-days-before, holdout) arrives as the start variable {@code variant}, as the workers' starter sets
 * it; runs without one (started before the experiment) keep the day-before timing.
 */
class AppointmentReminderProcessTests {

  private static JourneyDriver journey;
  private static Map<String, String> properties;

  private final String appointmentId = "appt-" + JourneyDriver.newId();
  private Instant appointmentAt;

  @BeforeAll
  static void deploy() {
    journey = new JourneyDriver(Journeys.APPOINTMENT_REMINDER);
    Process process = Bpmn.readModelFromStream(AppointmentReminderProcessTests.class.getClassLoader()
        .getResourceAsStream(Journeys.resource(Journeys.APPOINTMENT_REMINDER)))
        .getModelElementById(Journeys.APPOINTMENT_REMINDER);
    properties = process.getExtensionElements().getElementsQuery().filterByType(ZeebeProperties.class)
        .singleResult().getProperties().stream()
        .collect(Collectors.toMap(ZeebeProperty::getName, ZeebeProperty::getValue));
  }

  @AfterEach
  void cancelUnfinished() {
    journey.cancelUnfinished();
  }

  @AfterAll
  static void close() {
    journey.close();
  }

  /** Books an appointment {@code fromNow} ahead without a variant (a run started before the experiment). */
  private Run book(Duration fromNow) {
    return book(fromNow, null);
  }

  /**
   * Books an appointment {@code fromNow} ahead, its time written with the clinic's offset (+02:00), for a contact in
   * {@code variant} of experiment reminder-timing (null: the starter gave none).
   */
  private Run book(Duration fromNow, String variant) {
    appointmentAt = InMemoryEngine.now().plus(fromNow).truncatedTo(ChronoUnit.SECONDS);
    Map<String, Object> extra = new HashMap<>();
    if (variant != null) {
      extra.put("experiment", "reminder-timing");
      extra.put("variant", variant);
    }
    return journey.start(JourneyDriver.newId(), Map.of("appointment", Map.of("id", appointmentId,
        "time", appointmentAt.atOffset(ZoneOffset.ofHours(2)).toString(), "location", "Main St clinic")), extra);
  }

  /** Moves the engine clock to {@code offset} from the appointment time (negative: before it). */
  private void moveTo(Duration offset) {
    increaseTime(Duration.between(InMemoryEngine.now(), appointmentAt.plus(offset)));
  }

  private void assertAlertInputs(ActivatedJob job) {
    assertThat(job.getVariablesAsMap()).containsEntry("topic", "appointments").containsEntry("messageClass", "alert");
    assertThat(Instant.parse((String) job.getVariablesAsMap().get("sendNotAfter")))
        .as("no reminder after the appointment").isEqualTo(appointmentAt);
  }

  private void sendsReminder(Run run, String templateId) {
    ActivatedJob check = run.consentAllows();
    assertAlertInputs(check);
    ActivatedJob send = run.sends();
    assertAlertInputs(send);
    assertThat(send.getVariablesAsMap()).containsEntry("templateId", templateId).doesNotContainKey("body");
  }

  /** Books 3 days ahead and sends the first reminder a day before. */
  private Run firstReminderSent() {
    Run run = book(Duration.ofDays(3).plusMinutes(30));
    run.isWaitingAt("Timer_DayBefore");
    moveTo(Duration.ofHours(-24).minusMinutes(5));
    run.isWaitingAt("Timer_DayBefore");
    moveTo(Duration.ofHours(-24).plusMinutes(1));
    sendsReminder(run, "appointment-reminder.reminder-24h");
    run.isWaitingAt("Gateway_WaitForFirstReply");
    return run;
  }

  private Run secondReminderSent() {
    Run run = firstReminderSent();
    moveTo(Duration.ofHours(-2).minusMinutes(5));
    run.isWaitingAt("Gateway_WaitForFirstReply");
    moveTo(Duration.ofHours(-2).plusMinutes(1));
    sendsReminder(run, "appointment-reminder.reminder-2h");
    run.isWaitingAt("Gateway_WaitUntilAppointment");
    return run;
  }

  private void endsConfirmedAtTheAppointment(Run run) {
    run.isWaitingAt("Timer_UntilAppointment");
    moveTo(Duration.ofMinutes(-10));
    run.isWaitingAt("Timer_UntilAppointment");
    moveTo(Duration.ofMinutes(1));
    run.endsWith("CONFIRMED", "End_Confirmed");
  }

  @Test
  void remindsADayBeforeAndEndsConfirmedAtTheAppointmentWhenTheContactReplies1() {
    Run run = firstReminderSent();

    run.replies("1", "OTHER");

    endsConfirmedAtTheAppointment(run);
    run.instance().hasNotPassedElement("Task_SendSecondReminder");
  }

  @ParameterizedTest
  @ValueSource(strings = {" 1 ", "1.", "Yes!", "ok", "CONFIRM", "confirmed"})
  void takesYesWordsAndPunctuationAsAConfirmation(String reply) {
    Run run = firstReminderSent();

    run.replies(reply, "HOT");

    run.isWaitingAt("Timer_UntilAppointment");
  }

  @Test
  void recordsARescheduleRequestWhenTheContactReplies2() {
    Run run = firstReminderSent();

    run.replies("2", "OTHER");

    run.endsWith("RESCHEDULE_REQUESTED", "End_RescheduleRequested");
    run.instance().hasPassedElement("Gateway_FirstReplyMeaning").hasNotPassedElement("Task_SendSecondReminder");
  }

  @Test
  void takesANotNowReplyAsARescheduleRequest() {
    Run run = firstReminderSent();

    run.replies("Sorry, not today", "NOT_NOW");

    run.endsWith("RESCHEDULE_REQUESTED", "End_RescheduleRequested");
  }

  @Test
  void keepsWaitingOnOtherRepliesThenRemindsAgainTwoHoursBeforeAndEndsWithoutAReplyAtTheAppointment() {
    Run run = firstReminderSent();
    run.replies("Where do I park?", "OTHER");
    run.isWaitingAt("Gateway_WaitForFirstReply");
    run.instance().hasPassedElement("Gateway_FirstReplyMeaning");

    moveTo(Duration.ofHours(-2).plusMinutes(1));
    sendsReminder(run, "appointment-reminder.reminder-2h");
    run.isWaitingAt("Gateway_WaitUntilAppointment");
    moveTo(Duration.ofMinutes(-5));
    run.isWaitingAt("Gateway_WaitUntilAppointment");
    moveTo(Duration.ofMinutes(1));

    run.endsWith("NO_REPLY", "End_NoReply");
    run.instance().hasPassedElement("Timer_TwoHoursBefore").hasPassedElement("Timer_AppointmentTime");
  }

  @Test
  void endsConfirmedWhenTheContactReplies1ToTheSecondReminder() {
    Run run = secondReminderSent();

    run.replies("1", "OTHER");

    endsConfirmedAtTheAppointment(run);
    run.instance().hasPassedElement("Gateway_LastReplyMeaning");
  }

  @Test
  void recordsARescheduleRequestWhenTheContactReplies2ToTheSecondReminder() {
    Run run = secondReminderSent();

    run.replies("2", "OTHER");

    run.endsWith("RESCHEDULE_REQUESTED", "End_RescheduleRequested");
    run.instance().hasPassedElement("Gateway_LastReplyMeaning");
  }

  @Test
  void keepsWaitingOnOtherRepliesToTheSecondReminderUntilTheAppointment() {
    Run run = secondReminderSent();

    run.replies("Thanks!", "OTHER");
    run.isWaitingAt("Gateway_WaitUntilAppointment");
    moveTo(Duration.ofMinutes(1));

    run.endsWith("NO_REPLY", "End_NoReply");
    run.instance().hasPassedElement("Gateway_LastReplyMeaning");
  }

  @Test
  void remindsAtOnceWhenBookedLessThanADayAhead() {
    Run run = book(Duration.ofHours(10));

    sendsReminder(run, "appointment-reminder.reminder-24h");

    run.isWaitingAt("Gateway_WaitForFirstReply");
    run.instance().hasNotPassedElement("Timer_DayBefore");
    moveTo(Duration.ofHours(-2).plusMinutes(1));
    sendsReminder(run, "appointment-reminder.reminder-2h");
    run.isWaitingAt("Gateway_WaitUntilAppointment");
  }

  @Test
  void sendsOnlyTheTwoHourReminderWhenBookedLessThanTwoHoursAhead() {
    Run run = book(Duration.ofMinutes(90));

    sendsReminder(run, "appointment-reminder.reminder-2h");
    run.isWaitingAt("Gateway_WaitUntilAppointment");
    moveTo(Duration.ofMinutes(1));

    run.endsWith("NO_REPLY", "End_NoReply");
    run.instance().hasNotPassedElement("Task_CheckConsentFirstReminder");
  }

  @Test
  void skipsTheSecondReminderWhenTheDeferredFirstWentOutLessThanThreeHoursBefore() {
    Run run = book(Duration.ofHours(4));
    ActivatedJob deferred = run.consentDefers(appointmentAt.minus(Duration.ofMinutes(150)));
    assertAlertInputs(deferred);
    run.isWaitingAt("Timer_DeferFirstReminder");

    moveTo(Duration.ofMinutes(-149));
    sendsReminder(run, "appointment-reminder.reminder-24h");

    run.isWaitingAt("Gateway_WaitUntilAppointment");
    run.instance().hasPassedElement("Task_CheckConsentFirstReminder", 2).hasNotPassedElement("Gateway_WaitForFirstReply");
    moveTo(Duration.ofMinutes(1));
    run.endsWith("NO_REPLY", "End_NoReply");
    run.instance().hasNotPassedElement("Task_SendSecondReminder");
  }

  @Test
  void defersTheSecondReminderAndAsksAgain() {
    Run run = firstReminderSent();
    moveTo(Duration.ofHours(-2).plusMinutes(1));
    ActivatedJob deferred = run.consentDefers(appointmentAt.minus(Duration.ofMinutes(60)));
    assertAlertInputs(deferred);
    run.isWaitingAt("Timer_DeferSecondReminder");

    moveTo(Duration.ofMinutes(-59));
    sendsReminder(run, "appointment-reminder.reminder-2h");

    run.isWaitingAt("Gateway_WaitUntilAppointment");
    run.instance().hasPassedElement("Task_CheckConsentSecondReminder", 2);
  }

  @Test
  void endsWithoutSendingForAnAppointmentThatHasPassed() {
    Run run = book(Duration.ofHours(-1));

    run.endsWith("APPOINTMENT_PASSED", "End_AppointmentPassed");
    run.instance().hasNotPassedElement("Task_CheckConsentFirstReminder")
        .hasNotPassedElement("Task_CheckConsentSecondReminder");
  }

  @ParameterizedTest
  @ValueSource(strings = {"no appointment", "no id", "no time", "time without offset", "time not a date",
      "impossible date"})
  void endsAsAnInvalidEventWhenTheAppointmentIsUnusable(String problem) {
    String time = InMemoryEngine.now().plus(Duration.ofDays(3)).atOffset(ZoneOffset.UTC).toString();
    Map<String, Object> appointment = new HashMap<>(Map.of("id", appointmentId, "time", time));
    switch (problem) {
      case "no id" -> appointment.remove("id");
      case "no time" -> appointment.remove("time");
      case "time without offset" -> appointment.put("time", time.substring(0, 19));
      case "time not a date" -> appointment.put("time", "tomorrow at 10");
      case "impossible date" -> appointment.put("time", "2031-02-30T10:00:00+01:00");
      default -> appointment.clear();
    }
    Run run = journey.start(problem.equals("no appointment") ? Map.of() : Map.of("appointment", appointment));

    run.endsWith("INVALID_EVENT", "End_InvalidEvent");
    run.instance().hasNotPassedElement("Gateway_TimeLeft");
  }

  @Test
  void endsSuppressedWithoutSendingWhenTheFirstCheckSuppresses() {
    Run run = book(Duration.ofHours(10));

    run.consentSuppresses("NO_CONSENT");

    run.endsWith("SUPPRESSED", "End_Suppressed");
    run.instance().hasNotPassedElement("Task_SendFirstReminder");
  }

  @Test
  void endsSuppressedWhenTheSecondCheckSuppresses() {
    Run run = firstReminderSent();
    moveTo(Duration.ofHours(-2).plusMinutes(1));

    run.consentSuppresses("EXPIRED");

    run.endsWith("SUPPRESSED", "End_Suppressed");
    run.instance().hasNotPassedElement("Task_SendSecondReminder");
  }

  @Test
  void endsSuppressedWhenTheFirstReminderIsRefusedAtTheMomentOfSending() {
    Run run = book(Duration.ofHours(10));
    run.consentAllows();

    run.sendRefused("OPTED_OUT");

    run.endsWith("SUPPRESSED", "End_SendRefused");
    run.instance().hasPassedElement("StartEvent_SendRefused");
  }

  @Test
  void endsSuppressedWhenTheSecondReminderIsRefusedAtTheMomentOfSending() {
    Run run = book(Duration.ofMinutes(90));
    run.consentAllows();

    run.sendRefused("CAP_REACHED");

    run.endsWith("SUPPRESSED", "End_SendRefused");
  }

  @Test
  void endsWhenTheFirstReminderCannotBeDelivered() {
    Run run = book(Duration.ofHours(10));
    run.consentAllows();

    run.sendFails("INVALID_NUMBER");

    run.endsWith("SEND_FAILED", "End_SendFailed");
    run.instance().hasPassedElement("Error_FirstReminderFailed");
  }

  @Test
  void endsWhenTheSecondReminderCannotBeDelivered() {
    Run run = book(Duration.ofMinutes(90));
    run.consentAllows();

    run.sendFails("INVALID_NUMBER");

    run.endsWith("SEND_FAILED", "End_SendFailed");
    run.instance().hasPassedElement("Error_SecondReminderFailed");
  }

  @Test
  void stopsWhenTheContactOptsOutBeforeTheFirstReminder() {
    Run run = book(Duration.ofDays(3));
    run.isWaitingAt("Timer_DayBefore");

    run.optsOut();

    run.endsWith("OPTED_OUT", "End_OptedOut");
    moveTo(Duration.ofHours(-23));
    run.instance().hasNotPassedElement("Task_CheckConsentFirstReminder");
  }

  @Test
  void stopsWhenTheContactOptsOutWhileARemindersWaitsForAReply() {
    Run run = secondReminderSent();

    run.optsOut();

    run.endsWith("OPTED_OUT", "End_OptedOut");
  }

  private void cancel(String id) {
    journey.publish(Messages.APPOINTMENT_CANCELLED, id,
        JourneyDriver.signal("appointment.cancelled", Map.of("appointment", Map.of("id", id))));
  }

  @Test
  void stopsWhenTheAppointmentIsCancelledBeforeTheFirstReminder() {
    Run run = book(Duration.ofDays(3));
    cancel("appt-someone-else");
    run.isWaitingAt("Timer_DayBefore");

    cancel(appointmentId);

    run.endsWith("CANCELLED", "End_AppointmentCancelled");
    run.instance().hasNotPassedElement("Task_CheckConsentFirstReminder");
  }

  @Test
  void stopsWhenAConfirmedAppointmentIsCancelled() {
    Run run = firstReminderSent();
    run.replies("1", "OTHER");
    run.isWaitingAt("Timer_UntilAppointment");

    cancel(appointmentId);

    run.endsWith("CANCELLED", "End_AppointmentCancelled");
    run.instance().hasNotPassedElement("Task_RecordConfirmed");
  }

  @Test
  void endsAnHourAfterTheAppointmentAtTheLatest() {
    Run run = book(Duration.ofHours(10));
    run.isWaitingAt("Task_CheckConsentFirstReminder"); // no worker answers

    moveTo(Duration.ofMinutes(59));
    run.isWaitingAt("Task_CheckConsentFirstReminder");
    moveTo(Duration.ofMinutes(61));

    run.endsWith("MAX_DURATION", "End_MaxDuration");
  }

  // experiment reminder-timing

  @Test
  void declaresTheTimingExperimentWithATenPercentHoldout() {
    assertThat(properties).containsEntry("experiment", "reminder-timing")
        .containsEntry("variants", "day-before:45, two-days-before:45, holdout:10").doesNotContainKey("holdoutShare");
    assertThat(properties.get("outcomes")).contains("HOLDOUT");
  }

  @ParameterizedTest
  @ValueSource(strings = {"P3D", "PT30H", "PT10H", "PT90M"})
  void holdsOutTheHoldoutVariantWithoutAnyReminderWhenever(String fromNow) {
    Run run = book(Duration.parse(fromNow), "holdout");

    run.endsWith("HOLDOUT", "End_Holdout");
    run.instance().hasNotPassedElement("Gateway_TimeLeft").hasNotPassedElement("Task_CheckConsentFirstReminder")
        .hasNotPassedElement("Task_CheckConsentSecondReminder");
  }

  @Test
  void endsAnUnusableEventOfTheHoldoutAsInvalidNotAsHeldOut() {
    appointmentAt = InMemoryEngine.now().plus(Duration.ofDays(3));
    Run run = journey.start(JourneyDriver.newId(), Map.of("appointment", Map.of("id", appointmentId)),
        Map.of("experiment", "reminder-timing", "variant", "holdout"));

    run.endsWith("INVALID_EVENT", "End_InvalidEvent");
    run.instance().hasNotPassedElement("Gateway_Holdout");
  }

  @Test
  void remindsTwoDaysBeforeInVariantTwoDaysBeforeThenTwoHoursBefore() {
    Run run = book(Duration.ofDays(3).plusMinutes(30), "two-days-before");
    run.isWaitingAt("Timer_TwoDaysBefore");
    moveTo(Duration.ofHours(-48).minusMinutes(5));
    run.isWaitingAt("Timer_TwoDaysBefore");

    moveTo(Duration.ofHours(-48).plusMinutes(1));
    sendsReminder(run, "appointment-reminder.reminder-24h");
    run.isWaitingAt("Gateway_WaitForFirstReply");

    moveTo(Duration.ofHours(-24).plusMinutes(1));
    run.isWaitingAt("Gateway_WaitForFirstReply"); // no second first reminder a day before
    run.instance().hasPassedElement("Task_SendFirstReminder", 1).hasNotPassedElement("Timer_DayBefore");
    moveTo(Duration.ofHours(-2).plusMinutes(1));
    sendsReminder(run, "appointment-reminder.reminder-2h");
    moveTo(Duration.ofMinutes(1));
    run.endsWith("NO_REPLY", "End_NoReply");
  }

  @Test
  void endsConfirmedWhenTheContactConfirmsTheTwoDaysBeforeReminder() {
    Run run = book(Duration.ofDays(4), "two-days-before");
    moveTo(Duration.ofHours(-48).plusMinutes(1));
    sendsReminder(run, "appointment-reminder.reminder-24h");

    run.replies("1", "OTHER");

    endsConfirmedAtTheAppointment(run);
    run.instance().hasNotPassedElement("Task_SendSecondReminder");
  }

  @Test
  void remindsAtOnceInVariantTwoDaysBeforeWhenBookedLessThanTwoDaysAhead() {
    Run run = book(Duration.ofHours(30), "two-days-before");

    sendsReminder(run, "appointment-reminder.reminder-24h");

    run.isWaitingAt("Gateway_WaitForFirstReply");
    run.instance().hasPassedElement("Gateway_FirstReminderTiming").hasNotPassedElement("Timer_TwoDaysBefore")
        .hasNotPassedElement("Timer_DayBefore");
    moveTo(Duration.ofHours(-2).plusMinutes(1));
    sendsReminder(run, "appointment-reminder.reminder-2h");
    run.isWaitingAt("Gateway_WaitUntilAppointment");
  }

  @Test
  void timesVariantTwoDaysBeforeLikeDayBeforeWithinADayOfTheAppointment() {
    Run lateBooking = book(Duration.ofHours(10), "two-days-before");
    sendsReminder(lateBooking, "appointment-reminder.reminder-24h");
    lateBooking.isWaitingAt("Gateway_WaitForFirstReply");
    lateBooking.instance().hasNotPassedElement("Gateway_FirstReminderTiming");

    Run lastMinute = book(Duration.ofMinutes(90), "two-days-before");
    sendsReminder(lastMinute, "appointment-reminder.reminder-2h");
    lastMinute.isWaitingAt("Gateway_WaitUntilAppointment");
    lastMinute.instance().hasNotPassedElement("Task_CheckConsentFirstReminder");
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"day-before", "a-later-variant"})
  void waitsUntilADayBeforeInVariantDayBeforeWithoutAVariantOrWithAnUnknownOne(String variant) {
    Run run = book(Duration.ofHours(30), variant);
    run.isWaitingAt("Timer_DayBefore");
    run.instance().hasPassedElement("Gateway_FirstReminderTiming").hasNotPassedElement("Timer_TwoDaysBefore");

    moveTo(Duration.ofHours(-24).minusMinutes(5));
    run.isWaitingAt("Timer_DayBefore");
    moveTo(Duration.ofHours(-24).plusMinutes(1));

    sendsReminder(run, "appointment-reminder.reminder-24h");
    run.isWaitingAt("Gateway_WaitForFirstReply");
  }

  @Test
  void stopsWhenTheAppointmentIsCancelledBeforeTheTwoDaysBeforeReminder() {
    Run run = book(Duration.ofDays(5), "two-days-before");
    run.isWaitingAt("Timer_TwoDaysBefore");

    cancel(appointmentId);

    run.endsWith("CANCELLED", "End_AppointmentCancelled");
    moveTo(Duration.ofHours(-47));
    run.instance().hasNotPassedElement("Task_CheckConsentFirstReminder");
  }
}
