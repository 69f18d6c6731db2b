package io.waymark.platform.journey;

import io.waymark.platform.contact.ContactId;
import java.time.Instant;

/**
 * An event for running journeys was accepted (not a repeat of its event id), e.g. {@code order.completed} or
 * {@code appointment.attended}: recorded as journey message {@code messageId} (its attributes are there, see
 * {@link JourneyMessages#find}). {@code occurredAt} is when it happened: the event's {@code occurredAt}, else
 * {@code attributes.occurredAt}, else when Waymark received it. Analytics records the conversions among them.
 */
public record MessageEventReceived(long messageId, String eventId, String type, ContactId contactId,
    Instant occurredAt) {
}
