package io.waymark.platform.messaging;

import java.util.Optional;

/** A way to put an SMS on a phone. Implementations are adapters behind the {@link SmsSender}. */
interface SmsProvider {

  /** Short name recorded on every message, e.g. {@code sandbox}, {@code twilio}. */
  String name();

  /** Hands the message to the provider; returns the provider's message id. */
  String send(String to, String body, String clientRef);

  /** The provider's id for a message sent earlier under {@code clientRef}, when the provider can tell. */
  Optional<String> findSent(String clientRef);
}
