package io.waymark.platform.analytics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.waymark.platform.journey.JourneyMessages;
import io.waymark.platform.journey.MessageEventReceived;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Records the conversions among the events for running journeys ({@code waymark.analytics.conversions}), once per
 * event id, attributed by last touch: the contact's latest SMS sent to a provider (and not reported undelivered or
 * failed) within {@code waymark.analytics.attribution.window} before the conversion, with that SMS's journey run,
 * template and the run's experiment variant, under the rule {@code last-touch:<window>}; without one, rule
 * {@code none}. The value is {@code attributes.value}, else {@code attributes.order.total}; the currency
 * {@code attributes.currency}, else {@code waymark.analytics.currency}.
 */
@Component
class Conversions {

  static final String NO_ATTRIBUTION = "none";
  private static final Logger LOG = LoggerFactory.getLogger(Conversions.class);

  private final NamedParameterJdbcTemplate jdbc;
  private final JourneyMessages messages;
  private final AnalyticsProperties properties;
  private final ObjectMapper json;
  private final Clock clock;

  Conversions(NamedParameterJdbcTemplate jdbc, JourneyMessages messages, AnalyticsProperties properties,
      ObjectMapper json, Clock clock) {
    this.jdbc = jdbc;
    this.messages = messages;
    this.properties = properties;
    this.json = json;
    this.clock = clock;
  }

  @ApplicationModuleListener
  void on(MessageEventReceived event) {
    if (!properties.conversions().contains(event.type())) {
      return;
    }
    JsonNode attributes = messages.find(event.messageId()).map(this::attributes).orElse(null);
    record(new Conversion(event.eventId(), event.type(), event.contactId().value(), value(attributes),
        currency(attributes), event.occurredAt()));
  }

  /** Records a conversion with its attribution; false when its event id was recorded before (nothing changes). */
  boolean record(Conversion conversion) {
    if (exists(conversion.eventId())) {
      return false;
    }
    Map<String, Object> row = new HashMap<>();
    row.put("event", conversion.eventId());
    row.put("type", conversion.type());
    row.put("contact", conversion.contactId());
    row.put("amount", conversion.amount());
    row.put("currency", conversion.currency());
    row.put("occurred", MessageSql.utc(conversion.occurredAt()));
    row.put("recorded", MessageSql.utc(clock.instant()));
    row.putAll(Map.of("rule", NO_ATTRIBUTION));
    for (String column : List.of("message", "process", "run", "instance", "template", "variant")) {
      row.put(column, null);
    }
    lastTouch(conversion).ifPresent(touch -> {
      row.putAll(touch);
      row.put("rule", properties.attribution().rule());
    });
    try {
      jdbc.update("INSERT INTO conversion (event_id, event_type, contact_id, amount, currency, occurred_at,"
          + " recorded_at, attribution_rule, outbound_message_id, process_id, journey_run_id, process_instance_key,"
          + " template_key, variant) VALUES (:event, :type, :contact, :amount, :currency, :occurred, :recorded,"
          + " :rule, :message, :process, :run, :instance, :template, :variant)", row);
      return true;
    } catch (DuplicateKeyException recordedConcurrently) {
      return false;
    }
  }

  private boolean exists(String eventId) {
    return !jdbc.queryForList("SELECT id FROM conversion WHERE event_id = :event", Map.of("event", eventId),
        Long.class).isEmpty();
  }

  /** The contact's latest SMS within the window before the conversion, with its run, template and variant. */
  private Optional<Map<String, Object>> lastTouch(Conversion conversion) {
    Instant from = conversion.occurredAt().minus(properties.attribution().window());
    return jdbc.query("SELECT m.id, m.template_key, m.process_instance_key,"
        + " COALESCE(r.process_id, rs.process_id) AS process_id, COALESCE(r.id, rs.id) AS run_id, e.variant"
        + " FROM outbound_message m"
        + " LEFT JOIN journey_run r ON r.process_instance_key = m.process_instance_key"
        + " LEFT JOIN journey_sub_instance s ON s.process_instance_key = m.process_instance_key"
        + " LEFT JOIN journey_run rs ON rs.id = s.journey_run_id"
        + " LEFT JOIN experiment_entry e ON e.journey_run_id = COALESCE(r.id, rs.id)"
        + " WHERE m.contact_id = :contact AND m.status IN ('SENT', 'DELIVERED', 'UNKNOWN')"
        + " AND m.sent_at >= :from AND m.sent_at <= :until ORDER BY m.sent_at DESC, m.id DESC LIMIT 1",
        Map.of("contact", conversion.contactId(), "from", MessageSql.utc(from),
            "until", MessageSql.utc(conversion.occurredAt())), (rs, i) -> {
          Map<String, Object> touch = new HashMap<>();
          touch.put("message", rs.getLong("id"));
          touch.put("template", rs.getString("template_key"));
          touch.put("instance", rs.getObject("process_instance_key", Long.class));
          touch.put("process", rs.getString("process_id"));
          touch.put("run", rs.getObject("run_id", Long.class));
          touch.put("variant", rs.getString("variant"));
          return touch;
        }).stream().findFirst();
  }

  private JsonNode attributes(JourneyMessages.Message message) {
    try {
      return json.readTree(message.variables()).path("lastSignal").path("attributes");
    } catch (JsonProcessingException e) {
      LOG.warn("Journey message {} has unreadable variables; its conversion is recorded without a value",
          message.id());
      return null;
    }
  }

  private static BigDecimal value(JsonNode attributes) {
    if (attributes == null) {
      return null;
    }
    JsonNode value = attributes.path("value");
    if (value.isMissingNode() || value.isNull()) {
      value = attributes.path("order").path("total");
    }
    if (value.isNumber()) {
      return value.decimalValue();
    }
    if (value.isTextual()) {
      try {
        return new BigDecimal(value.asText().strip());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  private String currency(JsonNode attributes) {
    String currency = attributes == null ? null : attributes.path("currency").asText(null);
    return currency == null || !currency.strip().matches("[A-Za-z]{3}") ? properties.currency()
        : currency.strip().toUpperCase(java.util.Locale.ROOT);
  }

  /** A conversion event: its value ({@code amount}, may be null) in {@code currency}. */
  record Conversion(String eventId, String type, long contactId, BigDecimal amount, String currency,
      Instant occurredAt) {
  }
}
