package io.waymark.platform.messaging;

import java.util.Map;
import java.util.Optional;

/**
 * A port for "why this message?": modules that send through journeys of their own (campaigns) say what a process
 * instance was sending for. Implemented where that knowledge lives, so messaging depends on none of them.
 */
public interface MessageOrigin {

  /** What the instance sends for, or empty when it is not this module's. */
  Optional<Origin> originOf(long processInstanceKey);

  /** {@code kind} (e.g. {@code campaign}), one sentence, and the details (ids, names, the segment). */
  record Origin(String kind, String summary, Map<String, Object> details) {
  }
}
