package io.waymark.platform.policy;

import io.waymark.platform.consent.ConsentLedger;
import io.waymark.platform.consent.ConsentPermit;
import io.waymark.platform.contact.ContactDirectory;
import io.waymark.platform.contact.ContactId;
import io.waymark.platform.contact.ContactView;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
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
  private final List<RuleView> rules;
  private final List<CapView> caps;

  SendPolicy(ContactDirectory contacts, ConsentLedger consent, SendHistory history,
      PolicyProperties properties, ResourceLoader resources) {
    this.contacts = contacts;
    this.consent = consent;
    this.history = history;
    List<FrequencyCap> caps = new ArrayList<>();
    for (int i = 0; i < properties.caps().size(); i++) {
      caps.add(FrequencyCap.of(properties.caps().get(i), "waymark.policy.caps[" + i + "]"));
    }
    SendRules table = SendRules.load(resources.getResource(properties.rules()));
    this.engine = new SendRuleEngine(table, caps);
    this.rules = table.rules().stream().map(SendPolicy::view).toList();
    this.caps = caps.stream().map(c -> new CapView(c.messageClass().id(), c.topic() == null ? "*" : c.topic(), c.max(),
        c.window(), c.source())).toList();
  }

  /** The rules table in force (quiet-hour windows and legal caps), row by row as loaded at start. */
  public List<RuleView> rules() {
    return rules;
  }

  /** The configured frequency caps ({@code waymark.policy.caps}), counted on top of the table's caps. */
  public List<CapView> caps() {
    return caps;
  }

  /**
   * One row of the rules table: its line, scope ("*", "US", "US-FL"), message classes, window ("08:00-21:00", null
   * for none), days ("every day" or "MON, TUE"), cap ("3 per PT24H", null for none) and source.
   */
  public record RuleView(int line, String scope, List<String> classes, String window, String days, String cap,
      String source) {
  }

  /** A configured cap: at most {@code max} of {@code messageClass} on {@code topic} ("*": all) per {@code window}. */
  public record CapView(String messageClass, String topic, int max, Duration window, String key) {
  }

  private static RuleView view(SendRule rule) {
    LocalWindow window = rule.window();
    String days = window == null ? null : window.days().equals(LocalWindow.EVERY_DAY) ? "every day"
        : window.days().stream().sorted().map(DayOfWeek::name).map(d -> d.substring(0, 3))
            .collect(Collectors.joining(", "));
    return new RuleView(rule.line(), rule.scope(), rule.classes().stream().sorted().map(MessageClass::id).toList(),
        window == null ? null : window.start() + "-" + window.end(), days,
        rule.cap() == null ? null : rule.cap().max() + " per " + rule.cap().per(), rule.source());
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
