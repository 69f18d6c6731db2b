package io.waymark.platform.messaging;

import java.util.Locale;
import java.util.Optional;

/**
 * Twilio's message statuses as the ledger reads them. {@code accepted}, {@code scheduled}, {@code queued},
 * {@code sending} and {@code sent} say the message is on its way (the ledger already shows SENT); {@code delivered}
 * and {@code read} say it arrived; {@code undelivered} and {@code failed} (and {@code canceled}, a scheduled message
 * that never left) are final failures. Anything else (e.g. {@code partially_delivered}, inbound statuses) is kept as a
 * receipt and changes nothing.
 */
final class TwilioStatuses {

  private TwilioStatuses() {
  }

  static Optional<OutboundMessage.Status> toLedger(String twilioStatus) {
    return Optional.ofNullable(switch (twilioStatus.toLowerCase(Locale.ROOT)) {
      case "accepted", "scheduled", "queued", "sending", "sent" -> OutboundMessage.Status.SENT;
      case "delivered", "read" -> OutboundMessage.Status.DELIVERED;
      case "undelivered" -> OutboundMessage.Status.UNDELIVERED;
      case "failed", "canceled" -> OutboundMessage.Status.FAILED;
      default -> null;
    });
  }
}
