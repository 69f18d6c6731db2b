package io.waymark.platform.analytics;

import io.waymark.platform.support.InvalidInputException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Experiment definitions and the variant of each contact. A contact's variant is a stable hash (SHA-256 of
 * {@code <experiment id>:<contact id>}, bucket 0..9999) mapped through the cumulative weights; it is recorded at the
 * contact's first entry and wins on every re-entry, even after the weights change. Each statement commits on its
 * own (no surrounding transaction), so that when two entries of one contact race, the loser's insert meets the unique
 * key and its re-read sees the winner's row, under MySQL's REPEATABLE READ too.
 */
final class Assignments {

  private final NamedParameterJdbcTemplate jdbc;
  private final Clock clock;

  Assignments(NamedParameterJdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The bucket (0..9999) of a contact in an experiment. */
  static int bucket(String experimentId, long contactId) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest((experimentId + ":" + contactId).getBytes(StandardCharsets.UTF_8));
      return Math.floorMod(ByteBuffer.wrap(digest).getLong(), VariantSpec.BUCKETS);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /**
   * The journey's newest version declares {@code experimentId} with {@code spec} (both null: no experiment): it
   * becomes the journey's active experiment, any other of the journey inactive. An experiment id belongs to one
   * journey.
   */
  /**
   * Refuses an experiment the journey cannot run: a malformed id or variants spec, or an id another journey's
   * experiment has (its results would mix). Nothing is written.
   */
  VariantSpec check(String processId, String experimentId, String spec) {
    String id = experimentId.strip();
    if (!VariantSpec.NAME.matcher(id).matches() || id.length() > 64) {
      throw new InvalidInputException("experiment", "'" + id + "' is no experiment id: lowercase kebab-case, at "
          + "most 64 characters, e.g. win-back-offer-2026");
    }
    VariantSpec variants = VariantSpec.parse(spec);
    List<String> owners = jdbc.queryForList("SELECT process_id FROM experiment WHERE id = :id", Map.of("id", id),
        String.class);
    if (!owners.isEmpty() && !owners.getFirst().equals(processId)) {
      throw new InvalidInputException("experiment", "'" + id + "' belongs to the journey " + owners.getFirst()
          + ": name a new experiment");
    }
    return variants;
  }

  void register(String processId, String experimentId, String spec) {
    if (experimentId == null || experimentId.isBlank()) {
      jdbc.update("UPDATE experiment SET active = FALSE WHERE process_id = :process",
          Map.of("process", processId));
      return;
    }
    String id = experimentId.strip();
    VariantSpec variants = check(processId, id, spec);
    List<String> owners = jdbc.queryForList("SELECT process_id FROM experiment WHERE id = :id", Map.of("id", id),
        String.class);
    Map<String, Object> params = Map.of("id", id, "process", processId, "variants", variants.toString(),
        "now", MessageSql.utc(clock.instant()));
    jdbc.update("UPDATE experiment SET active = FALSE WHERE process_id = :process AND id <> :id", params);
    if (owners.isEmpty()) {
      try {
        jdbc.update("INSERT INTO experiment (id, process_id, variants, active, created_at, updated_at)"
            + " VALUES (:id, :process, :variants, TRUE, :now, :now)", params);
        return;
      } catch (DuplicateKeyException registeredConcurrently) {
        // the same deployment recorded by another instance: update below
      }
    }
    jdbc.update("UPDATE experiment SET variants = :variants, active = TRUE, updated_at = :now WHERE id = :id",
        params);
  }

  /** The active experiment of a journey: its id and variants. */
  Optional<Map.Entry<String, VariantSpec>> active(String processId) {
    return jdbc.query("SELECT id, variants FROM experiment WHERE process_id = :process AND active = TRUE",
        Map.of("process", processId), (rs, i) -> Map.entry(rs.getString("id"), VariantSpec.parse(
            rs.getString("variants")))).stream().findFirst();
  }

  /** See {@link Experiments#assign}. */
  Optional<Experiments.Assignment> assign(String processId, long contactId, long runId) {
    Optional<Map.Entry<String, VariantSpec>> experiment = active(processId);
    if (experiment.isEmpty()) {
      return Optional.empty();
    }
    String id = experiment.get().getKey();
    String variant = recorded(id, contactId).orElseGet(() -> {
      String picked = experiment.get().getValue().pick(bucket(id, contactId));
      try {
        jdbc.update("INSERT INTO experiment_assignment (experiment_id, contact_id, variant, process_id,"
            + " journey_run_id, assigned_at) VALUES (:id, :contact, :variant, :process, :run, :now)",
            Map.of("id", id, "contact", contactId, "variant", picked, "process", processId, "run", runId,
                "now", MessageSql.utc(clock.instant())));
        return picked;
      } catch (DuplicateKeyException assignedConcurrently) {
        return recorded(id, contactId).orElseThrow(() -> assignedConcurrently);
      }
    });
    try {
      jdbc.update("INSERT INTO experiment_entry (journey_run_id, experiment_id, contact_id, variant, process_id,"
          + " entered_at) VALUES (:run, :id, :contact, :variant, :process, :now)",
          Map.of("id", id, "contact", contactId, "variant", variant, "process", processId, "run", runId,
              "now", MessageSql.utc(clock.instant())));
    } catch (DuplicateKeyException enteredBefore) {
      // the starter ran again for the same run (at-least-once): its entry stands
    }
    return Optional.of(new Experiments.Assignment(id, variant));
  }

  private Optional<String> recorded(String experimentId, long contactId) {
    return jdbc.queryForList("SELECT variant FROM experiment_assignment WHERE experiment_id = :id"
        + " AND contact_id = :contact", Map.of("id", experimentId, "contact", contactId), String.class)
        .stream().findFirst();
  }
}
