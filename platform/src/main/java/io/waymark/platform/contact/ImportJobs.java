package io.waymark.platform.contact;

import io.waymark.platform.contact.ImportReport.Counts;
import io.waymark.platform.contact.ImportReport.Row;
import io.waymark.platform.contact.ImportStatus.Status;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The state of background imports ({@code contact_import}) and their issues ({@code contact_import_issue}). Every
 * change to a job is conditional on it still RUNNING, so a job marked FAILED (stale or shut down) stays FAILED.
 */
@Repository
class ImportJobs {

  private final NamedParameterJdbcTemplate jdbc;

  ImportJobs(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional
  ImportId create(String fileName, int totalRows, Instant now) {
    ImportId id = new ImportId(UUID.randomUUID().toString());
    jdbc.update("insert into contact_import (id, status, file_name, total_rows, processed_rows, imported_rows, "
        + "updated_rows, unchanged_rows, rejected_rows, consent_rejected_rows, warned_rows, started_at, heartbeat_at) "
        + "values (:id, 'RUNNING', :name, :total, 0, 0, 0, 0, 0, 0, 0, :now, :now)", new MapSqlParameterSource()
        .addValue("id", id.value()).addValue("name", fileName).addValue("total", totalRows).addValue("now", utc(now)));
    return id;
  }

  /** Adds a chunk's rows to the job; false if the job is no longer RUNNING (then nothing is added). */
  @Transactional
  boolean progress(ImportId id, List<Row> rows, Instant now) {
    Counts c = Counts.NONE;
    for (Row row : rows) {
      c = c.plus(row);
    }
    int updated = jdbc.update("update contact_import set processed_rows = processed_rows + :n, "
        + "imported_rows = imported_rows + :imported, updated_rows = updated_rows + :updated, "
        + "unchanged_rows = unchanged_rows + :unchanged, rejected_rows = rejected_rows + :rejected, "
        + "consent_rejected_rows = consent_rejected_rows + :consentRejected, warned_rows = warned_rows + :warned, "
        + "heartbeat_at = :now where id = :id and status = 'RUNNING'", new MapSqlParameterSource()
        .addValue("n", rows.size()).addValue("imported", c.imported()).addValue("updated", c.updated())
        .addValue("unchanged", c.unchanged()).addValue("rejected", c.rejected())
        .addValue("consentRejected", c.consentRejected()).addValue("warned", c.withWarnings())
        .addValue("now", utc(now)).addValue("id", id.value()));
    if (updated == 0) {
      return false;
    }
    List<Row> issues = rows.stream().filter(Row::hasIssue).toList();
    jdbc.getJdbcTemplate().batchUpdate("insert into contact_import_issue (import_id, line_number, external_id, "
        + "outcome, phone, time_zone, problem_field, problem, warnings) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", issues,
        500, (ps, row) -> {
          ps.setString(1, id.value());
          ps.setLong(2, row.line());
          ps.setString(3, cut(row.externalId(), 191));
          ps.setString(4, row.outcome().name());
          ps.setString(5, row.phone());
          ps.setString(6, row.timeZone());
          ps.setString(7, cut(row.field(), 100));
          ps.setString(8, cut(row.problem(), 1000));
          ps.setString(9, row.warnings().isEmpty() ? null : cut(String.join("\n", row.warnings()), 2000));
        });
    return true;
  }

  @Transactional
  void finish(ImportId id, Instant now) {
    jdbc.update("update contact_import set status = 'DONE', finished_at = :now, heartbeat_at = :now "
        + "where id = :id and status = 'RUNNING'", Map.of("id", id.value(), "now", utc(now)));
  }

  @Transactional
  void fail(ImportId id, String failure, Instant now) {
    jdbc.update("update contact_import set status = 'FAILED', failure = :failure, finished_at = :now "
        + "where id = :id and status = 'RUNNING'",
        Map.of("id", id.value(), "failure", cut(failure, 1000), "now", utc(now)));
  }

  /** Marks FAILED every RUNNING import without progress since {@code staleBefore}; returns how many. */
  @Transactional
  int failStale(Instant staleBefore, Instant now) {
    List<Map.Entry<String, Instant>> stale = jdbc.query("select id, heartbeat_at from contact_import "
        + "where status = 'RUNNING' and heartbeat_at < :before", Map.of("before", utc(staleBefore)),
        (rs, n) -> Map.entry(rs.getString("id"), instant(rs, "heartbeat_at")));
    for (Map.Entry<String, Instant> job : stale) {
      fail(new ImportId(job.getKey()), "interrupted: no progress since " + job.getValue() + " (the application "
          + "may have restarted); import the file again: rows already imported are reported UNCHANGED", now);
    }
    return stale.size();
  }

  @Transactional(readOnly = true)
  Optional<ImportStatus> find(ImportId id, int page, int size) {
    List<ImportStatus> found = jdbc.query("select * from contact_import where id = :id", Map.of("id", id.value()),
        (rs, n) -> status(rs));
    if (found.isEmpty()) {
      return Optional.empty();
    }
    ImportStatus job = found.getFirst();
    long total = jdbc.queryForObject("select count(*) from contact_import_issue where import_id = :id",
        Map.of("id", id.value()), Long.class);
    List<Row> rows = jdbc.query("select * from contact_import_issue where import_id = :id order by line_number "
        + "limit :size offset :offset", new MapSqlParameterSource().addValue("id", id.value())
        .addValue("size", size).addValue("offset", (long) page * size), (rs, n) -> issue(rs));
    return Optional.of(new ImportStatus(job.id(), job.status(), job.fileName(), job.totalRows(), job.processedRows(),
        job.counts(), job.startedAt(), job.finishedAt(), job.failure(), new ImportStatus.Issues(page, size, total,
        rows)));
  }

  private static ImportStatus status(ResultSet rs) throws SQLException {
    Counts counts = new Counts(rs.getInt("imported_rows"), rs.getInt("updated_rows"), rs.getInt("unchanged_rows"),
        rs.getInt("rejected_rows"), rs.getInt("consent_rejected_rows"), rs.getInt("warned_rows"));
    return new ImportStatus(new ImportId(rs.getString("id")), Status.valueOf(rs.getString("status")),
        rs.getString("file_name"), rs.getInt("total_rows"), rs.getInt("processed_rows"), counts,
        instant(rs, "started_at"), instant(rs, "finished_at"), rs.getString("failure"), null);
  }

  private static Row issue(ResultSet rs) throws SQLException {
    String warnings = rs.getString("warnings");
    return new Row(rs.getLong("line_number"), rs.getString("external_id"),
        ImportReport.Outcome.valueOf(rs.getString("outcome")), rs.getString("phone"), rs.getString("time_zone"),
        rs.getString("problem_field"), rs.getString("problem"),
        warnings == null ? List.of() : Arrays.asList(warnings.split("\n")));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    LocalDateTime value = rs.getObject(column, LocalDateTime.class);
    return value == null ? null : value.toInstant(ZoneOffset.UTC);
  }

  private static LocalDateTime utc(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static String cut(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
