package io.waymark.platform.policy;

import io.waymark.platform.contact.ContactId;
import java.time.Instant;
import java.util.Optional;

/**
 * What the policy needs to know about messages already sent, to count frequency caps over rolling windows.
 * The policy defines this port; the module that owns the outbound ledger (messaging) implements it as a Spring bean,
 * so that policy never depends on messaging. Without a bean the policy cannot count and logs a warning (caps open).
 *
 * <p>A message counts from the moment the provider accepted it (its sent time), whatever happened to it after.
 * {@code messageClass} is a {@link MessageClass#id()} ("promotional"); {@code topic} null means every topic.
 * {@code since} is exclusive: a message sent exactly at {@code since} does not count, so that a message sent at
 * {@code t} leaves a window of length {@code w} at exactly {@code t + w}.
 */
public interface SendHistory {

  /** How many messages of {@code messageClass} on {@code topic} (null: any) the contact got after {@code since}. */
  long countSent(ContactId contact, String messageClass, String topic, Instant since);

  /**
   * When the earliest of those messages went out, i.e. the smallest sent time after {@code since}; empty if none.
   * The policy uses it to say when a reached cap frees up.
   */
  Optional<Instant> oldestSentSince(ContactId contact, String messageClass, String topic, Instant since);
}
