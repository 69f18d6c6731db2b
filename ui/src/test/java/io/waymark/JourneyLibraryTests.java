package io.waymark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.camunda.zeebe.process.test.filters.RecordStream;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.intent.MessageIntent;
import io.camunda.zeebe.protocol.record.value.MessageRecordValue;
import io.waymark.platform.journey.JourneyRuns;
import io.waymark.platform.messaging.SmsSandbox;
import io.waymark.workflows.Messages;
import io.waymark.workflows.testing.InMemoryEngine;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;

/**
 * The journey library end to end: events through the HTTP API, the real workers and templates, the sandbox provider,
 * signals to running journeys, the engine clock moved past the timers.
 */
@EngineTest
class JourneyLibraryTests extends EngineTest.Base {

  @Autowired MockMvc mvc;
  @Autowired SmsSandbox sandbox;
  @Autowired JourneyRuns runs;
  @Autowired JdbcTemplate jdbc;

  /** A short link as the sandbox recorded it: the path to open and the code. */
  private static final Pattern SHORT_LINK = Pattern.compile("https?://[^/\\s]+(/l/([0-9A-Za-z]{10}))(\\s|$)");

  private final String id = UUID.randomUUID().toString().substring(0, 8);

  /** The {@code link-clicked} messages the engine received for a contact. */
  private static List<MessageRecordValue> linkClickedMessages(long contactId) {
    return StreamSupport.stream(RecordStream.of(InMemoryEngine.engine().getRecordStreamSource()).messageRecords()
            .spliterator(), false).filter(r -> r.getIntent() == MessageIntent.PUBLISHED).map(Record::getValue)
        .filter(m -> m.getName().equals(Messages.LINK_CLICKED)
            && m.getCorrelationKey().equals(Long.toString(contactId))).toList();
  }

  private static String phone() {
    return "+1206555" + String.format("%04d", (int) (Math.random() * 10_000)); // a range no other class uses
  }

  private void event(String eventId, String type, String phone, String topic, String attributes,
      ResultMatcher expected) throws Exception {
    String consent = topic == null ? "" : """
        , "consent": {"topics": ["%s"], "channel": "web-form", "text": "Yes, text me. Reply STOP to cancel."}
        """.formatted(topic);
    mvc.perform(post("/api/v1/events").contentType(MediaType.APPLICATION_JSON).content("""
            {"eventId": "%s", "type": "%s", "contact": {"phone": "%s", "firstName": "Maya"}%s,
             "attributes": %s}
            """.formatted(eventId, type, phone, consent, attributes)))
        .andExpect(expected);
  }

  private JourneyRuns.Run awaitRun(String eventId, String status) {
    return await().atMost(Duration.ofSeconds(15)).until(() -> runs.findByEventId(eventId).orElseThrow(),
        run -> run.status().equals(status));
  }

  private List<String> texts(String phone) {
    return sandbox.recorded(phone, 0, 50).stream().filter(m -> m.direction().equals("OUT"))
        .map(SmsSandbox.RecordedMessage::body).toList();
  }

  private void awaitTexts(String phone, int count) {
    await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(texts(phone)).hasSize(count));
  }

  private void reply(String phone, String body) throws Exception {
    mvc.perform(post("/api/v1/sandbox/replies").contentType(MediaType.APPLICATION_JSON)
            .content("{\"from\": \"%s\", \"body\": \"%s\"}".formatted(phone, body)))
        .andExpect(status().isAccepted());
  }

  /**
   * Experiment reminder-timing end to end. A contact's variant is a hash of its id, which the test cannot choose, so
   * it books six contacts (one appointment each, three days ahead) and holds each to the timing of the variant the
   * starter recorded for it: holdout ends HOLDOUT at once and gets nothing; two-days-before gets the reminder 48 h
   * before, day-before 24 h before; both confirm with 1 and end CONFIRMED at the appointment. Every path is also run
   * deterministically in AppointmentReminderProcessTests.
   */
  @Test
  void remindsAtTheTimeOfEachContactsVariantAndEndsConfirmedAtTheAppointment() throws Exception {
    Instant appointment = InMemoryEngine.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
    Map<String, String> variantOfPhone = new LinkedHashMap<>();
    while (variantOfPhone.size() < 6) {
      String phone = phone();
      if (variantOfPhone.containsKey(phone)) {
        continue;
      }
      String eventId = "apt-" + id + "-" + variantOfPhone.size();
      event(eventId, "appointment.booked", phone, "appointments", """
          {"appointment": {"id": "%s", "time": "%s", "location": "Main St clinic"}}
          """.formatted(eventId, appointment), status().isAccepted());
      JourneyRuns.Run run = await().atMost(Duration.ofSeconds(15))
          .until(() -> runs.findByEventId(eventId).orElseThrow(), r -> !r.status().equals("REQUESTED"));
      String variant = jdbc.queryForObject("select variant from experiment_entry where journey_run_id = ?",
          String.class, run.id().value());
      assertThat(jdbc.queryForObject("select variant from experiment_assignment where experiment_id = "
          + "'reminder-timing' and contact_id = ?", String.class, run.contactId())).isEqualTo(variant);
      assertThat(variant).isIn("day-before", "two-days-before", "holdout");
      if (variant.equals("holdout")) {
        assertThat(awaitRun(eventId, "ENDED").outcome()).isEqualTo("HOLDOUT");
      }
      variantOfPhone.put(phone, variant);
    }
    InMemoryEngine.waitForIdle();
    variantOfPhone.keySet().forEach(phone -> assertThat(texts(phone)).isEmpty());

    InMemoryEngine.increaseTime(Duration.ofDays(1).plusMinutes(1)); // 47 h 59 min before
    expectReminders(variantOfPhone, Set.of("two-days-before"));
    InMemoryEngine.increaseTime(Duration.ofDays(1)); // 23 h 59 min before
    expectReminders(variantOfPhone, Set.of("two-days-before", "day-before"));

    for (Map.Entry<String, String> contact : variantOfPhone.entrySet()) {
      if (!contact.getValue().equals("holdout")) {
        reply(contact.getKey(), "1");
      }
    }
    InMemoryEngine.waitForIdle();
    InMemoryEngine.increaseTime(Duration.ofDays(1));

    int i = 0;
    for (Map.Entry<String, String> contact : variantOfPhone.entrySet()) {
      String outcome = contact.getValue().equals("holdout") ? "HOLDOUT" : "CONFIRMED";
      assertThat(awaitRun("apt-" + id + "-" + i++, "ENDED").outcome()).as(contact.getValue()).isEqualTo(outcome);
      assertThat(texts(contact.getKey())).as(contact.getValue()).hasSize(outcome.equals("HOLDOUT") ? 0 : 1);
    }
  }

  /** The contacts in {@code reminded} variants have their one reminder by now, the others none. */
  private void expectReminders(Map<String, String> variantOfPhone, Set<String> reminded) {
    variantOfPhone.forEach((phone, variant) -> {
      if (reminded.contains(variant)) {
        awaitTexts(phone, 1);
        assertThat(texts(phone).getFirst()).startsWith("Hi Maya, a reminder of your appointment with us on ")
            .contains("at Main St clinic. Reply 1 to confirm or 2 to reschedule.");
      }
    });
    InMemoryEngine.waitForIdle();
    variantOfPhone.forEach((phone, variant) -> assertThat(texts(phone)).as(variant)
        .hasSize(reminded.contains(variant) ? 1 : 0));
  }

  @Test
  void nudgesAnHourAfterAbandonmentAndStopsTheMomentTheCartIsBought() throws Exception {
    String phone = phone();
    event("cart-" + id, "cart.abandoned", phone, "promotions", """
        {"cartId": "c-%s", "cart": {"url": "https://shop.example/c/%s", "itemName": "blue sneakers"},
         "offer": {"code": "COMEBACK10"}}
        """.formatted(id, id), status().isAccepted());
    awaitRun("cart-" + id, "RUNNING");

    InMemoryEngine.increaseTime(Duration.ofHours(1).plusMinutes(1));
    awaitTexts(phone, 1);
    String text = texts(phone).getFirst();
    assertThat(text).contains("blue sneakers").doesNotContain("shop.example").endsWith("Reply STOP to opt out.");

    // the cart's URL went out as a tracked short link; opening it redirects there and tells the engine
    Matcher link = SHORT_LINK.matcher(text);
    assertThat(link.find()).as("a short link in: " + text).isTrue();
    long contactId = runs.findByEventId("cart-" + id).orElseThrow().contactId();
    mvc.perform(get(link.group(1)).header(HttpHeaders.USER_AGENT, "Mozilla/5.0 (iPhone) Safari/604.1"))
        .andExpect(status().isFound())
        .andExpect(header().string(HttpHeaders.LOCATION, "https://shop.example/c/" + id
            + "?utm_source=sms&utm_medium=promotional&utm_campaign=cart-recovery"));
    assertThat(jdbc.queryForObject("select count(*) from link_click where contact_id = ? and kind = 'CLICK'",
        Long.class, contactId)).isEqualTo(1);
    await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(linkClickedMessages(contactId))
        .singleElement().satisfies(message -> assertThat(message.getVariables()).extractingByKey("lastClick")
            .asInstanceOf(InstanceOfAssertFactories.MAP).containsEntry("code", link.group(2))
            .containsKey("clickedAt")));

    event("order-" + id, "order.completed", phone, null, "{\"cartId\": \"c-%s\"}".formatted(id),
        status().isAccepted());

    assertThat(awaitRun("cart-" + id, "ENDED").outcome()).isEqualTo("CONVERTED");
    InMemoryEngine.increaseTime(Duration.ofDays(1));
    assertThat(texts(phone)).hasSize(1);
  }

  @Test
  void alertsEachShipmentStepOfTwoOrdersAtOnce() throws Exception {
    String phone = phone();
    for (String order : List.of("a", "b")) {
      event("ship-" + order + id, "order.shipped", phone, "order-updates", """
          {"orderId": "o-%s%s", "order": {"number": "%s-%s", "trackingUrl": "https://track.example/%s"}}
          """.formatted(order, id, order.toUpperCase(), id, order), status().isAccepted());
    }
    awaitTexts(phone, 2);

    event("out-a" + id, "order.out-for-delivery", phone, null, "{\"orderId\": \"o-a%s\"}".formatted(id),
        status().isAccepted());
    awaitTexts(phone, 3);
    event("delivered-a" + id, "order.delivered", phone, null, "{\"orderId\": \"o-a%s\"}".formatted(id),
        status().isAccepted());

    assertThat(awaitRun("ship-a" + id, "ENDED").outcome()).isEqualTo("DELIVERED");
    assertThat(runs.findByEventId("ship-b" + id).orElseThrow().status()).isEqualTo("RUNNING");
    awaitTexts(phone, 4);
    assertThat(texts(phone)).anySatisfy(t -> assertThat(t).contains("A-" + id).contains("out for delivery"))
        .anySatisfy(t -> assertThat(t).contains("A-" + id).contains("was delivered"))
        .noneSatisfy(t -> assertThat(t).containsIgnoringCase("off"));
  }

  @Test
  void holdsOutTheContactsWhoseVariantSaysSoAndTextsTheOthersTheirVariantsOffer() throws Exception {
    String phone = phone();
    event("winback-" + id, "contact.inactive", phone, "promotions", """
        {"offer": {"code": "MISSYOU20"}, "link": {"url": "https://shop.example/back"}}
        """, status().isAccepted());
    // a held-out run ends as soon as it starts: wait for it to leave REQUESTED, not for RUNNING
    JourneyRuns.Run run = await().atMost(Duration.ofSeconds(15))
        .until(() -> runs.findByEventId("winback-" + id).orElseThrow(), r -> !r.status().equals("REQUESTED"));
    String variant = jdbc.queryForObject("select variant from experiment_assignment where experiment_id = "
        + "'win-back-offer' and contact_id = ?", String.class, run.contactId());
    assertThat(jdbc.queryForObject("select variant from experiment_entry where journey_run_id = ?", String.class,
        run.id().value())).isEqualTo(variant);

    if (variant.equals("holdout")) {
      assertThat(awaitRun("winback-" + id, "ENDED").outcome()).isEqualTo("HOLDOUT");
      assertThat(texts(phone)).isEmpty();
    } else {
      awaitTexts(phone, 1);
      assertThat(texts(phone).getFirst()).contains("MISSYOU20").containsPattern(SHORT_LINK)
          .contains(variant.equals("discount") ? "we miss you" : "it's been a while");
      assertThat(jdbc.queryForObject("select target from short_link where contact_id = ?", String.class,
          run.contactId())).isEqualTo("https://shop.example/back?utm_source=sms&utm_medium=promotional"
              + "&utm_campaign=win-back&utm_content=" + variant);
    }
  }

  @Test
  void holdsARunningJourneyBeforeItsNextSendWhilePausedAndSendsOnceResumed() throws Exception {
    String phone = phone();
    event("cart-" + id, "cart.abandoned", phone, "promotions", """
        {"cartId": "c-%s", "cart": {"url": "https://shop.example/c/%s"}, "offer": {"code": "X2"}}
        """.formatted(id, id), status().isAccepted());
    awaitRun("cart-" + id, "RUNNING");
    mvc.perform(post("/api/v1/journeys/cart-recovery/pause").contentType(MediaType.APPLICATION_JSON)
        .content("{\"by\": \"ops@acme.example\"}")).andExpect(status().isOk());
    try {
      InMemoryEngine.increaseTime(Duration.ofHours(1).plusMinutes(1));
      InMemoryEngine.waitForIdle();
      Thread.sleep(1_000);
      assertThat(texts(phone)).as("held while paused").isEmpty();
      assertThat(jdbc.queryForObject("select count(*) from journey_step where process_instance_key = ? and "
          + "job_type = 'send-sms' and outcome = 'FAILED' and detail like '%paused%'", Long.class,
          runs.findByEventId("cart-" + id).orElseThrow().processInstanceKey())).isPositive();
    } finally {
      mvc.perform(post("/api/v1/journeys/cart-recovery/resume")).andExpect(status().isOk());
    }

    InMemoryEngine.increaseTime(Duration.ofMinutes(2));
    awaitTexts(phone, 1);
  }

  @Test
  void refusesAnEventWithoutTheAttributesItsJourneyNeeds() throws Exception {
    event("cart-incomplete-" + id, "cart.abandoned", phone(), "promotions", "{\"cartId\": \"c-x\"}",
        status().isBadRequest());
    assertThat(runs.findByEventId("cart-incomplete-" + id)).isEmpty();
  }

  @Test
  void stopsEveryRunningJourneyOfTheContactWhoOptsOut() throws Exception {
    String phone = phone();
    event("lead-" + id, "lead.created", phone, "promotions", "{}", status().isAccepted());
    event("cart-" + id, "cart.abandoned", phone, "promotions", """
        {"cartId": "c-%s", "cart": {"url": "https://shop.example/c/%s"}, "offer": {"code": "X1"}}
        """.formatted(id, id), status().isAccepted());
    awaitRun("lead-" + id, "RUNNING");
    awaitRun("cart-" + id, "RUNNING");
    awaitTexts(phone, 1);
    InMemoryEngine.waitForIdle();

    reply(phone, "STOP");

    assertThat(awaitRun("lead-" + id, "ENDED").outcome()).isEqualTo("OPTED_OUT");
    assertThat(awaitRun("cart-" + id, "ENDED").outcome()).isEqualTo("OPTED_OUT");
  }
}
