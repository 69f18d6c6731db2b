package io.waymark.platform.messaging.provider;

import java.util.Optional;

/**
 * A port for reconciling delivery receipts: asks one provider what became of a message it accepted (Twilio:
 * {@code GET /Messages/{sid}.json}). Provider adapters implement it as a bean, next to their sending side; a
 * provider without one is not asked (its overdue messages become UNKNOWN).
 */
public interface DeliveryStatusLookup {

  /** The provider this lookup speaks for, as recorded on the ledger ({@code twilio}). */
  String providerName();

  /**
   * The provider's current status of the message, empty when the provider does not know the id. Throws on a
   * technical failure (the message is asked about again on the next run).
   */
  Optional<ProviderStatus> lookup(String providerMessageId);

  /** What a provider's status word means for delivery. */
  enum Delivery { PENDING, DELIVERED, UNDELIVERED, FAILED }

  /**
   * What the provider said: its own status word (kept on the receipt), its meaning (PENDING while the message is
   * still on its way or the word means nothing final) and its error code, if any.
   */
  record ProviderStatus(String providerStatus, Delivery delivery, String errorCode) {
  }
}
