package io.waymark.platform.campaign;

/**
 * A resolved audience as the model sees it: counts only, never contact ids. {@code approvalRequired}: larger than the
 * approval threshold or on a sensitive topic.
 */
public record Resolution(int audienceSize, int batchCount, boolean approvalRequired) {
}
