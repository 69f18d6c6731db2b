package io.waymark.platform.analytics;

/**
 * A reminder journey's effect on no-shows: appointments of {@code reminded} contacts and of held-out ones, and how
 * many of each were not attended ({@code appointment.attended} never came). {@code reduction} is the held-out no-show
 * rate minus the reminded one (percentage points as a fraction; null without a holdout).
 */
public record ReminderEffect(String journey, long reminded, long remindedNoShows, long heldOut, long heldOutNoShows,
    Double reduction) {

  public double remindedNoShowRate() {
    return Tally.ratio(remindedNoShows, reminded);
  }

  public double heldOutNoShowRate() {
    return Tally.ratio(heldOutNoShows, heldOut);
  }
}
