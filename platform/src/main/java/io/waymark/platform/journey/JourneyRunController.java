package io.waymark.platform.journey;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where runs stand: {@code GET /api/v1/journey-runs/{id}} (the run and every step its instance and its sub-journeys ran),
 * {@code GET /api/v1/journey-runs?eventId=...}, and {@code GET /api/v1/journey-steps/incidents} (jobs that ran out of
 * retries, newest first).
 */
@RestController
class JourneyRunController {

  private final JourneyRuns runs;
  private final JourneySteps steps;

  JourneyRunController(JourneyRuns runs, JourneySteps steps) {
    this.runs = runs;
    this.steps = steps;
  }

  @GetMapping("/api/v1/journey-runs/{id}")
  ResponseEntity<Map<String, Object>> run(@PathVariable long id) {
    return runs.find(new JourneyRunId(id)).map(this::withSteps)
        .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).build());
  }

  @GetMapping(value = "/api/v1/journey-runs", params = "eventId")
  ResponseEntity<Map<String, Object>> byEvent(@RequestParam String eventId) {
    return runs.findByEventId(eventId).map(this::withSteps)
        .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).build());
  }

  @GetMapping("/api/v1/journey-steps/incidents")
  List<JourneySteps.Step> incidents(@RequestParam(defaultValue = "50") int limit) {
    return steps.incidents(limit);
  }

  private ResponseEntity<Map<String, Object>> withSteps(JourneyRuns.Run run) {
    List<JourneySteps.Step> ran = steps.ofInstances(runs.instancesOf(run));
    return ResponseEntity.ok(Map.of("run", run, "steps", ran));
  }
}
