package io.waymark.platform.messaging;

import io.waymark.platform.messaging.provider.DeliveryStatusLookup;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Messages that are still SENT {@code waymark.sms.receipt-timeout} (default one hour) after the provider accepted
 * them: their provider is asked ({@link DeliveryStatusLookup}). A final answer is applied like a receipt. Anything
 * else (still on its way, an id the provider does not know, or a provider nobody can ask) makes the message UNKNOWN,
 * so it is not asked about again; a late receipt still moves it on. A lookup that fails leaves the message SENT for
 * the next run. Every conclusion is kept as a receipt (source LOOKUP or TIMEOUT).
 */
@Component
class ReceiptReconciliation {

  static final String NO_RECEIPT = "no-receipt";
  private static final int BATCH = 500;
  private static final Logger LOG = LoggerFactory.getLogger(ReceiptReconciliation.class);

  private final OutboundMessageRepository ledger;
  private final DeliveryReceipts receipts;
  private final Map<String, DeliveryStatusLookup> lookups;
  private final Clock clock;
  private final Duration timeout;

  @Autowired
  ReceiptReconciliation(OutboundMessageRepository ledger, DeliveryReceipts receipts,
      ObjectProvider<DeliveryStatusLookup> lookups, Clock clock,
      @Value("${waymark.sms.receipt-timeout:PT1H}") Duration timeout) {
    this(ledger, receipts, lookups.orderedStream().toList(), clock, timeout);
  }

  ReceiptReconciliation(OutboundMessageRepository ledger, DeliveryReceipts receipts, List<DeliveryStatusLookup> lookups,
      Clock clock, Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("waymark.sms.receipt-timeout must be positive, was " + timeout);
    }
    this.ledger = ledger;
    this.receipts = receipts;
    this.lookups = lookups.stream()
        .collect(Collectors.toMap(DeliveryStatusLookup::providerName, Function.identity()));
    this.clock = clock;
    this.timeout = timeout;
  }

  @Scheduled(initialDelayString = "${waymark.sms.receipt-check-every:PT5M}",
      fixedDelayString = "${waymark.sms.receipt-check-every:PT5M}")
  void scheduled() {
    try {
      reconcile();
    } catch (RuntimeException e) {
      LOG.warn("Reconciling delivery receipts failed: {}", e.getMessage());
    }
  }

  /** One pass over (at most 500 of) the oldest overdue messages; returns how many were concluded. */
  int reconcile() {
    List<OutboundMessage> overdue = ledger.findByStatusAndSentAtBeforeOrderBySentAt(OutboundMessage.Status.SENT,
        clock.instant().minus(timeout), PageRequest.of(0, BATCH));
    int concluded = 0;
    for (OutboundMessage message : overdue) {
      concluded += reconcile(message) ? 1 : 0;
    }
    return concluded;
  }

  private boolean reconcile(OutboundMessage message) {
    DeliveryStatusLookup lookup = lookups.get(message.provider());
    if (lookup == null) {
      return conclude(message, NO_RECEIPT, OutboundMessage.Status.UNKNOWN, null, DeliveryReceipt.Source.TIMEOUT);
    }
    Optional<DeliveryStatusLookup.ProviderStatus> answer;
    try {
      answer = lookup.lookup(message.providerMessageId());
    } catch (RuntimeException e) {
      LOG.warn("Asking {} about SMS {} failed, trying again later: {}", message.provider(), message.id(),
          e.getMessage());
      return false;
    }
    if (answer.isEmpty()) {
      return conclude(message, "not-found", OutboundMessage.Status.UNKNOWN, null, DeliveryReceipt.Source.LOOKUP);
    }
    return conclude(message, answer.get().providerStatus(), toLedger(answer.get().delivery()),
        answer.get().errorCode(), DeliveryReceipt.Source.LOOKUP);
  }

  /** A final answer as it is; anything else, after the timeout, is UNKNOWN. */
  private static OutboundMessage.Status toLedger(DeliveryStatusLookup.Delivery delivery) {
    return switch (delivery) {
      case DELIVERED -> OutboundMessage.Status.DELIVERED;
      case UNDELIVERED -> OutboundMessage.Status.UNDELIVERED;
      case FAILED -> OutboundMessage.Status.FAILED;
      case PENDING -> OutboundMessage.Status.UNKNOWN;
    };
  }

  private boolean conclude(OutboundMessage message, String providerStatus, OutboundMessage.Status status,
      String errorCode, DeliveryReceipt.Source source) {
    DeliveryReceipts.Result result = receipts.record(new DeliveryReceipts.Report(message.provider(),
        message.providerMessageId(), providerStatus, status, errorCode, source));
    return result == DeliveryReceipts.Result.APPLIED;
  }
}
