package io.waymark.platform.policy;

import java.time.Duration;
import java.util.Set;

/**
 * One row of the rules table: where it applies ({@code scope}: "*", a country such as "US" or a subdivision such as
 * "US-FL"), to which message classes, its local-time window and its rolling cap (either may be null), and the law or
 * decision it comes from.
 */
record SendRule(int line, String scope, Set<MessageClass> classes, LocalWindow window, Limit cap, String source) {

  static final String EVERYWHERE = "*";

  SendRule {
    classes = Set.copyOf(classes);
  }

  /** At most {@code max} messages per rolling {@code per}. */
  record Limit(int max, Duration per) {
  }

  FrequencyCap capFor(MessageClass messageClass) {
    return new FrequencyCap(messageClass, null, cap.max(), cap.per(), source);
  }
}
