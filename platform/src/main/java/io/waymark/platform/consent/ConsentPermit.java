package io.waymark.platform.consent;

/** Whether consent allows a message now; {@code reason} is NO_CONSENT, OPTED_OUT or SUPPRESSED when it does not. */
public record ConsentPermit(boolean allowed, String reason) {

  static final ConsentPermit ALLOWED = new ConsentPermit(true, null);

  static ConsentPermit refused(String reason) {
    return new ConsentPermit(false, reason);
  }
}
