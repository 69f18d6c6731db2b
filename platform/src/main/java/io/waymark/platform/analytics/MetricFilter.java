package io.waymark.platform.analytics;

/**
 * What a report covers: the {@code period}, and optionally one journey (process id; null or blank: all) and one
 * experiment variant (null or blank: all; a contact's variant is the one recorded when its run entered).
 */
public record MetricFilter(Period period, String journey, String variant) {

  public MetricFilter {
    if (period == null) {
      throw new io.waymark.platform.support.InvalidInputException("period", "is required");
    }
    journey = journey == null || journey.isBlank() ? null : journey.strip();
    variant = variant == null || variant.isBlank() ? null : variant.strip();
  }
}
