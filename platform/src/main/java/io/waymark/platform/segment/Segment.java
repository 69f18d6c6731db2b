package io.waymark.platform.segment;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A stored segment: who it is about, as a rule tree over contact fields and behaviour. It names no consent topic: the
 * topic belongs to the send, so every preview and resolution is asked for one. Segments do not change once created.
 */
public record Segment(SegmentId id, String name, String description, JsonNode rule, Instant createdAt) {

  public Segment {
    rule = rule.deepCopy();
  }

  @Override
  public JsonNode rule() {
    return rule.deepCopy();
  }
}
