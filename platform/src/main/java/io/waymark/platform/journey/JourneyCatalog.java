package io.waymark.platform.journey;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Journeys and their deployed versions, with the number of runs still live. */
@Service
public class JourneyCatalog {

  private final JourneyDefinitionRepository definitions;
  private final JourneyRuns runs;
  private final Clock clock;

  JourneyCatalog(JourneyDefinitionRepository definitions, JourneyRuns runs, Clock clock) {
    this.definitions = definitions;
    this.runs = runs;
    this.clock = clock;
  }

  /** Records a version the engine reported; a version already recorded is left as it is. */
  @Transactional
  public void recordDeployment(Deployed deployed) {
    if (definitions.existsByDefinitionKey(deployed.definitionKey())) {
      return;
    }
    try {
      definitions.saveAndFlush(new JourneyDefinition(deployed, clock.instant()));
    } catch (DataIntegrityViolationException recordedConcurrently) {
      // another instance of Waymark recorded the same deployment: nothing to do
    }
  }

  @Transactional(readOnly = true)
  public boolean isDeployed(String processId) {
    return definitions.existsByProcessId(processId);
  }

  /** Every journey, newest version first within each, with live run counts. */
  @Transactional(readOnly = true)
  public List<Journey> journeys() {
    Map<String, Long> live = runs.liveCounts();
    Map<String, List<Version>> versions = new LinkedHashMap<>();
    Map<String, String> names = new LinkedHashMap<>();
    for (JourneyDefinition definition : definitions.findAllByOrderByProcessIdAscVersionDesc()) {
      versions.computeIfAbsent(definition.processId(), id -> new ArrayList<>())
          .add(new Version(definition.version(), definition.definitionKey(), definition.deployedAt()));
      names.putIfAbsent(definition.processId(), definition.name());
    }
    return versions.entrySet().stream()
        .map(entry -> new Journey(entry.getKey(), names.get(entry.getKey()), List.copyOf(entry.getValue()),
            live.getOrDefault(entry.getKey(), 0L)))
        .toList();
  }

  /** A version as the engine deployed it. */
  public record Deployed(String processId, String name, int version, long definitionKey, String resourceName) {
  }

  /** A journey: its versions (newest first) and runs not yet ended. */
  public record Journey(String processId, String name, List<Version> versions, long liveRuns) {
    public int latestVersion() {
      return versions.getFirst().version();
    }
  }

  /** One deployed version. */
  public record Version(int version, long definitionKey, Instant deployedAt) {
  }
}
