package io.waymark.platform.policy;

import io.waymark.platform.consent.ConsentLedger;
import io.waymark.platform.contact.ContactDirectory;
import io.waymark.platform.contact.ContactId;
import io.waymark.platform.contact.ContactView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides whether a message may go out now: SEND, DEFER until an instant, or SUPPRESS with a stable reason code (see
 * {@link SendDecision}). In order: the message class must be known ({@link MessageClass}); the contact must exist
 * ({@code UNKNOWN_CONTACT}) and hold an opt-in for the topic ({@code NO_CONSENT}); then expiry, frequency caps and
 * quiet hours in the recipient's zone as {@link SendRuleEngine} describes, from the rules table
 * {@code policy/send-rules.tsv} and {@code waymark.policy.caps}. {@code now} always comes in the request.
 */
@Service
@EnableConfigurationProperties(PolicyProperties.class)
public class SendPolicy {

  private static final Logger LOG = LoggerFactory.getLogger(SendPolicy.class);

  private final ContactDirectory contacts;
  private final ConsentLedger consent;
  private final ObjectProvider<SendHistory> histories;
  private final SendRuleEngine engine;
  private final AtomicBoolean warnedNoHistory = new AtomicBoolean();

  SendPolicy(ContactDirectory contacts, ConsentLedger consent, ObjectProvider<SendHistory> histories,
      PolicyProperties properties, ResourceLoader resources) {
    this.contacts = contacts;
    this.consent = consent;
    this.histories = histories;
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
    if (!consent.hasOptIn(request.contact(), request.topic())) {
      return SendDecision.suppress(SendDecision.NO_CONSENT);
    }
    Ruling ruling = engine.decide(request, messageClass, Recipient.of(contact.get()), history());
    LOG.debug("Contact {}, {} on {} at {}: {} {}", request.contact(), messageClass.id(), request.topic(),
        request.now(), ruling.decision().verdict(), ruling.detail());
    return ruling.decision();
  }

  private SendHistory history() {
    SendHistory history = histories.getIfAvailable();
    if (history != null) {
      return history;
    }
    if (warnedNoHistory.compareAndSet(false, true)) {
      LOG.warn("No SendHistory bean: frequency caps cannot be counted and are NOT enforced");
    }
    return NoHistory.INSTANCE;
  }

  /** Stands in until a module implements {@link SendHistory}: nothing was ever sent. */
  private enum NoHistory implements SendHistory {
    INSTANCE;

    @Override
    public long countSent(ContactId contact, String messageClass, String topic, Instant since) {
      return 0;
    }

    @Override
    public Optional<Instant> oldestSentSince(ContactId contact, String messageClass, String topic, Instant since) {
      return Optional.empty();
    }
  }
}
