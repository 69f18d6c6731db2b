package io.waymark.platform.analytics;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/** Rows in the real ledgers' tables (the H2 or MySQL schema Flyway made), for the analytics tests to read. */
final class LedgerSeed {

  private static final AtomicLong KEYS = new AtomicLong(System.nanoTime() % 1_000_000_000L * 1000);

  private final JdbcTemplate jdbc;

  LedgerSeed(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  static long newKey() {
    return KEYS.incrementAndGet();
  }

  static LocalDateTime utc(Instant at) {
    return at == null ? null : LocalDateTime.ofInstant(at, ZoneOffset.UTC);
  }

  /** A journey run (status ENDED) started as process instance {@code instanceKey}; its id. */
  long run(String processId, long contactId, Long instanceKey, Instant at, String outcome) {
    return insert("INSERT INTO journey_run (event_id, event_type, process_id, contact_id, status, variables,"
        + " process_instance_key, outcome, requested_at, started_at) VALUES (?, 'test', ?, ?, 'ENDED', '{}', ?, ?, ?, ?)",
        UUID.randomUUID().toString(), processId, contactId, instanceKey, outcome, utc(at), utc(at));
  }

  void subInstance(long instanceKey, long runId, String processId, Instant at) {
    jdbc.update("INSERT INTO journey_sub_instance (process_instance_key, journey_run_id, process_id, linked_at)"
        + " VALUES (?, ?, ?, ?)", instanceKey, runId, processId, utc(at));
  }

  void entry(long runId, String experiment, long contactId, String variant, String processId, Instant at) {
    jdbc.update("INSERT INTO experiment_entry (journey_run_id, experiment_id, contact_id, variant, process_id,"
        + " entered_at) VALUES (?, ?, ?, ?, ?, ?)", runId, experiment, contactId, variant, processId, utc(at));
  }

  /** An outbound message; {@code sentAt} null for one a provider refused for good. Returns its idempotency key. */
  Message message(long contactId, Long instanceKey, String template, String status, String provider,
      Instant sentAt, Instant createdAt, Integer segments, String body, String errorCode, String failureReason) {
    String key = "test:" + UUID.randomUUID();
    long id = insert("INSERT INTO outbound_message (idempotency_key, contact_id, phone, body, topic, message_class,"
        + " status, provider, process_instance_key, created_at, sent_at, template_key, segments, error_code,"
        + " failure_reason) VALUES (?, ?, '+14155550100', ?, 'promotions', 'promotional', ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        key, contactId, body, status, provider, instanceKey, utc(createdAt), utc(sentAt), template, segments,
        errorCode, failureReason);
    return new Message(id, key);
  }

  void inbound(long contactId, Instant at) {
    jdbc.update("INSERT INTO inbound_message (provider, provider_message_id, from_phone, body, contact_id,"
        + " received_at) VALUES ('sandbox', ?, '+14155550100', 'yes please', ?, ?)", UUID.randomUUID().toString()
        .substring(0, 30), contactId, utc(at));
  }

  void optOut(long contactId, Instant at) {
    jdbc.update("INSERT INTO consent_record (contact_id, phone, kind, topic, channel, occurred_at, recorded_at)"
        + " VALUES (?, '+14155550100', 'OPT_OUT', 'promotions', 'sms', ?, ?)", contactId, utc(at), utc(at));
  }

  void click(long contactId, String messageKey, String kind, Instant at) {
    jdbc.update("INSERT INTO link_click (link_id, code, contact_id, message_key, kind, clicked_at)"
        + " VALUES (1, 'abc', ?, ?, ?, ?)", contactId, messageKey, kind, utc(at));
  }

  /** A conversion row as Conversions writes it, unattributed; for bulk seeding of experiments. */
  void conversion(long contactId, String type, BigDecimal amount, Instant at) {
    jdbc.update("INSERT INTO conversion (event_id, event_type, contact_id, amount, currency, occurred_at, recorded_at,"
        + " attribution_rule) VALUES (?, ?, ?, ?, 'USD', ?, ?, 'none')", UUID.randomUUID().toString(), type,
        contactId, amount, utc(at), utc(at));
  }

  void assignment(String experiment, long contactId, String variant, String processId, long runId, Instant at) {
    jdbc.update("INSERT INTO experiment_assignment (experiment_id, contact_id, variant, process_id, journey_run_id,"
        + " assigned_at) VALUES (?, ?, ?, ?, ?, ?)", experiment, contactId, variant, processId, runId, utc(at));
  }

  /** A hot-lead task created at {@code at}, accepted {@code acceptMillis} later (null: still open). */
  void leadTask(long contactId, Long runId, Instant at, Long acceptMillis) {
    jdbc.update("INSERT INTO crm_lead_task (source_key, contact_id, journey_run_id, signal_type, tags, priority,"
        + " owner_id, routed_by, status, sla, due_at, created_at, accepted_at, time_to_accept_ms, crm_sync)"
        + " VALUES (?, ?, ?, 'REPLY', '', 'HIGH', 'rep-1', 'test', ?, 'PT15M', ?, ?, ?, ?, 'NONE')",
        "test:" + UUID.randomUUID(), contactId, runId, acceptMillis == null ? "OPEN" : "ACCEPTED", utc(at), utc(at),
        acceptMillis == null ? null : utc(at.plusMillis(acceptMillis)), acceptMillis);
  }

  private long insert(String sql, Object... args) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      PreparedStatement statement = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS);
      for (int i = 0; i < args.length; i++) {
        statement.setObject(i + 1, args[i]);
      }
      return statement;
    }, keys);
    return keys.getKeys().size() == 1 ? keys.getKey().longValue()
        : ((Number) keys.getKeys().get("id")).longValue();
  }

  record Message(long id, String key) {
  }
}
