package io.waymark.platform.messaging;

import io.waymark.platform.messaging.SandboxMessage.Direction;
import io.waymark.platform.messaging.provider.OutboundSms;
import io.waymark.platform.messaging.provider.SmsProvider;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The device simulator: records every message in {@code sandbox_message} instead of reaching a phone. */
@Component
class SandboxSmsProvider implements SmsProvider {

  private final SandboxMessageRepository messages;
  private final Clock clock;

  SandboxSmsProvider(SandboxMessageRepository messages, Clock clock) {
    this.messages = messages;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "sandbox";
  }

  @Override
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public String send(OutboundSms sms) {
    String sid = "SB" + UUID.randomUUID().toString().replace("-", "");
    messages.save(new SandboxMessage(Direction.OUT, sms.to(), sms.body(), sms.clientRef(), sid, clock.instant()));
    return sid;
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<String> findSent(OutboundSms sms) {
    return messages.findByClientRef(sms.clientRef()).map(SandboxMessage::providerMessageId);
  }

  @Transactional(propagation = Propagation.REQUIRES_NEW)
  String recordInbound(String from, String body) {
    String sid = "SB" + UUID.randomUUID().toString().replace("-", "");
    messages.save(new SandboxMessage(Direction.IN, from, body, null, sid, clock.instant()));
    return sid;
  }
}
