package io.waymark.platform.journey;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/journeys}: every deployed journey with its versions, the runs still live and whether it is
 * paused; {@code POST /api/v1/journeys/{processId}/pause} ({@code {"by": "..."}}) and {@code .../resume}.
 */
@RestController
class JourneyController {

  private final JourneyCatalog catalog;

  JourneyController(JourneyCatalog catalog) {
    this.catalog = catalog;
  }

  @GetMapping("/api/v1/journeys")
  List<JourneyCatalog.Journey> journeys() {
    return catalog.journeys();
  }

  @PostMapping("/api/v1/journeys/{processId}/pause")
  JourneyCatalog.Journey pause(@PathVariable String processId,
      @RequestBody(required = false) Map<String, String> body) {
    catalog.pause(processId, body == null ? null : body.get("by"));
    return journey(processId);
  }

  @PostMapping("/api/v1/journeys/{processId}/resume")
  JourneyCatalog.Journey resume(@PathVariable String processId) {
    catalog.resume(processId);
    return journey(processId);
  }

  private JourneyCatalog.Journey journey(String processId) {
    return catalog.journeys().stream().filter(j -> j.processId().equals(processId)).findFirst()
        .orElseThrow(() -> new JourneyCatalog.UnknownJourneyException(processId));
  }

  @ExceptionHandler(JourneyCatalog.UnknownJourneyException.class)
  ProblemDetail unknown(JourneyCatalog.UnknownJourneyException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
  }
}
