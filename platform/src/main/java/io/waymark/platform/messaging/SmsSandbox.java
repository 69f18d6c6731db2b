package io.waymark.platform.messaging;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sandbox provider's record, and ways to play what a phone and its carrier send back: a reply, a delivery receipt.
 * Embedded mode only.
 */
@Service
public class SmsSandbox {

  private final SandboxMessageRepository messages;
  private final SandboxSmsProvider provider;
  private final InboundMessages inbound;
  private final DeliveryReceipts receipts;

  SmsSandbox(SandboxMessageRepository messages, SandboxSmsProvider provider, InboundMessages inbound,
      DeliveryReceipts receipts) {
    this.messages = messages;
    this.provider = provider;
    this.inbound = inbound;
    this.receipts = receipts;
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

  /**
   * Plays the carrier's delivery receipt for a message the sandbox sent ({@code providerMessageId} as recorded),
   * through the same path a provider's status callback takes: delivered, or undelivered with {@code errorCode} (e.g.
   * 30003, unreachable handset). Without it a sandbox message stays SENT until the receipt timeout makes it UNKNOWN.
   */
  public void playReceipt(String providerMessageId, boolean delivered, String errorCode) {
    if (!messages.existsByProviderMessageId(providerMessageId)) {
      throw new io.waymark.platform.support.InvalidInputException("providerMessageId",
          "the sandbox sent no message '" + providerMessageId + "'");
    }
    receipts.record(new DeliveryReceipts.Report(provider.name(), providerMessageId,
        delivered ? "delivered" : "undelivered",
        delivered ? OutboundMessage.Status.DELIVERED : OutboundMessage.Status.UNDELIVERED,
        delivered ? null : errorCode, DeliveryReceipt.Source.CALLBACK));
  }

  /** One message the sandbox saw: OUT to a phone, or IN from one. */
  public record RecordedMessage(long id, String direction, String phone, String body, String providerMessageId,
      Instant recordedAt) {
  }
}
