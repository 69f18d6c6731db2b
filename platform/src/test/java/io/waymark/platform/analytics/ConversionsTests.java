package io.waymark.platform.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** Conversions attributed by last touch within the window, once per event id. */
@SpringBootTest(properties = "waymark.test.database=analytics")
@org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc
class ConversionsTests {

  @Autowired Conversions conversions;
  @Autowired JdbcTemplate jdbc;

  @Test
  void attributesToTheLatestSmsWithinTheWindowAndIsIdempotentPerEvent() {
    LedgerSeed seed = new LedgerSeed(jdbc);
    long contact = LedgerSeed.newKey();
    long instance = LedgerSeed.newKey();
    Instant now = Instant.parse("2029-05-01T12:00:00Z");
    long run = seed.run("win-back", contact, instance, now.minus(Duration.ofDays(9)), null);
    seed.entry(run, "win-back-offer", contact, "discount", "win-back", now.minus(Duration.ofDays(9)));
    seed.message(contact, instance, "win-back.first", "DELIVERED", "sandbox", now.minus(Duration.ofDays(8)),
        now.minus(Duration.ofDays(8)), 1, "Hi", null, null);
    LedgerSeed.Message latest = seed.message(contact, instance, "win-back.discount", "DELIVERED", "sandbox",
        now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(2)), 1, "Hi", null, null);
    seed.message(contact, instance, "win-back.second", "UNDELIVERED", "sandbox", now.minus(Duration.ofDays(1)),
        now.minus(Duration.ofDays(1)), 1, "Hi", "30003", null);
    seed.message(contact, null, "later", "DELIVERED", "sandbox", now.plus(Duration.ofHours(1)),
        now.plus(Duration.ofHours(1)), 1, "Hi", null, null);
    String eventId = "order-" + contact;

    boolean recorded = conversions.record(new Conversions.Conversion(eventId, "order.completed", contact,
        new BigDecimal("25.90"), "EUR", now));
    boolean again = conversions.record(new Conversions.Conversion(eventId, "order.completed", contact,
        new BigDecimal("99"), "USD", now));

    assertThat(recorded).isTrue();
    assertThat(again).isFalse();
    Map<String, Object> row = jdbc.queryForMap("SELECT * FROM conversion WHERE event_id = ?", eventId);
    assertThat(row).containsEntry("attribution_rule", "last-touch:P7D").containsEntry("outbound_message_id",
        latest.id()).containsEntry("process_id", "win-back").containsEntry("journey_run_id", run)
        .containsEntry("process_instance_key", instance).containsEntry("template_key", "win-back.discount")
        .containsEntry("variant", "discount").containsEntry("currency", "EUR");
    assertThat((BigDecimal) row.get("amount")).isEqualByComparingTo("25.90");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM conversion WHERE event_id = ?", Long.class, eventId))
        .isOne();
  }

  @Test
  void leavesAConversionWithoutAnSmsInTheWindowUnattributed() {
    LedgerSeed seed = new LedgerSeed(jdbc);
    long contact = LedgerSeed.newKey();
    Instant now = Instant.parse("2029-06-01T12:00:00Z");
    seed.message(contact, null, "promo", "DELIVERED", "sandbox", now.minus(Duration.ofDays(7)).minusSeconds(1),
        now.minus(Duration.ofDays(7)).minusSeconds(1), 1, "Hi", null, null);

    conversions.record(new Conversions.Conversion("meeting-" + contact, "meeting.booked", contact, null, "USD", now));

    Map<String, Object> row = jdbc.queryForMap("SELECT * FROM conversion WHERE event_id = ?", "meeting-" + contact);
    assertThat(row).containsEntry("attribution_rule", "none").containsEntry("outbound_message_id", null)
        .containsEntry("variant", null).containsEntry("amount", null);
  }
}
