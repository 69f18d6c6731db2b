package io.waymark.platform.messaging;

/**
 * What became of an {@link SmsRequest}. SENT carries the ledger id and provider message id; SUPPRESSED carries the
 * policy's reason. A repeated request returns the first request's outcome with {@code duplicate} set.
 */
public record SmsOutcome(Status status, Long messageId, String providerMessageId, String reason, boolean duplicate) {

  public enum Status { SENT, SUPPRESSED }
}
