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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shipping-update model alone, on the real engine, its job types completed by the test. */
class ShippingUpdateProcessTests {

  private static final String SHIPPED = "shipping-update.shipped";
  private static final String OUT_FOR_DELIVERY = "shipping-update.out-for-delivery";
  private static final String DELIVERED = "shipping-update.delivered";

  private static JourneyDriver journey;

  private final String orderId = "order-" + JourneyDriver.newId();

  @BeforeAll
  static void deploy() {
    journey = new JourneyDriver(Journeys.SHIPPING_UPDATE);
  }

  @AfterEach
  void cancelUnfinished() {
    journey.cancelUnfinished();
  }

  @AfterAll
  static void close() {
    journey.close();
  }

  private Run ships() {
    return journey.start(Map.of("orderId", orderId, "carrier", "UPS", "trackingUrl", "https://track.example/1Z9"));
  }

  private static void update(String order, String type) {
    journey.publish(Messages.SHIPMENT_UPDATED, order,
        JourneyDriver.signal(type, Map.of("orderId", order, "eta", "14:00-16:00")));
  }

  /** A transactional check and send, the send window 6 hours from when the alert fell due; returns the send. */
  private static ActivatedJob sendsAlert(Run run, String templateId) {
    Instant due = InMemoryEngine.now();
    ActivatedJob check = run.consentAllows();
    assertThat(check.getVariablesAsMap()).containsEntry("topic", "order-updates")
        .containsEntry("messageClass", "transactional");
    assertThat(Instant.parse((String) check.getVariablesAsMap().get("sendNotAfter")))
        .isCloseTo(due.plus(Duration.ofHours(6)), within(2, ChronoUnit.MINUTES));
    ActivatedJob send = run.sends();
    assertThat(send.getVariablesAsMap()).containsEntry("templateId", templateId)
        .containsEntry("topic", "order-updates").containsEntry("messageClass", "transactional")
        .containsEntry("sendNotAfter", check.getVariablesAsMap().get("sendNotAfter")).doesNotContainKey("body");
    return send;
  }

  private Run shippedAlertSent() {
    Run run = ships();
    sendsAlert(run, SHIPPED);
    run.isWaitingAt("Gateway_WaitForUpdate");
    return run;
  }

  private Run outForDeliveryAlertSent() {
    Run run = shippedAlertSent();
    update(orderId, "order.out-for-delivery");
    ActivatedJob send = sendsAlert(run, OUT_FOR_DELIVERY);
    assertThat(send.getVariablesAsMap().get("lastSignal")).as("the update the template reads")
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsEntry("type", "order.out-for-delivery");
    run.isWaitingAt("Gateway_WaitForUpdate");
    return run;
  }

  @Test
  void alertsShippedOutForDeliveryAndDeliveredThenEndsDelivered() {
    Run run = outForDeliveryAlertSent();

    update(orderId, "order.delivered");
    sendsAlert(run, DELIVERED);

    run.endsWith("DELIVERED", "End_Delivered");
  }

  @Test
  void endsDeliveredWhenNoOutForDeliveryUpdateCame() {
    Run run = shippedAlertSent();

    update(orderId, "order.delivered");
    sendsAlert(run, DELIVERED);

    run.endsWith("DELIVERED", "End_Delivered");
    run.instance().hasNotPassedElement("Task_SendOutForDeliveryAlert");
  }

  @Test
  void alertsAgainOnASecondDeliveryAttempt() {
    Run run = outForDeliveryAlertSent();

    increaseTime(Duration.ofDays(1));
    update(orderId, "order.out-for-delivery");
    sendsAlert(run, OUT_FOR_DELIVERY);

    run.isWaitingAt("Gateway_WaitForUpdate");
    run.instance().hasPassedElement("Task_SendOutForDeliveryAlert", 2);
  }

  @Test
  void ignoresUpdatesOfOtherTypesAndOtherOrders() {
    Run run = shippedAlertSent();

    update(orderId, "order.delayed");
    update("order-someone-else", "order.delivered");

    run.isWaitingAt("Gateway_WaitForUpdate");
    run.instance().hasPassedElement("Gateway_UpdateKind", 1).hasNotPassedElement("Task_CheckConsentDeliveredAlert")
        .hasNotPassedElement("Task_CheckConsentOutForDeliveryAlert");
  }

  @Test
  void endsAsAnInvalidEventWithoutAnOrderId() {
    Run run = journey.start(Map.of("carrier", "UPS"));

    run.endsWith("INVALID_EVENT", "End_InvalidEvent");
    run.instance().hasNotPassedElement("Task_CheckConsentShippedAlert");
  }

  @Test
  void expiresThirtyDaysAfterTheShippedAlertWithoutAnUpdate() {
    Run run = shippedAlertSent();

    increaseTime(Duration.ofDays(30).minusMinutes(10));
    run.isWaitingAt("Gateway_WaitForUpdate");
    increaseTime(Duration.ofMinutes(11));

    run.endsWith("EXPIRED", "End_Expired");
  }

  @Test
  void countsTheThirtyDaysFromTheLastUpdate() {
    Run run = shippedAlertSent();
    increaseTime(Duration.ofDays(20));
    update(orderId, "order.out-for-delivery");
    sendsAlert(run, OUT_FOR_DELIVERY);

    increaseTime(Duration.ofDays(30).minusMinutes(10));
    run.isWaitingAt("Gateway_WaitForUpdate");
    increaseTime(Duration.ofMinutes(11));

    run.endsWith("EXPIRED", "End_Expired");
  }

  @Test
  void endsAfterSixtyDaysAtTheLatest() {
    Run run = shippedAlertSent();
    for (int attempt = 0; attempt < 2; attempt++) {
      increaseTime(Duration.ofDays(25));
      update(orderId, "order.out-for-delivery");
      sendsAlert(run, OUT_FOR_DELIVERY);
    }

    increaseTime(Duration.ofDays(10).minusMinutes(10));
    run.isWaitingAt("Gateway_WaitForUpdate");
    increaseTime(Duration.ofMinutes(11));

    run.endsWith("MAX_DURATION", "End_MaxDuration");
  }

  /** Brings a run to the check of {@code step}: ShippedAlert, OutForDeliveryAlert or DeliveredAlert. */
  private Run atTheCheckOf(String step) {
    if (step.equals("ShippedAlert")) {
      return ships();
    }
    Run run = shippedAlertSent();
    update(orderId, step.equals("DeliveredAlert") ? "order.delivered" : "order.out-for-delivery");
    return run;
  }

  private static String template(String step) {
    return switch (step) {
      case "ShippedAlert" -> SHIPPED;
      case "DeliveredAlert" -> DELIVERED;
      default -> OUT_FOR_DELIVERY;
    };
  }

  @ParameterizedTest
  @ValueSource(strings = {"ShippedAlert", "OutForDeliveryAlert", "DeliveredAlert"})
  void defersAnAlertAndAsksAgainWithinTheSameWindow(String step) {
    Run run = atTheCheckOf(step);
    ActivatedJob deferred = run.consentDefers(InMemoryEngine.now().plus(Duration.ofHours(2)));
    run.isWaitingAt("Timer_Defer" + step);

    increaseTime(Duration.ofHours(2).plusMinutes(1));
    ActivatedJob again = run.consentAllows();

    assertThat(again.getVariablesAsMap().get("sendNotAfter")).isEqualTo(deferred.getVariablesAsMap().get("sendNotAfter"));
    assertThat(run.sends().getVariablesAsMap()).containsEntry("templateId", template(step));
    run.instance().hasPassedElement("Task_CheckConsent" + step, 2);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ShippedAlert", "OutForDeliveryAlert", "DeliveredAlert"})
  void endsSuppressedWithoutSendingWhenACheckSuppresses(String step) {
    Run run = atTheCheckOf(step);

    run.consentSuppresses("NO_CONSENT");

    run.endsWith("SUPPRESSED", "End_Suppressed");
    run.instance().hasNotPassedElement("Task_Send" + step);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ShippedAlert", "OutForDeliveryAlert", "DeliveredAlert"})
  void endsSuppressedWhenAnAlertIsRefusedAtTheMomentOfSending(String step) {
    Run run = atTheCheckOf(step);
    run.consentAllows();

    run.sendRefused("OPTED_OUT");

    run.endsWith("SUPPRESSED", "End_SendRefused");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ShippedAlert", "OutForDeliveryAlert", "DeliveredAlert"})
  void endsWhenAnAlertCannotBeDelivered(String step) {
    Run run = atTheCheckOf(step);
    run.consentAllows();

    run.sendFails("INVALID_NUMBER");

    run.endsWith("SEND_FAILED", "End_SendFailed");
    run.instance().hasPassedElement("Error_" + step + "Failed");
  }

  @Test
  void stopsWhenTheContactOptsOutWhileWaitingForAnUpdate() {
    Run run = outForDeliveryAlertSent();

    run.optsOut();

    run.endsWith("OPTED_OUT", "End_OptedOut");
    run.instance().hasNotPassedElement("Task_CheckConsentDeliveredAlert");
  }
}
