package io.waymark.platform.segment;

import io.waymark.platform.contact.ContactId;
import java.time.Instant;
import java.util.List;

/**
 * What a segment amounts to for a topic right now: {@code matching} contacts satisfy the rule; of those,
 * {@code eligible} may get messages on the topic and the rest are {@code excluded} (each contact counted once, under
 * the first reason that applies: suppression, then opted out, then no consent). {@code sample} holds the first
 * eligible members by contact id, phone numbers masked.
 */
public record AudiencePreview(String topic, long matching, long eligible, Excluded excluded, List<Member> sample,
    Instant evaluatedAt) {

  /** Contacts that match the rule but are not messaged on the topic, by reason (as {@code ConsentPermit} names it). */
  public record Excluded(long suppressed, long optedOut, long noConsent) {

    public long total() {
      return suppressed + optedOut + noConsent;
    }
  }

  /** An eligible member as a designer may see it: the number masked ({@code +1415****00}). */
  public record Member(ContactId id, String maskedPhone, String firstName, String lifecycleStage, String region) {
  }
}
