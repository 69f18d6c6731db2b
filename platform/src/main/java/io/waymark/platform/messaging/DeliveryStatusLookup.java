package io.waymark.platform.messaging;

import java.util.Optional;

/**
 * A port for reconciliation: asks one provider what became of a message it accepted (Twilio: {@code GET
 * /Messages/{sid}.json}). Sending adapters implement it as a bean; a provider without one gets no questions.
 */
interface DeliveryStatusLookup {

  /** The provider this lookup speaks for, as recorded on the ledger ({@code twilio}). */
  String providerName();

  /**
   * The provider's current status of the message, empty when the provider does not know the id. Throws on a
   * technical failure (the message is asked about again on the next run).
   */
  Optional<ProviderStatus> lookup(String providerMessageId);

  /**
   * What the provider said: its own status word (kept on the receipt), what that means for the ledger (SENT while
   * still on its way, null when nothing) and its error code, if any.
   */
  record ProviderStatus(String providerStatus, OutboundMessage.Status status, String errorCode) {
  }
}
