package io.waymark.platform.consent;

/**
 * Whether consent allows a message now; {@code reason} is NO_CONSENT, OPTED_OUT or SUPPRESSED when it does not.
 * {@code recordId} is the consent ledger line the answer rests on (the opt-in that allows, the opt-out that
 * refuses), null when there is none (no record, or the suppression list decided).
 */
public record ConsentPermit(boolean allowed, String reason, Long recordId) {

  public ConsentPermit(boolean allowed, String reason) {
    this(allowed, reason, null);
  }

  static ConsentPermit allowedBy(long recordId) {
    return new ConsentPermit(true, null, recordId);
  }

  static ConsentPermit refused(String reason) {
    return new ConsentPermit(false, reason, null);
  }

  static ConsentPermit refusedBy(String reason, long recordId) {
    return new ConsentPermit(false, reason, recordId);
  }
}
