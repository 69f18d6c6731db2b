package io.waymark.platform.policy;

import io.waymark.platform.contact.ContactId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * At most {@code max} messages of {@code messageClass} per rolling {@code window}. {@code topic} null counts every
 * topic and applies to every request; a topic name counts and applies to that topic only.
 */
record FrequencyCap(MessageClass messageClass, String topic, int max, Duration window, String source) {

  FrequencyCap {
    if (max < 1) {
      throw new IllegalArgumentException("a cap must allow at least one message, not " + max);
    }
    if (window == null || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("a cap needs a positive window, not " + window);
    }
  }

  /** A configured cap; {@code key} names it in errors, e.g. {@code waymark.policy.caps[0]}. */
  static FrequencyCap of(PolicyProperties.Cap cap, String key) {
    try {
      String topic = cap.topic() == null || cap.topic().isBlank() || cap.topic().equals("*") ? null : cap.topic();
      return new FrequencyCap(MessageClass.parse(cap.messageClass()), topic, cap.max(), cap.window(), key);
    } catch (RuntimeException e) {
      throw new IllegalStateException(key + ": " + e.getMessage(), e);
    }
  }

  boolean appliesTo(MessageClass requested, String requestedTopic) {
    return messageClass == requested && (topic == null || topic.equals(requestedTopic));
  }

  /**
   * The earliest instant from {@code now} on at which one more message stays within the cap, assuming nothing else is
   * sent meanwhile: {@code now} when under the cap, else the moment enough counted messages have left the window.
   * Empty when the history contradicts itself (counts messages it cannot date).
   */
  Optional<Instant> freeAt(SendHistory history, ContactId contact, Instant now) {
    Instant since = now.minus(window);
    long count = history.countSent(contact, messageClass.id(), topic, since);
    for (long step = count; count >= max; step--) {
      Optional<Instant> oldest = history.oldestSentSince(contact, messageClass.id(), topic, since);
      if (step == 0 || oldest.isEmpty() || !oldest.get().isAfter(since)) {
        return Optional.empty();
      }
      since = oldest.get();
      count = history.countSent(contact, messageClass.id(), topic, since);
    }
    return Optional.of(since.plus(window));
  }

  String describe() {
    return max + " " + messageClass.id() + (topic == null ? "" : " on " + topic) + " per " + window
        + " (" + source + ")";
  }
}
