package io.waymark.platform.analytics;

import java.util.List;

/**
 * An experiment of a {@code journey}: its {@code variants} (the holdout among them, if any), and a {@code warning}
 * when its samples are too small to conclude (null otherwise).
 */
public record ExperimentReport(String experiment, String journey, List<VariantResult> variants, String warning) {
}
