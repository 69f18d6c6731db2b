package io.waymark.platform.messaging;

/** Where an email goes once its row is written: the outbox table itself, or an SMTP server. */
interface EmailTransport {

  /** Hands the email over; throws when it could not (nothing is marked sent then). Returns the row's new status. */
  String deliver(OutgoingEmail email);

  /** One email as it leaves: {@code messageId} is derived from the idempotency key, the same on every attempt. */
  record OutgoingEmail(String from, String to, String subject, String body, String messageId) {
  }
}
