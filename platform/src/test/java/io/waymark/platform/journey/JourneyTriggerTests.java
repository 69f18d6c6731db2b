package io.waymark.platform.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Events start journeys or steer running ones, once per event id; paused journeys and re-entry start nothing. */
@SpringBootTest(properties = {
    "waymark.journeys.triggers[cart.abandoned]=cart-recovery",
    "waymark.journeys.triggers[order.shipped]=shipping-update",
    "waymark.journeys.messages[order.completed].message=conversion",
    "waymark.journeys.messages[order.completed].correlate-by=cart:attributes.cartId,contact",
    "waymark.journeys.messages[order.delivered].message=shipment-updated",
    "waymark.journeys.messages[order.delivered].correlate-by=attributes.order.id",
    "waymark.journeys.messages[order.delivered].time-to-live=PT1H"})
@AutoConfigureMockMvc
@RecordApplicationEvents
class JourneyTriggerTests {

  @Autowired ApplicationEvents published;
  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;
  @Autowired JourneyCatalog catalog;
  @Autowired JourneyMessages messages;

  @BeforeEach
  void deployed() {
    catalog.recordDeployment(new JourneyCatalog.Deployed("cart-recovery", "Cart recovery", 1, 9_000_001L,
        "cart-recovery.bpmn", Map.of(JourneyCatalog.REQUIRED_ATTRIBUTES_PROPERTY, "cartId")));
    catalog.recordDeployment(new JourneyCatalog.Deployed("shipping-update", "Shipping update", 1, 9_000_002L,
        "shipping-update.bpmn", Map.of(JourneyCatalog.REENTRY_PROPERTY, "allowed")));
    catalog.resume("cart-recovery");
  }

  private ResultActions event(String eventId, String type, String phone, String attributes) throws Exception {
    return mvc.perform(post("/api/v1/events").contentType(MediaType.APPLICATION_JSON).content("""
        {"eventId": "%s", "type": "%s", "contact": {"phone": "%s"}, "attributes": %s}
        """.formatted(eventId, type, phone, attributes)));
  }

  @Test
  void publishesAMessageOncePerCorrelationKeyAndOncePerEventId() throws Exception {
    event("order-1", "order.completed", "+14155550180", "{\"cartId\": \"cart-77\", \"total\": 42.5}")
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.message").value("conversion"))
        .andExpect(jsonPath("$.correlationKeys[0]").value("cart:cart-77"))
        .andExpect(jsonPath("$.status").value("QUEUED"));
    event("order-1", "order.completed", "+14155550180", "{\"cartId\": \"cart-77\"}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.duplicate").value(true));

    JourneyMessages.Message message = messages.findByEventId("order-1").orElseThrow();
    assertThat(message.correlationKeys()).hasSize(2).first().isEqualTo("cart:cart-77");
    assertThat(message.correlationKeys().get(1)).isEqualTo(jdbc.queryForObject(
        "select id from contact where phone = '+14155550180'", Long.class).toString());
    assertThat(message.variables()).contains("\"lastSignal\"").contains("\"type\":\"order.completed\"")
        .contains("\"total\":42.5");
    assertThat(count("journey_message where event_id = 'order-1'")).isEqualTo(1);
    assertThat(count("journey_run where event_id = 'order-1'")).isZero();
    assertThat(published.stream(JourneyMessageRequested.class)).containsExactly(
        new JourneyMessageRequested(message.id()));
    assertThat(published.stream(JourneyRunRequested.class)).isEmpty();
  }

  @Test
  void refusesAStartWithoutAnAttributeTheJourneyRequiresNamingIt() throws Exception {
    catalog.recordDeployment(new JourneyCatalog.Deployed("shipping-update", "Shipping update", 2, 9_000_003L,
        "shipping-update.bpmn", Map.of(JourneyCatalog.REENTRY_PROPERTY, "allowed",
            JourneyCatalog.REQUIRED_ATTRIBUTES_PROPERTY, "order.id, order.carrier")));
    try {
      event("ship-incomplete", "order.shipped", "+14155550184", "{\"order\": {\"id\": \"o-9\"}}")
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.field").value("attributes.order.carrier"))
          .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("shipping-update")));
      event("ship-complete", "order.shipped", "+14155550184",
          "{\"order\": {\"id\": \"o-9\", \"carrier\": \"UPS\"}}").andExpect(status().isAccepted());
    } finally {
      catalog.recordDeployment(new JourneyCatalog.Deployed("shipping-update", "Shipping update", 3, 9_000_004L,
          "shipping-update.bpmn", Map.of(JourneyCatalog.REENTRY_PROPERTY, "allowed")));
    }
    assertThat(count("journey_run where event_id = 'ship-incomplete'")).isZero();
    assertThat(count("contact where phone = '+14155550184'")).isEqualTo(1);
  }

  @Test
  void correlatesByANestedAttribute() throws Exception {
    event("delivered-2", "order.delivered", "+14155550185", "{\"order\": {\"id\": 4711}}")
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.correlationKeys[0]").value("4711"));
  }

  @Test
  void refusesAMessageEventWithoutTheAttributeItIsCorrelatedBy() throws Exception {
    event("delivered-1", "order.delivered", "+14155550181", "{\"carrier\": \"UPS\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("attributes.order.id"));

    assertThat(count("journey_message where event_id = 'delivered-1'")).isZero();
    assertThat(count("contact where phone = '+14155550181'")).isZero();
  }

  @Test
  void keepsAContactInAJourneyOnlyOnceUnlessTheJourneyAllowsReentry() throws Exception {
    event("cart-a", "cart.abandoned", "+14155550182", "{\"cartId\": \"a\"}").andExpect(status().isAccepted())
        .andExpect(jsonPath("$.status").value("REQUESTED"));
    event("cart-b", "cart.abandoned", "+14155550182", "{\"cartId\": \"b\"}").andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("SKIPPED"))
        .andExpect(jsonPath("$.reason").value("ALREADY_IN_JOURNEY"));
    event("ship-a", "order.shipped", "+14155550182", "{\"orderId\": \"o-1\"}").andExpect(status().isAccepted());
    event("ship-b", "order.shipped", "+14155550182", "{\"orderId\": \"o-2\"}").andExpect(status().isAccepted())
        .andExpect(jsonPath("$.status").value("REQUESTED"));

    long contact = jdbc.queryForObject("select id from contact where phone = '+14155550182'", Long.class);
    long firstInstance = 2_251_799_813_700_001L;
    JourneyRuns runs = runsFacade();
    JourneyRuns.Run first = runs.findByEventId("cart-a").orElseThrow();
    runs.markStarted(first.id(), firstInstance, 9_000_001L, 1);
    runs.markEnded(firstInstance, "CONVERTED");
    event("cart-c", "cart.abandoned", "+14155550182", "{\"cartId\": \"c\"}").andExpect(status().isAccepted())
        .andExpect(jsonPath("$.status").value("REQUESTED"));

    assertThat(runs.liveRuns(contact)).extracting(JourneyRuns.Run::eventId)
        .containsExactlyInAnyOrder("cart-c", "ship-a", "ship-b");
  }

  @Test
  void startsNothingWhileAJourneyIsPausedAndAgainOnceResumed() throws Exception {
    mvc.perform(post("/api/v1/journeys/cart-recovery/pause").contentType(MediaType.APPLICATION_JSON)
            .content("{\"by\": \"ops@acme.example\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.paused.by").value("ops@acme.example"));
    assertThat(catalog.isPaused("cart-recovery")).isTrue();

    event("cart-paused", "cart.abandoned", "+14155550183", "{\"cartId\": \"p\"}").andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("SKIPPED"))
        .andExpect(jsonPath("$.reason").value("JOURNEY_PAUSED"));
    mvc.perform(get("/api/v1/journeys"))
        .andExpect(jsonPath("$[?(@.processId == 'cart-recovery')].paused.by").value("ops@acme.example"));

    mvc.perform(post("/api/v1/journeys/cart-recovery/resume")).andExpect(status().isOk())
        .andExpect(jsonPath("$.paused").doesNotExist());
    event("cart-resumed", "cart.abandoned", "+14155550183", "{\"cartId\": \"r\"}").andExpect(status().isAccepted())
        .andExpect(jsonPath("$.status").value("REQUESTED"));
    assertThat(published.stream(JourneyRunRequested.class)).containsExactly(
        new JourneyRunRequested(runsFacade().findByEventId("cart-resumed").orElseThrow().id()));
  }

  @Test
  void recordsTheEndOfARunWhoseInstanceEndedBeforeItsStartWasRecorded() throws Exception {
    event("cart-instant", "cart.abandoned", "+14155550186", "{\"cartId\": \"i\"}").andExpect(status().isAccepted());
    JourneyRuns.Run requested = journeyRuns.findByEventId("cart-instant").orElseThrow();
    long instance = 2_251_799_813_700_099L;

    assertThat(journeyRuns.markEnded(requested.id(), instance, "HOLDOUT")).isTrue();
    journeyRuns.markStarted(requested.id(), instance, 9_000_001L, 1);

    JourneyRuns.Run ended = journeyRuns.findByEventId("cart-instant").orElseThrow();
    assertThat(ended.status()).isEqualTo("ENDED");
    assertThat(ended.outcome()).isEqualTo("HOLDOUT");
    assertThat(ended.processInstanceKey()).isEqualTo(instance);
    assertThat(ended.version()).isEqualTo(1);
    assertThat(journeyRuns.liveRuns(ended.contactId())).isEmpty();
  }

  @Test
  void answersNotFoundForPausingAJourneyNeverDeployed() throws Exception {
    mvc.perform(post("/api/v1/journeys/no-such-journey/pause")).andExpect(status().isNotFound())
        .andExpect(jsonPath("$.detail").value("no journey 'no-such-journey' is deployed"));
  }

  @Test
  void refusesConfigurationThatGivesAnEventTypeTwoMeanings() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new TriggerProperties(
            Map.of("order.completed", "cart-recovery"),
            Map.of("order.completed", new TriggerProperties.MessageTrigger("conversion", List.of("contact"), null))))
        .hasMessageContaining("waymark.journeys.messages[order.completed]");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new TriggerProperties(Map.of(),
            Map.of("x", new TriggerProperties.MessageTrigger("conversion", List.of("cartId"), null))))
        .hasMessageContaining("correlate-by: 'cartId' is neither");
  }

  @Autowired JourneyRuns journeyRuns;

  private JourneyRuns runsFacade() {
    return journeyRuns;
  }

  private int count(String where) {
    return jdbc.queryForObject("select count(*) from " + where, Integer.class);
  }
}
