package io.waymark.platform.messaging;

import io.waymark.platform.messaging.provider.DeliveryStatusLookup;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The sandbox's answer to reconciliation: a message the device simulator recorded was delivered to it. */
@Component
class SandboxDeliveryStatus implements DeliveryStatusLookup {

  private final SandboxMessageRepository messages;

  SandboxDeliveryStatus(SandboxMessageRepository messages) {
    this.messages = messages;
  }

  @Override
  public String providerName() {
    return "sandbox";
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<ProviderStatus> lookup(String providerMessageId) {
    return messages.existsByProviderMessageId(providerMessageId)
        ? Optional.of(new ProviderStatus("delivered", Delivery.DELIVERED, null))
        : Optional.empty();
  }
}
