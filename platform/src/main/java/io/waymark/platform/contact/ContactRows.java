package io.waymark.platform.contact;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The contact table in batches, for the CSV import: the same columns as {@link Contact}, written with JDBC batches
 * because a hundred thousand single JPA saves take too long. Runs inside the caller's transaction.
 */
@Repository
class ContactRows {

  private static final String COLUMNS = "first_name, last_name, email, locale, region, time_zone, time_zone_source, "
      + "lifecycle_stage, owner, topics, attributes";
  private static final int ROWS_PER_INSERT = 250;
  private static final String UPDATE = "update contact set first_name = ?, last_name = ?, email = ?, locale = ?, "
      + "region = ?, time_zone = ?, time_zone_source = ?, lifecycle_stage = ?, owner = ?, topics = ?, attributes = ?, "
      + "updated_at = ?, version = version + 1 where id = ? and version = ?";

  /** A contact as stored. */
  record Stored(long id, String phone, long version, ContactFields fields) {
  }

  private final NamedParameterJdbcTemplate jdbc;

  ContactRows(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  Map<String, Stored> findByPhones(Collection<String> phones) {
    Map<String, Stored> found = new HashMap<>();
    if (phones.isEmpty()) {
      return found;
    }
    jdbc.query("select id, phone, version, " + COLUMNS + " from contact where phone in (:phones)",
        new MapSqlParameterSource("phones", phones), (ResultSet rs) -> {
          Stored stored = new Stored(rs.getLong("id"), rs.getString("phone"), rs.getLong("version"), fields(rs));
          found.put(stored.phone(), stored);
        });
    return found;
  }

  /** The fingerprints of import rows applied to these contacts, as {@code id:fingerprint}. */
  Set<String> fingerprints(Collection<Long> contactIds) {
    Set<String> found = new HashSet<>();
    if (!contactIds.isEmpty()) {
      jdbc.query("select contact_id, fingerprint from contact_import_fingerprint where contact_id in (:ids)",
          new MapSqlParameterSource("ids", contactIds),
          (ResultSet rs) -> {
            found.add(rs.getLong(1) + ":" + rs.getString(2));
          });
    }
    return found;
  }

  /** Inserts the new contacts and returns their ids by phone. */
  Map<String, Long> insert(Map<String, ContactFields> contacts, Instant now) {
    if (contacts.isEmpty()) {
      return Map.of();
    }
    LocalDateTime at = utc(now);
    insertRows("insert into contact (phone, " + COLUMNS + ", created_at, updated_at, version) values ",
        "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)", List.copyOf(contacts.entrySet()), (ps, i, entry) -> {
          ps.setString(i, entry.getKey());
          bind(ps, i + 1, entry.getValue());
          ps.setObject(i + 12, at);
          ps.setObject(i + 13, at);
          return i + 14;
        });
    Map<String, Long> ids = new HashMap<>();
    jdbc.query("select id, phone from contact where phone in (:phones)",
        new MapSqlParameterSource("phones", contacts.keySet()), (ResultSet rs) -> {
          ids.put(rs.getString(2), rs.getLong(1));
        });
    return ids;
  }

  /** Updates changed contacts, each only if nobody else changed it since it was read. */
  void update(List<Stored> contacts, Instant now) {
    if (contacts.isEmpty()) {
      return;
    }
    LocalDateTime at = utc(now);
    int[][] counts = jdbc.getJdbcTemplate().batchUpdate(UPDATE, contacts, 500, (ps, stored) -> {
      bind(ps, 1, stored.fields());
      ps.setObject(12, at);
      ps.setLong(13, stored.id());
      ps.setLong(14, stored.version());
    });
    for (int[] batch : counts) {
      for (int count : batch) {
        if (count == 0) {
          throw new OptimisticLockingFailureException("a contact changed while the import merged into it");
        }
      }
    }
  }

  void addFingerprints(List<Map.Entry<Long, String>> applied, Instant now) {
    LocalDateTime at = utc(now);
    insertRows("insert into contact_import_fingerprint (contact_id, fingerprint, applied_at) values ", "(?, ?, ?)",
        applied, (ps, i, entry) -> {
          ps.setLong(i, entry.getKey());
          ps.setString(i + 1, entry.getValue());
          ps.setObject(i + 2, at);
          return i + 3;
        });
  }

  /** Binds one row's values from parameter {@code first} on; returns the next free parameter index. */
  private interface RowBinder<T> {
    int bind(PreparedStatement ps, int first, T row) throws SQLException;
  }

  /**
   * Inserts {@code rows} with multi-row {@code INSERT ... VALUES (...), (...)} statements of up to
   * {@value #ROWS_PER_INSERT} rows: one round trip per statement on every server, whatever the driver's batch
   * settings.
   */
  private <T> void insertRows(String insert, String values, List<T> rows, RowBinder<T> binder) {
    for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
      List<T> part = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT));
      String sql = insert + String.join(", ", Collections.nCopies(part.size(), values));
      jdbc.getJdbcTemplate().update(sql, ps -> {
        int next = 1;
        for (T row : part) {
          next = binder.bind(ps, next, row);
        }
      });
    }
  }

  private static void bind(PreparedStatement ps, int first, ContactFields f) throws SQLException {
    ps.setString(first, f.firstName());
    ps.setString(first + 1, f.lastName());
    ps.setString(first + 2, f.email());
    ps.setString(first + 3, f.locale());
    ps.setString(first + 4, f.region());
    ps.setString(first + 5, f.timeZone());
    ps.setString(first + 6, f.timeZoneSource() == null ? null : f.timeZoneSource().name());
    ps.setString(first + 7, f.lifecycleStage());
    ps.setString(first + 8, f.owner());
    ps.setString(first + 9, TopicsConverter.write(f.topics()));
    ps.setString(first + 10, AttributesConverter.write(f.attributes()));
  }

  private static ContactFields fields(ResultSet rs) throws SQLException {
    String source = rs.getString("time_zone_source");
    return new ContactFields(rs.getString("first_name"), rs.getString("last_name"), rs.getString("email"),
        rs.getString("locale"), rs.getString("region"), rs.getString("time_zone"),
        source == null ? null : TimeZones.Source.valueOf(source), rs.getString("lifecycle_stage"),
        rs.getString("owner"), TopicsConverter.read(rs.getString("topics")),
        AttributesConverter.read(rs.getString("attributes")));
  }

  private static LocalDateTime utc(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
