package io.waymark.platform.consent;

import io.waymark.platform.contact.ContactView;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Consent's reading of every inbound SMS, in the receiving transaction: a sign-up keyword starts a double opt-in,
 * YES confirms a pending one; otherwise the {@link ReplyClassifier} decides. OPT_OUT is recorded at once with the raw
 * text (and stops every journey of the contact through {@link ContactOptedOut}); START re-subscribes; HELP gets the
 * brand's help text. The caller sends the returned answer.
 */
@Service
@EnableConfigurationProperties(ConsentProperties.class)
public class ReplyHandling {

  private static final Set<String> CONFIRMATIONS = Set.of("YES", "Y", "YES!", "SI", "SÍ", "OUI", "JA");

  private final ReplyClassifier classifier;
  private final ConsentLedger ledger;
  private final KeywordSignupRepository signups;
  private final ConsentProperties properties;
  private final Clock clock;

  ReplyHandling(ReplyClassifier classifier, ConsentLedger ledger, KeywordSignupRepository signups,
      ConsentProperties properties, Clock clock) {
    this.classifier = classifier;
    this.ledger = ledger;
    this.signups = signups;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * @param messageId the provider's id of the inbound message (the evidence reference)
   * @param to the Waymark number it was sent to, when known
   * @param answers the answer map of the prompt the contact replies to (may be empty)
   */
  @Transactional
  public ReplyOutcome handle(ContactView contact, String text, String messageId, String to,
      Map<String, ReplyClass> answers, Instant receivedAt) {
    String word = text.strip().toUpperCase(Locale.ROOT);
    Optional<ConsentProperties.Keyword> keyword = properties.keywords().stream()
        .filter(k -> k.keyword().equalsIgnoreCase(word) && (k.number() == null || k.number().equals(to)))
        .findFirst();
    if (keyword.isPresent()) {
      return startSignup(contact, keyword.get(), messageId);
    }
    Optional<KeywordSignup> pending = signups.findFirstByPhoneAndStatusAndExpiresAtAfterOrderByIdDesc(
        contact.phone(), "PENDING", clock.instant());
    if (pending.isPresent() && CONFIRMATIONS.contains(word)) {
      return confirmSignup(contact, pending.get(), text, messageId, receivedAt);
    }
    ReplyClassification classification = classifier.classify(text, answers);
    return switch (classification.replyClass()) {
      case OPT_OUT -> {
        ledger.recordRevocation(new Revocation(contact.id(), contact.phone(), properties.brand(), List.of(), "sms",
            text, receivedAt, "sms:" + messageId, properties.optOutConfirmation()));
        yield outcome(classification, ReplyOutcome.Action.OPTED_OUT, properties.optOutConfirmation());
      }
      case OPT_IN -> ledger.resubscribe(contact.id(), contact.phone(), properties.brand(), text, "sms:" + messageId,
          receivedAt).isEmpty()
          ? outcome(classification, ReplyOutcome.Action.NONE, null)
          : outcome(classification, ReplyOutcome.Action.RESUBSCRIBED, properties.optInConfirmation());
      case HELP -> outcome(classification, ReplyOutcome.Action.HELP, properties.helpText());
      default -> outcome(classification, ReplyOutcome.Action.NONE, null);
    };
  }

  private ReplyOutcome startSignup(ContactView contact, ConsentProperties.Keyword keyword, String messageId) {
    String prompt = keyword.disclosure().strip() + " Reply YES to confirm.";
    Instant now = clock.instant();
    signups.save(new KeywordSignup(contact.phone(), properties.brand(), keyword.keyword().toUpperCase(Locale.ROOT),
        keyword.topics(), messageId, prompt, now, now.plus(properties.signupWindow())));
    return new ReplyOutcome(ReplyClass.OPT_IN, "keyword:" + keyword.keyword(), ReplyOutcome.Action.SIGNUP_STARTED,
        prompt);
  }

  private ReplyOutcome confirmSignup(ContactView contact, KeywordSignup signup, String text, String messageId,
      Instant receivedAt) {
    ledger.recordOptIn(new OptIn(contact.id(), contact.phone(), signup.brand(), signup.topics(), "keyword",
        signup.promptText() + "\n> " + text, null,
        new ConsentSource(null, null, null, signup.keywordMessageId() + "," + messageId, null),
        "keyword-signup:" + signup.id(), receivedAt));
    signup.confirm(messageId, clock.instant());
    return new ReplyOutcome(ReplyClass.OPT_IN, "keyword-confirmation", ReplyOutcome.Action.SIGNUP_CONFIRMED,
        properties.optInConfirmation());
  }

  private static ReplyOutcome outcome(ReplyClassification classification, ReplyOutcome.Action action, String answer) {
    return new ReplyOutcome(classification.replyClass(), classification.matchedRule(), action, answer);
  }
}
