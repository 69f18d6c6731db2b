package io.waymark.platform.messaging;

import io.waymark.platform.contact.ContactId;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Sends the compliance answer consent chose for an inbound text, after the receiving transaction committed. */
@Component
class ComplianceAnswers {

  private final InboundMessages inbound;
  private final SmsSender sender;

  ComplianceAnswers(InboundMessages inbound, SmsSender sender) {
    this.inbound = inbound;
    this.sender = sender;
  }

  @ApplicationModuleListener
  void on(SmsReceived received) {
    if (!received.answered()) {
      return;
    }
    InboundMessages.Inbound message = inbound.find(received.inboundMessageId()).orElseThrow();
    sender.sendComplianceAnswer("answer:" + message.id(), new ContactId(received.contactId()), message.answer());
  }
}
