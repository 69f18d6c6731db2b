package io.waymark.platform.messaging;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The sandbox provider's record, and a way to play a reply from a simulated phone. Embedded mode only. */
@Service
public class SmsSandbox {

  private final SandboxMessageRepository messages;
  private final SandboxSmsProvider provider;
  private final InboundMessages inbound;

  SmsSandbox(SandboxMessageRepository messages, SandboxSmsProvider provider, InboundMessages inbound) {
    this.messages = messages;
    this.provider = provider;
    this.inbound = inbound;
  }

  /** The newest messages first; optionally only those to or from one E.164 number. */
  @Transactional(readOnly = true)
  public List<RecordedMessage> recorded(String phone, int page, int size) {
    PageRequest request = PageRequest.of(page, size);
    return (phone == null ? messages.findAllByOrderByIdDesc(request) : messages.findByPhoneOrderByIdDesc(phone, request))
        .map(SandboxMessage::toRecord).getContent();
  }

  /** Plays an inbound SMS from {@code from} through the same path a provider webhook takes. */
  public InboundMessages.Received playReply(String from, String body) {
    String normalized = inbound.validate(from, body);
    String sid = provider.recordInbound(normalized, body);
    return inbound.receive(provider.name(), sid, normalized, null, body);
  }

  /** One message the sandbox saw: OUT to a phone, or IN from one. */
  public record RecordedMessage(long id, String direction, String phone, String body, String providerMessageId,
      Instant recordedAt) {
  }
}
