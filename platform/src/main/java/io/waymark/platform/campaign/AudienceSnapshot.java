package io.waymark.platform.campaign;

import io.waymark.platform.contact.ContactId;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A run's audience snapshot ({@code campaign_audience}): members written page by page in batches as the segment is
 * resolved, then what became of each. Plain JDBC: a snapshot may hold a million rows, which go in as batched inserts
 * and come back one send batch at a time, never as entities.
 */
@Component
class AudienceSnapshot {

  /** What became of a member. */
  enum MemberStatus { PENDING, SENT, SUPPRESSED, FAILED, DEFERRED }

  private final JdbcTemplate jdbc;

  AudienceSnapshot(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** How far a resolution got: members written and the highest contact id among them (null when none). */
  record Progress(long written, ContactId last) {
  }

  /** A member of a batch and where it stands. */
  record Member(ContactId contactId, MemberStatus status) {

    boolean settled() {
      return status == MemberStatus.SENT || status == MemberStatus.SUPPRESSED || status == MemberStatus.FAILED;
    }
  }

  Progress progress(long runId) {
    return jdbc.queryForObject("select count(*), max(contact_id) from campaign_audience where run_id = ?",
        (rs, n) -> {
          long last = rs.getLong(2);
          return new Progress(rs.getLong(1), rs.wasNull() ? null : new ContactId(last));
        }, runId);
  }

  /**
   * Appends a page of members (ascending contact ids, all above those written so far) after {@code position}
   * members: the member at position p goes to batch {@code p / batchSize + 1}.
   */
  void append(long runId, List<ContactId> members, long position, int batchSize) {
    jdbc.batchUpdate("insert into campaign_audience (run_id, contact_id, batch_number, status) values (?, ?, ?, ?)",
        new BatchPreparedStatementSetter() {
          @Override
          public void setValues(PreparedStatement ps, int i) throws SQLException {
            ps.setLong(1, runId);
            ps.setLong(2, members.get(i).value());
            ps.setInt(3, (int) ((position + i) / batchSize) + 1);
            ps.setString(4, MemberStatus.PENDING.name());
          }

          @Override
          public int getBatchSize() {
            return members.size();
          }
        });
  }

  /** The members of one batch, ascending. */
  List<Member> batch(long runId, int batchNumber) {
    return jdbc.query("select contact_id, status from campaign_audience where run_id = ? and batch_number = ? "
            + "order by contact_id", (rs, n) -> new Member(new ContactId(rs.getLong(1)),
            MemberStatus.valueOf(rs.getString(2))), runId, batchNumber);
  }

  /** What came of sending to one member (autocommit: progress survives a later failure of the batch). */
  void record(long runId, ContactId contact, MemberStatus status, Long messageId, String reason,
      Instant deferredUntil, Instant now) {
    jdbc.update("update campaign_audience set status = ?, message_id = ?, reason = ?, deferred_until = ?, "
            + "updated_at = ? where run_id = ? and contact_id = ?", status.name(), messageId,
        reason == null ? null : reason.length() > 255 ? reason.substring(0, 255) : reason,
        deferredUntil == null ? null : utc(deferredUntil), utc(now), runId, contact.value());
  }

  Counts counts(long runId) {
    return counts(jdbc.queryForList("select status, count(*) as members from campaign_audience where run_id = ? "
        + "group by status", runId));
  }

  Counts counts(long runId, int batchNumber) {
    return counts(jdbc.queryForList("select status, count(*) as members from campaign_audience where run_id = ? "
        + "and batch_number = ? group by status", runId, batchNumber));
  }

  private static Counts counts(List<Map<String, Object>> rows) {
    Map<MemberStatus, Long> by = new EnumMap<>(MemberStatus.class);
    for (Map<String, Object> row : rows) {
      by.put(MemberStatus.valueOf((String) row.get("status")), ((Number) row.get("members")).longValue());
    }
    long total = by.values().stream().mapToLong(Long::longValue).sum();
    return new Counts(total, by.getOrDefault(MemberStatus.PENDING, 0L), by.getOrDefault(MemberStatus.SENT, 0L),
        by.getOrDefault(MemberStatus.SUPPRESSED, 0L), by.getOrDefault(MemberStatus.FAILED, 0L),
        by.getOrDefault(MemberStatus.DEFERRED, 0L));
  }

  private static LocalDateTime utc(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
