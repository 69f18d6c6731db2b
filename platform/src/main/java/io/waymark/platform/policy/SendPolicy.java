package io.waymark.platform.policy;

import io.waymark.platform.consent.ConsentLedger;
import io.waymark.platform.consent.ConsentPermit;
import io.waymark.platform.contact.ContactDirectory;
import io.waymark.platform.contact.ContactId;
import io.waymark.platform.contact.ContactView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides whether a message may go out now: SEND, DEFER until an instant, or SUPPRESS with a stable reason code (see
 * {@link SendDecision}). In order: the message class must be known ({@link MessageClass}); the contact must exist
 * ({@code UNKNOWN_CONTACT}), be off the suppression list ({@code SUPPRESSED}) and hold an opt-in for
 * the topic that no revocation followed ({@code NO_CONSENT}, {@code OPTED_OUT}); then expiry, frequency caps and
 * quiet hours in the recipient's zone as {@link SendRuleEngine} describes, from the rules table
 * {@code policy/send-rules.tsv} and {@code waymark.policy.caps}. {@code now} always comes in the request.
 */
@Service
@EnableConfigurationProperties(PolicyProperties.class)
public class SendPolicy {

  private static final Logger LOG = LoggerFactory.getLogger(SendPolicy.class);

  private final ContactDirectory contacts;
  private final ConsentLedger consent;
  private final SendHistory history;
  private final SendRuleEngine engine;

  SendPolicy(ContactDirectory contacts, ConsentLedger consent, SendHistory history,
      PolicyProperties properties, ResourceLoader resources) {
    this.contacts = contacts;
    this.consent = consent;
    this.history = history;
    List<FrequencyCap> caps = new ArrayList<>();
    for (int i = 0; i < properties.caps().size(); i++) {
      caps.add(FrequencyCap.of(properties.caps().get(i), "waymark.policy.caps[" + i + "]"));
    }
    this.engine = new SendRuleEngine(SendRules.load(resources.getResource(properties.rules())), caps);
  }

  /** The same as {@link #decide(SendRequest)} without an expiry. */
  @Transactional(readOnly = true)
  public SendDecision decide(ContactId contact, String topic, String messageClass, Instant now) {
    return decide(new SendRequest(contact, topic, messageClass, now, null));
  }

  /**
   * The decision for {@code request}. An unknown message class is an
   * {@link io.waymark.platform.support.InvalidInputException} on {@code messageClass}.
   */
  @Transactional(readOnly = true)
  public SendDecision decide(SendRequest request) {
    MessageClass messageClass = MessageClass.parse(request.messageClass());
    Optional<ContactView> contact = contacts.find(request.contact());
    if (contact.isEmpty()) {
      return SendDecision.suppress(SendDecision.UNKNOWN_CONTACT);
    }
    ConsentPermit permit = consent.permits(contact.get(), request.topic());
    if (!permit.allowed()) {
      return SendDecision.suppress(permit.reason()).basedOn(permit.recordId());
    }
    Ruling ruling = engine.decide(request, messageClass, Recipient.of(contact.get()), history);
    LOG.debug("Contact {}, {} on {} at {}: {} {}", request.contact(), messageClass.id(), request.topic(),
        request.now(), ruling.decision().verdict(), ruling.detail());
    return ruling.decision().basedOn(permit.recordId());
  }
}
