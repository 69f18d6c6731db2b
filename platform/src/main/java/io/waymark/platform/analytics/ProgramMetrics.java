package io.waymark.platform.analytics;

import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Program health, engagement and outcomes, computed from the ledgers (outbound messages and their receipts, inbound
 * replies, consent, link clicks, conversions, lead tasks) for a {@link MetricFilter}; never from counters.
 */
@Service
public class ProgramMetrics {

  /** The whole filter in one tally. */
  public Tally total(MetricFilter filter) {
    throw new UnsupportedOperationException("contract only");
  }

  /** One row per day of the period (days without messages included, with an empty tally). */
  public List<MetricRow> byDay(MetricFilter filter) {
    throw new UnsupportedOperationException("contract only");
  }

  public List<MetricRow> byJourney(MetricFilter filter) {
    throw new UnsupportedOperationException("contract only");
  }

  public List<MetricRow> byTemplate(MetricFilter filter) {
    throw new UnsupportedOperationException("contract only");
  }

  public List<MetricRow> byRoute(MetricFilter filter) {
    throw new UnsupportedOperationException("contract only");
  }

  /** Failed and undelivered messages by reason, most frequent first. */
  public List<FailureCount> failures(MetricFilter filter) {
    throw new UnsupportedOperationException("contract only");
  }

  public LeadResponse leadResponse(MetricFilter filter) {
    throw new UnsupportedOperationException("contract only");
  }

  public List<ReminderEffect> reminders(MetricFilter filter) {
    throw new UnsupportedOperationException("contract only");
  }
}
