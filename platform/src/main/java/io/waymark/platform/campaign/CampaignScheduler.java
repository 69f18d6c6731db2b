package io.waymark.platform.campaign;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The beat of scheduled sends: every {@code waymark.campaigns.scheduler-every} (default a minute) it requests the runs
 * of campaigns that fell due and runs the scheduled segment entries. Safe on several Waymark instances at once: each
 * fire is claimed by one (see {@link Campaigns#startDue} and {@link SegmentEntrySchedules}).
 */
@Component
class CampaignScheduler {

  private static final Logger LOG = LoggerFactory.getLogger(CampaignScheduler.class);

  private final Campaigns campaigns;
  private final SegmentEntrySchedules entries;
  private final Clock clock;

  CampaignScheduler(Campaigns campaigns, SegmentEntrySchedules entries, Clock clock) {
    this.campaigns = campaigns;
    this.entries = entries;
    this.clock = clock;
  }

  @Scheduled(initialDelayString = "${waymark.campaigns.scheduler-every:PT1M}",
      fixedDelayString = "${waymark.campaigns.scheduler-every:PT1M}")
  void beat() {
    try {
      campaigns.startDue(clock.instant());
    } catch (RuntimeException e) {
      LOG.warn("Starting due campaign runs failed: {}", e.getMessage(), e);
    }
    try {
      entries.fireDue(clock.instant());
    } catch (RuntimeException e) {
      LOG.warn("Scheduled segment entry failed: {}", e.getMessage(), e);
    }
  }
}
