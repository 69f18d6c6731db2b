package io.waymark.platform.analytics;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Experiments of journeys: the variant of each contact, recorded at entry, and each experiment's results. A journey
 * declares its experiment in its BPMN process properties {@code experiment} and {@code variants}; the engine side
 * {@linkplain #register registers} it when the journey is published and {@linkplain #assign asks} for the variant
 * of each run it starts.
 */
@Service
@EnableConfigurationProperties(AnalyticsProperties.class)
public class Experiments {

  /** The BPMN process property naming a journey's experiment (e.g. {@code win-back-offer-2026}). */
  public static final String EXPERIMENT_PROPERTY = "experiment";
  /** The BPMN process property with the experiment's variants ({@code control:45, discount:45, holdout:10}). */
  public static final String VARIANTS_PROPERTY = "variants";

  private final NamedParameterJdbcTemplate jdbc;
  private final Assignments assignments;
  private final ExperimentReports reports;

  Experiments(NamedParameterJdbcTemplate jdbc, AnalyticsProperties properties, Clock clock) {
    this.jdbc = jdbc;
    this.assignments = new Assignments(jdbc, clock);
    this.reports = new ExperimentReports(jdbc, properties);
  }

  /** The experiments with runs entering in the filter's period (of its journey, if named), each variant's results. */
  @Transactional(readOnly = true)
  public List<ExperimentReport> reports(MetricFilter filter) {
    return reports.reports(filter);
  }

  /** The variant names of the journey's experiments (all journeys' for null), for filters. */
  @Transactional(readOnly = true)
  public List<String> variants(String journey) {
    String where = journey == null || journey.isBlank() ? "" : " WHERE process_id = :journey";
    return jdbc.queryForList("SELECT variants FROM experiment" + where,
            journey == null ? Map.of() : Map.of("journey", journey.strip()), String.class).stream()
        .flatMap(spec -> VariantSpec.parse(spec).names().stream()).distinct().sorted().toList();
  }

  /**
   * Refuses, before a journey version is deployed, an experiment its process properties declare that could not be
   * registered (a malformed spec, an experiment id of another journey), naming the property.
   */
  @Transactional(readOnly = true)
  public void check(String processId, Map<String, String> processProperties) {
    String experiment = processProperties.get(EXPERIMENT_PROPERTY);
    if (experiment != null && !experiment.isBlank()) {
      assignments.check(processId, experiment, processProperties.get(VARIANTS_PROPERTY));
    }
  }

  /**
   * A journey version was published with these process properties: its {@code experiment} (with {@code variants})
   * becomes the journey's active experiment, or the journey runs none when the property is absent. A malformed
   * spec, or an experiment id another journey owns, is refused naming the property.
   */
  @Transactional
  public void register(String processId, Map<String, String> processProperties) {
    assignments.register(processId, processProperties.get(EXPERIMENT_PROPERTY),
        processProperties.get(VARIANTS_PROPERTY));
  }

  /**
   * The variant of a contact entering the journey with run {@code runId}, when the journey runs an experiment: the
   * contact's recorded assignment, or a new one by the stable hash. The run is recorded as an entry of the
   * experiment either way. Runs outside any transaction, so concurrent entries settle on one assignment.
   */
  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  public Optional<Assignment> assign(String processId, long contactId, long runId) {
    return assignments.assign(processId, contactId, runId);
  }

  /** A contact's place in an experiment: the process variables {@code experiment} and {@code variant}. */
  public record Assignment(String experiment, String variant) {

    public boolean holdout() {
      return VariantSpec.HOLDOUT.equals(variant);
    }
  }
}
