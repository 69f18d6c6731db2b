package io.waymark.platform.campaign;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code waymark.campaigns.*}: a run needs approval when its audience is larger than {@code approvalThreshold}
 * recipients or its topic is one of {@code sensitiveTopics}; the request stays open {@code approvalExpiry}. Audiences
 * are sent in batches of {@code batchSize} (1 to 100, see {@code SendBatchWorker} for the arithmetic); a run ends after
 * {@code maxDuration} whatever it is doing; a scheduled fire missed by more than {@code catchUp} (Waymark was down) is
 * recorded as MISSED instead of sent late. {@code segmentPrice} is what one SMS segment costs (USD), for the cost
 * estimate an approver sees. Refuses values that make no sense at start-up, naming the property.
 */
@ConfigurationProperties("waymark.campaigns")
record CampaignProperties(
    @DefaultValue("1000") int approvalThreshold,
    List<String> sensitiveTopics,
    @DefaultValue("P2D") Duration approvalExpiry,
    @DefaultValue("100") int batchSize,
    @DefaultValue("P7D") Duration maxDuration,
    @DefaultValue("PT1H") Duration catchUp,
    @DefaultValue("0.0079") BigDecimal segmentPrice) {

  static final int MAX_BATCH_SIZE = 100;

  CampaignProperties {
    sensitiveTopics = sensitiveTopics == null ? List.of()
        : sensitiveTopics.stream().map(t -> t.strip().toLowerCase(Locale.ROOT)).toList();
    if (approvalThreshold < 0) {
      throw new IllegalArgumentException("waymark.campaigns.approval-threshold: must be 0 (always ask) or more, was "
          + approvalThreshold);
    }
    for (int i = 0; i < sensitiveTopics.size(); i++) {
      if (!Campaigns.TOPIC.matcher(sensitiveTopics.get(i)).matches()) {
        throw new IllegalArgumentException("waymark.campaigns.sensitive-topics[" + i + "]: '" + sensitiveTopics.get(i)
            + "' is not a topic (lower-case letters, digits, '-')");
      }
    }
    if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
      throw new IllegalArgumentException("waymark.campaigns.batch-size: must be from 1 to " + MAX_BATCH_SIZE
          + " (a batch must fit the send-batch job timeout at the slowest route), was " + batchSize);
    }
    if (maxDuration.isNegative() || maxDuration.isZero()) {
      throw new IllegalArgumentException("waymark.campaigns.max-duration: must be positive, was " + maxDuration);
    }
    if (approvalExpiry.isNegative() || approvalExpiry.isZero() || approvalExpiry.compareTo(maxDuration) >= 0) {
      throw new IllegalArgumentException("waymark.campaigns.approval-expiry: must be positive and shorter than "
          + "waymark.campaigns.max-duration (" + maxDuration + "), was " + approvalExpiry);
    }
    if (segmentPrice.signum() < 0) {
      throw new IllegalArgumentException("waymark.campaigns.segment-price: must be 0 or more (USD per SMS segment), was "
          + segmentPrice);
    }
    if (catchUp.compareTo(Duration.ofMinutes(1)) < 0) {
      throw new IllegalArgumentException("waymark.campaigns.catch-up: must be at least PT1M (the scheduler's beat), "
          + "was " + catchUp);
    }
  }

  boolean isSensitive(String topic) {
    return sensitiveTopics.contains(topic);
  }
}
