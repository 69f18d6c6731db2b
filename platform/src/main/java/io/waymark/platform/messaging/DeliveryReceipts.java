package io.waymark.platform.messaging;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Delivery receipts: each stored once per provider message id and status (the audit trail), and applied to the
 * outbound ledger only when it moves the message forward, so duplicate and out-of-order receipts change nothing.
 * A receipt for a message id the ledger does not know is kept as an orphan.
 */
@Service
class DeliveryReceipts {

  private static final Logger LOG = LoggerFactory.getLogger(DeliveryReceipts.class);

  private final DeliveryReceiptRepository receipts;
  private final OutboundMessageRepository ledger;
  private final Clock clock;

  DeliveryReceipts(DeliveryReceiptRepository receipts, OutboundMessageRepository ledger, Clock clock) {
    this.receipts = receipts;
    this.ledger = ledger;
    this.clock = clock;
  }

  /**
   * Records one receipt and applies it when it moves the message forward. A receipt already stored (same provider,
   * message id and status word) is not stored again, but still applied: forward-only makes that harmless, and it
   * attaches a receipt that arrived as an orphan (before the ledger knew the id) once the provider repeats it.
   * A concurrent identical receipt may make this fail with a
   * {@link org.springframework.dao.DataIntegrityViolationException} (nothing written): it is a duplicate.
   */
  @Transactional
  public Result record(Report report) {
    Optional<OutboundMessage> message = ledger.lockByProviderMessageId(report.provider(), report.providerMessageId());
    boolean duplicate = receipts.existsByProviderAndProviderMessageIdAndStatus(report.provider(),
        report.providerMessageId(), report.providerStatus());
    Instant now = clock.instant();
    if (!duplicate) {
      receipts.save(new DeliveryReceipt(report.provider(), report.providerMessageId(), report.providerStatus(),
          report.errorCode(), message.map(OutboundMessage::id).orElse(null), report.source(), now));
    }
    if (message.isEmpty()) {
      LOG.info("Receipt '{}' from {} for unknown message {} kept as an orphan", report.providerStatus(),
          report.provider(), report.providerMessageId());
      return duplicate ? Result.DUPLICATE : Result.ORPHAN;
    }
    if (report.status() == null || !message.get().applyReceipt(report.status(), report.errorCode(), now)) {
      return duplicate ? Result.DUPLICATE : Result.UNCHANGED;
    }
    LOG.info("SMS {} is {} ({} said '{}'{})", message.get().id(), report.status(), report.provider(),
        report.providerStatus(), report.errorCode() == null ? "" : ", error " + report.errorCode());
    return Result.APPLIED;
  }

  /**
   * A receipt: the provider's own status word (stored as is) and what it means for the ledger ({@code status},
   * null when it means nothing for it).
   */
  record Report(String provider, String providerMessageId, String providerStatus, OutboundMessage.Status status,
      String errorCode, DeliveryReceipt.Source source) {
  }

  /** APPLIED moved the message; UNCHANGED stored the receipt only; DUPLICATE changed nothing; ORPHAN: no message. */
  enum Result { APPLIED, UNCHANGED, DUPLICATE, ORPHAN }
}
