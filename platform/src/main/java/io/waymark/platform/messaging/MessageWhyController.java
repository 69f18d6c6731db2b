package io.waymark.platform.messaging;

import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/messages/{id}/why}: what an outbound SMS rested on; 404 for an unknown id. */
@RestController
class MessageWhyController {

  private final MessageExplanations explanations;

  MessageWhyController(MessageExplanations explanations) {
    this.explanations = explanations;
  }

  @GetMapping("/api/v1/messages/{id}/why")
  ResponseEntity<Map<String, Object>> why(@PathVariable long id) {
    return explanations.why(id).map(ResponseEntity::ok).orElseGet(() -> ResponseEntity.notFound().build());
  }
}
