package io.waymark.platform.journey;

import io.waymark.platform.contact.ContactDirectory.ConcurrentContactCreationException;
import jakarta.validation.Valid;
import java.util.Map;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/events}: 202 with the new run, or 200 with the earlier run for a repeated event id. */
@RestController
class EventController {

  private final EventIntake intake;

  EventController(EventIntake intake) {
    this.intake = intake;
  }

  @PostMapping("/api/v1/events")
  ResponseEntity<Map<String, Object>> post(@Valid @RequestBody TriggerEvent event) {
    EventIntake.Accepted accepted;
    try {
      accepted = intake.accept(event);
    } catch (DataIntegrityViolationException | ConcurrentContactCreationException raced) {
      // the same event id or the same new number arrived twice at once: the second attempt sees the first
      accepted = intake.accept(event);
    }
    JourneyRuns.Run run = accepted.run();
    Map<String, Object> body = Map.of(
        "eventId", run.eventId(),
        "journeyRunId", run.id().value(),
        "journey", run.processId(),
        "contactId", run.contactId(),
        "status", run.status(),
        "duplicate", accepted.duplicate());
    return ResponseEntity.status(accepted.duplicate() ? HttpStatus.OK : HttpStatus.ACCEPTED).body(body);
  }
}
