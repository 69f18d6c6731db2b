package io.waymark.platform.messaging.provider;

import java.util.Optional;

/**
 * A way to put an SMS on a phone: the sandbox, Twilio, Telnyx. Adapters throw {@link SmsProviderException} with the
 * kind of failure, so that the {@link SmsRouter} can tell a business answer (final) from a provider fault (retry or
 * fail over) and from an unconfirmed send (reconcile first).
 */
public interface SmsProvider {

  /** Short name recorded on every message and used in routes, e.g. {@code sandbox}, {@code twilio}. */
  String name();

  /** Hands the message to the provider; returns the provider's message id. */
  String send(OutboundSms sms);

  /**
   * The provider's id for {@code sms} when the provider shows it was accepted earlier (an attempt that timed out),
   * empty when it shows no such message. Only meaningful when {@link #canLookUp()}.
   */
  Optional<String> findSent(OutboundSms sms);

  /**
   * Whether {@link #findSent} can prove a message was not accepted. A provider that cannot is never failed over
   * from after an unconfirmed attempt: the message is retried on that provider only, under the same idempotency key.
   */
  default boolean canLookUp() {
    return true;
  }
}
