package io.waymark.platform.journey;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/journeys}: every deployed journey with its versions and the runs still live. */
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
}
