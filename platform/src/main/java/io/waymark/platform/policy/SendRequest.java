package io.waymark.platform.policy;

import io.waymark.platform.contact.ContactId;
import io.waymark.platform.support.InvalidInputException;
import java.time.Instant;

/**
 * One question to the policy: may {@code contact} get a {@code messageClass} message on {@code topic} at {@code now}?
 * {@code notAfter} (may be null) is the last moment the message still makes sense; a send that could only go out later
 * is suppressed as {@code EXPIRED} instead of deferred.
 */
public record SendRequest(ContactId contact, String topic, String messageClass, Instant now, Instant notAfter) {

  public SendRequest {
    if (contact == null) {
      throw new InvalidInputException("contact", "is missing");
    }
    if (now == null) {
      throw new InvalidInputException("now", "is missing");
    }
  }
}
