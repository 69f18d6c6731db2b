package io.waymark.workers.engine;

import io.camunda.client.CamundaClient;
import io.waymark.platform.messaging.InboundMessages;
import io.waymark.platform.messaging.SmsReceived;
import io.waymark.workflows.Messages;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Publishes every conversational inbound SMS (HOT, NOT_NOW, OTHER) as message {@code sms-reply} with its class,
 * correlated by contact id. The
 * message id makes a resubmission harmless; the time-to-live lets a reply that arrives a moment before the journey
 * waits still correlate, but is short, so an old reply never steers a later journey.
 */
@Component
class ReplyCorrelator {

  private final CamundaClient client;
  private final InboundMessages inbound;
  private final Duration timeToLive;

  ReplyCorrelator(CamundaClient client, InboundMessages inbound,
      @Value("${waymark.journeys.reply-ttl:PT5M}") Duration timeToLive) {
    this.client = client;
    this.inbound = inbound;
    this.timeToLive = timeToLive;
  }

  @ApplicationModuleListener
  void on(SmsReceived received) {
    if (!received.isConversational()) {
      return; // opt-outs stop journeys through ContactOptedOut; help and sign-ups are answered by consent
    }
    InboundMessages.Inbound message = inbound.find(received.inboundMessageId())
        .orElseThrow(() -> new IllegalStateException("no inbound message " + received.inboundMessageId()));
    client.newPublishMessageCommand()
        .messageName(Messages.SMS_REPLY)
        .correlationKey(Long.toString(received.contactId()))
        .messageId("inbound-" + message.id())
        .timeToLive(timeToLive)
        .variables(Map.of("replyText", message.body(), "replyMessageId", message.id(),
            "replyClass", received.replyClass()))
        .send().join();
  }
}
