package io.waymark.platform.consent;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A contact's consent as an auditor reads it: state per topic, suppression, and every ledger line. */
public record ConsentState(
    long contactId,
    String phone,
    Map<String, TopicState> topics,
    boolean suppressed,
    List<SuppressionList.Entry> suppression,
    List<ConsentEntry> history) {

  /** OPTED_IN or OPTED_OUT since {@code since}, decided by ledger line {@code recordId}. */
  public record TopicState(String status, Instant since, long recordId) {
  }
}
