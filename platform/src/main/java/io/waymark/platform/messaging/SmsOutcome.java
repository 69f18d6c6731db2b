package io.waymark.platform.messaging;

import java.time.Instant;

/**
 * What became of an {@link SmsRequest}. SENT carries the ledger id and provider message id; SUPPRESSED carries the
 * policy's reason (or {@code PROVIDER_OPT_OUT} when the provider reported the recipient unsubscribed); FAILED a final
 * provider answer (invalid number, rejected message) with the provider's reason; DEFERRED (nothing written, nothing
 * sent) the instant the policy allows sending again and why.
 * A repeated request returns the first request's outcome with {@code duplicate} set.
 */
public record SmsOutcome(Status status, Long messageId, String providerMessageId, String reason, boolean duplicate,
    Instant deferredUntil) {

  public SmsOutcome(Status status, Long messageId, String providerMessageId, String reason, boolean duplicate) {
    this(status, messageId, providerMessageId, reason, duplicate, null);
  }

  public enum Status { SENT, SUPPRESSED, DEFERRED, FAILED }
}
