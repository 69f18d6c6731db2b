package io.waymark.platform.analytics;

import java.math.BigDecimal;

/**
 * What the ledgers say about a set of SMS (one journey, template, route or day): {@code messages} sent to a provider
 * (refused sends excluded), {@code delivered} and {@code failed} (failed or undelivered) by their receipts,
 * {@code recipients} the distinct contacts among them, and of those the contacts who {@code optedOut}, {@code replied},
 * {@code clicked} a short link (previews by link-preview bots excluded) or {@code converted} (conversions attributed to
 * these messages), the attributed {@code revenue}, the SMS {@code segments} billed and their {@code cost}.
 */
public record Tally(long messages, long delivered, long failed, long recipients, long optedOut, long replied,
    long clicked, long converted, BigDecimal revenue, long segments, BigDecimal cost) {

  public static final Tally EMPTY = new Tally(0, 0, 0, 0, 0, 0, 0, 0, BigDecimal.ZERO, 0, BigDecimal.ZERO);

  /** Delivered per message sent, 0 without messages. */
  public double deliveryRate() {
    return ratio(delivered, messages);
  }

  /** Failed or undelivered per message sent. */
  public double failureRate() {
    return ratio(failed, messages);
  }

  /** Opted-out contacts per recipient. */
  public double optOutRate() {
    return ratio(optedOut, recipients);
  }

  public double replyRate() {
    return ratio(replied, recipients);
  }

  public double clickRate() {
    return ratio(clicked, recipients);
  }

  public double conversionRate() {
    return ratio(converted, recipients);
  }

  static double ratio(long part, long whole) {
    return whole == 0 ? 0 : (double) part / whole;
  }
}
