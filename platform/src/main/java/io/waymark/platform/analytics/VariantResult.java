package io.waymark.platform.analytics;

import java.math.BigDecimal;

/**
 * One variant of an experiment: contacts {@code entered} (assigned at entry), and of them those {@code sent} an SMS,
 * with one {@code delivered}, who {@code clicked}, {@code replied}, {@code optedOut}, {@code converted} within the
 * experiment's window after entry, and their {@code revenue}. {@code conversionRate} is converted per entered, with its
 * 95% interval; {@code lift} compares it with the holdout (null for the holdout itself or without one).
 */
public record VariantResult(String variant, boolean holdout, long entered, long sent, long delivered, long clicked,
    long replied, long optedOut, long converted, BigDecimal revenue, Interval conversionRate, Lift lift) {
}
