package io.waymark.platform.messaging;

import io.waymark.platform.consent.ConsentEntry;
import io.waymark.platform.consent.ConsentLedger;
import io.waymark.platform.journey.JourneyRuns;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Why is this person getting this message right now?": the outbound message with the journey run that sent it (the
 * trigger event, the journey and version, the step), the consent ledger line the send rested on (with its evidence)
 * and the policy's verdict at the moment of sending, plus one sentence saying it all.
 */
@Service
public class MessageExplanations {

  private final OutboundMessageRepository ledger;
  private final JourneyRuns runs;
  private final ConsentLedger consent;
  private final List<MessageOrigin> origins;

  MessageExplanations(OutboundMessageRepository ledger, JourneyRuns runs, ConsentLedger consent,
      List<MessageOrigin> origins) {
    this.ledger = ledger;
    this.runs = runs;
    this.consent = consent;
    this.origins = origins;
  }

  @Transactional(readOnly = true)
  public Optional<Map<String, Object>> why(long messageId) {
    return ledger.findById(messageId).map(OutboundMessage::evidence).map(this::explain);
  }

  private Map<String, Object> explain(OutboundMessage.Evidence message) {
    Optional<JourneyRuns.Run> run = message.processInstanceKey() == null ? Optional.empty()
        : runs.findByInstance(message.processInstanceKey());
    Optional<MessageOrigin.Origin> origin = run.isPresent() || message.processInstanceKey() == null ? Optional.empty()
        : origins.stream().map(o -> o.originOf(message.processInstanceKey())).flatMap(Optional::stream).findFirst();
    Optional<ConsentEntry> basis = message.consentRecordId() == null ? Optional.empty()
        : consent.entry(message.consentRecordId());
    Map<String, Object> why = new LinkedHashMap<>();
    why.put("summary", summary(message, run, origin, basis));
    why.put("message", message);
    why.put("journey", run.map(r -> journey(r, message)).orElse(null));
    why.put("origin", origin.orElse(null));
    why.put("consent", basis.orElse(null));
    Map<String, Object> policy = new LinkedHashMap<>();
    policy.put("verdict", message.policyVerdict());
    policy.put("reason", message.policyReason());
    policy.put("decidedAt", message.decidedAt());
    policy.put("topic", message.topic());
    policy.put("messageClass", message.messageClass());
    why.put("policy", message.policyVerdict() == null ? null : policy);
    return why;
  }

  private static Map<String, Object> journey(JourneyRuns.Run run, OutboundMessage.Evidence message) {
    Map<String, Object> journey = new LinkedHashMap<>();
    journey.put("runId", run.id().value());
    journey.put("journey", run.processId());
    journey.put("version", run.version());
    journey.put("step", message.elementId());
    journey.put("trigger", Map.of("eventId", run.eventId(), "eventType", run.eventType(),
        "receivedAt", run.requestedAt()));
    journey.put("status", run.status());
    return journey;
  }

  private static String summary(OutboundMessage.Evidence message, Optional<JourneyRuns.Run> run,
      Optional<MessageOrigin.Origin> origin, Optional<ConsentEntry> basis) {
    StringBuilder text = new StringBuilder();
    if (message.policyVerdict() == null) {
      text.append("A compliance answer to the contact's own text (").append(message.topic())
          .append("): sent without a consent check, as the law expects.");
      return text.toString();
    }
    text.append(run.map(r -> "The " + r.eventType() + " event " + r.eventId() + " started journey " + r.processId()
            + (r.version() == null ? "" : " version " + r.version()) + "; its step " + message.elementId()
            + " sent this " + message.messageClass() + " message")
        .orElse(origin.map(o -> o.summary() + "; its step " + message.elementId() + " sent this "
            + message.messageClass() + " message")
            .orElse("This " + message.messageClass() + " message was sent outside any journey")));
    if (message.templateKey() != null) {
      text.append(" from template ").append(message.templateKey()).append(" v").append(message.templateVersion());
    }
    text.append(". ");
    text.append(basis.map(c -> "Consent: the contact's " + c.kind().replace('_', '-').toLowerCase() + " for "
            + c.topic() + " of " + c.occurredAt() + " via " + c.channel() + " (record " + c.id() + "). ")
        .orElse("No consent record was relied on. "));
    text.append("The send policy said ").append(message.policyVerdict())
        .append(message.policyReason() == null ? "" : " (" + message.policyReason() + ")")
        .append(" at ").append(message.decidedAt()).append('.');
    return text.toString();
  }
}
