package io.waymark.platform.segment;

import com.fasterxml.jackson.databind.JsonNode;

/** A segment to create: a name (unique, without regard to case), an optional description and the rule tree. */
public record NewSegment(String name, String description, JsonNode rule) {
}
