package io.waymark.platform.campaign;

/**
 * Where a run's (or a batch's) members stand: {@code resolved} in the audience snapshot, of them {@code pending} (not
 * yet attempted), {@code sent}, {@code suppressed} (consent or the send policy refused at the moment of sending),
 * {@code failed} (for good: invalid number, a value the template needs missing) and {@code deferred} (quiet hours or a
 * cap: tried again later).
 */
public record Counts(long resolved, long pending, long sent, long suppressed, long failed, long deferred) {

  public static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0);
}
