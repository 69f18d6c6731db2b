package io.waymark.platform.journey;

import io.waymark.platform.contact.ContactDirectory.ConcurrentContactCreationException;
import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/events}: 202 with the new run (or the message sent to running journeys), 200 with what the
 * first event did for a repeated event id, and 200 for a run that was skipped (journey paused, contact already in it).
 */
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
      // the same event id, the same new number or the same contact's place in a journey arrived twice at once: the
      // second attempt sees the first
      accepted = intake.accept(event);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    boolean started;
    if (accepted.run() != null) {
      JourneyRuns.Run run = accepted.run();
      body.put("eventId", run.eventId());
      body.put("journeyRunId", run.id().value());
      body.put("journey", run.processId());
      body.put("contactId", run.contactId());
      body.put("status", run.status());
      if ("SKIPPED".equals(run.status())) {
        body.put("reason", run.outcome());
      }
      started = !"SKIPPED".equals(run.status());
    } else {
      JourneyMessages.Message message = accepted.message();
      body.put("eventId", message.eventId());
      body.put("message", message.messageName());
      body.put("correlationKeys", message.correlationKeys());
      body.put("contactId", message.contactId());
      body.put("status", message.publishedAt() == null ? "QUEUED" : "PUBLISHED");
      started = true;
    }
    body.put("duplicate", accepted.duplicate());
    return ResponseEntity.status(accepted.duplicate() || !started ? HttpStatus.OK : HttpStatus.ACCEPTED).body(body);
  }
}
