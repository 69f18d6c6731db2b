package io.waymark.platform.journey;

import io.waymark.platform.governance.AuditLog;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Journeys and their deployed versions, with the number of runs still live, and the settings that hold across
 * versions: paused (triggers start nothing, running instances hold before their next send) and re-entry (the
 * {@code reentry} property of the newest version: {@code allowed} lets a contact be in the journey more than once at
 * a time).
 */
@Service
public class JourneyCatalog {

  /** The BPMN process property that lets a contact be in a journey more than once at a time. */
  public static final String REENTRY_PROPERTY = "reentry";
  /** The BPMN process property naming the event attributes a journey needs ({@code appointment.time, cartId}). */
  public static final String REQUIRED_ATTRIBUTES_PROPERTY = "requiredAttributes";

  private final JourneyDefinitionRepository definitions;
  private final JourneySettingRepository settings;
  private final JourneyRuns runs;
  private final AuditLog audit;
  private final Clock clock;

  JourneyCatalog(JourneyDefinitionRepository definitions, JourneySettingRepository settings, JourneyRuns runs,
      AuditLog audit, Clock clock) {
    this.definitions = definitions;
    this.settings = settings;
    this.runs = runs;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Records a version the engine reported; a version already recorded is left as it is. The newest version's
   * {@code reentry} property becomes the journey's re-entry setting.
   */
  @Transactional
  public void recordDeployment(Deployed deployed) {
    boolean newest = definitions.findAllByOrderByProcessIdAscVersionDesc().stream()
        .filter(d -> d.processId().equals(deployed.processId()))
        .allMatch(d -> d.version() <= deployed.version());
    if (newest) {
      JourneySetting setting = setting(deployed.processId());
      setting.allowReentry("allowed".equalsIgnoreCase(deployed.properties().get(REENTRY_PROPERTY)));
      setting.requireAttributes(parseRequiredAttributes(deployed.properties().get(REQUIRED_ATTRIBUTES_PROPERTY)));
    }
    if (definitions.existsByDefinitionKey(deployed.definitionKey())) {
      return;
    }
    try {
      definitions.saveAndFlush(new JourneyDefinition(deployed, clock.instant()));
    } catch (DataIntegrityViolationException recordedConcurrently) {
      // another instance of Waymark recorded the same deployment: nothing to do
    }
  }

  /**
   * Keeps the BPMN of a recorded version, to draw it; a version that already has its BPMN keeps it. False when no
   * version with this definition key is recorded.
   */
  @Transactional
  public boolean keepDiagram(long definitionKey, String bpmnXml) {
    java.util.Optional<JourneyDefinition> definition = definitions.findByDefinitionKey(definitionKey);
    definition.ifPresent(d -> d.keepBpmn(bpmnXml));
    return definition.isPresent();
  }

  /** The BPMN of a deployed version; empty when the version is unknown or was recorded before BPMN was kept. */
  @Transactional(readOnly = true)
  public java.util.Optional<String> diagram(String processId, int version) {
    return definitions.findFirstByProcessIdAndVersion(processId, version).map(JourneyDefinition::bpmnXml);
  }

  /** Pauses a journey: triggers start nothing, running instances hold before their next send. Idempotent. */
  @Transactional
  public void pause(String processId, String by) {
    requireKnown(processId);
    JourneySetting setting = setting(processId);
    boolean before = setting.paused();
    String who = by == null || by.isBlank() ? "unknown" : by;
    setting.pause(who, clock.instant());
    audit.record(AuditLog.Entry.of("journey.paused", "journey", processId).before(Map.of("paused", before))
        .after(Map.of("paused", true, "by", who)));
  }

  /** Resumes a paused journey: held instances send on their next attempt; new events start runs again. */
  @Transactional
  public void resume(String processId) {
    requireKnown(processId);
    JourneySetting setting = setting(processId);
    boolean before = setting.paused();
    setting.resume();
    audit.record(AuditLog.Entry.of("journey.resumed", "journey", processId).before(Map.of("paused", before))
        .after(Map.of("paused", false)));
  }

  @Transactional(readOnly = true)
  public boolean isPaused(String processId) {
    return settings.findById(processId).map(JourneySetting::paused).orElse(false);
  }

  /** The event attributes (dotted paths) the newest version of the journey needs; empty when it names none. */
  @Transactional(readOnly = true)
  public List<String> requiredAttributes(String processId) {
    return settings.findById(processId).map(JourneySetting::requiredAttributes).orElse(List.of());
  }

  private static List<String> parseRequiredAttributes(String property) {
    if (property == null || property.isBlank() || property.strip().equalsIgnoreCase("none")) {
      return List.of();
    }
    return java.util.Arrays.stream(property.split(",")).map(String::strip).filter(p -> !p.isEmpty()).toList();
  }

  @Transactional(readOnly = true)
  public boolean allowsReentry(String processId) {
    return settings.findById(processId).map(JourneySetting::allowsReentry).orElse(false);
  }

  private void requireKnown(String processId) {
    if (!definitions.existsByProcessId(processId)) {
      throw new UnknownJourneyException(processId);
    }
  }

  private JourneySetting setting(String processId) {
    return settings.findById(processId).orElseGet(() -> settings.save(new JourneySetting(processId)));
  }

  @Transactional(readOnly = true)
  public boolean isDeployed(String processId) {
    return definitions.existsByProcessId(processId);
  }

  /** Every journey, newest version first within each, with live run counts. */
  @Transactional(readOnly = true)
  public List<Journey> journeys() {
    Map<String, Long> live = runs.liveCounts();
    Map<String, JourneySetting> settingsById = new LinkedHashMap<>();
    settings.findAll().forEach(setting -> settingsById.put(setting.processIdValue(), setting));
    Map<String, List<Version>> versions = new LinkedHashMap<>();
    Map<String, String> names = new LinkedHashMap<>();
    for (JourneyDefinition definition : definitions.findAllByOrderByProcessIdAscVersionDesc()) {
      versions.computeIfAbsent(definition.processId(), id -> new ArrayList<>())
          .add(new Version(definition.version(), definition.definitionKey(), definition.deployedAt()));
      names.putIfAbsent(definition.processId(), definition.name());
    }
    return versions.entrySet().stream()
        .map(entry -> {
          JourneySetting setting = settingsById.get(entry.getKey());
          return new Journey(entry.getKey(), names.get(entry.getKey()), List.copyOf(entry.getValue()),
              live.getOrDefault(entry.getKey(), 0L), setting == null ? null : setting.pause(),
              setting != null && setting.allowsReentry());
        })
        .toList();
  }

  /** A version as the engine deployed it, with the process's {@code zeebe:properties}. */
  public record Deployed(String processId, String name, int version, long definitionKey, String resourceName,
      Map<String, String> properties) {

    public Deployed {
      properties = properties == null ? Map.of() : Map.copyOf(properties);
    }

    public Deployed(String processId, String name, int version, long definitionKey, String resourceName) {
      this(processId, name, version, definitionKey, resourceName, Map.of());
    }
  }

  /** Who paused a journey and when. */
  public record Pause(String by, Instant at) {
  }

  /** No journey with this process id was ever deployed. */
  public static class UnknownJourneyException extends RuntimeException {
    public UnknownJourneyException(String processId) {
      super("no journey '" + processId + "' is deployed");
    }
  }

  /**
   * A journey: its versions (newest first), runs not yet ended, its pause (null while running) and whether a
   * contact may be in it more than once at a time.
   */
  public record Journey(String processId, String name, List<Version> versions, long liveRuns, Pause paused,
      boolean allowsReentry) {
    public int latestVersion() {
      return versions.getFirst().version();
    }
  }

  /** One deployed version. */
  public record Version(int version, long definitionKey, Instant deployedAt) {
  }
}
