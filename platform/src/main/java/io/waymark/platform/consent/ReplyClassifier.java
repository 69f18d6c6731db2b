package io.waymark.platform.consent;

import static io.waymark.platform.consent.ReplyClass.HELP;
import static io.waymark.platform.consent.ReplyClass.HOT;
import static io.waymark.platform.consent.ReplyClass.NOT_NOW;
import static io.waymark.platform.consent.ReplyClass.OPT_IN;
import static io.waymark.platform.consent.ReplyClass.OPT_OUT;
import static io.waymark.platform.consent.ReplyClass.OTHER;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Classifies inbound SMS replies as {@link ReplyClass}es with plain rules kept as data in
 * {@code consent/reply-rules.tsv} (English, Spanish, French, German), read once when the classifier is built.
 *
 * <p>A reply is {@link ReplyText#normalise normalised} (apostrophes dropped, accents folded, lower-cased,
 * punctuation and emoji turned into spaces) and then decided in this order; the first step that matches wins:
 * <ol>
 *   <li><b>OPT_OUT</b>, beating every other signal, because under the FCC's rule consent may be revoked by any
 *       reasonable means: an opt-out symbol in the raw text (🛑), then the reply being exactly an opt-out keyword
 *       (STOP, ARRÊT, "stop please"), then an opt-out phrase anywhere ("please stop texting me", "keine SMS mehr").
 *       Phrases are tried after the patterns that are not opt-outs are blanked out ("stop by", "bus stop",
 *       "don't stop", "non-stop"), so "I'll stop by, but stop texting me" is still an opt-out.</li>
 *   <li>The reply being exactly a keyword of another class (HELP, START, YES, LATER): a single keyword is the
 *       strongest signal. The rule file is refused at start-up if such a keyword would also match a phrase of a
 *       class earlier in this list, so this step never overrides the order below.</li>
 *   <li><b>HELP</b> phrases ("who is this?"), then <b>OPT_IN</b>, which has keywords only (so "sign me up" is not an
 *       opt-in), then <b>HOT</b> phrases ("how much", "book a demo"; not "not interested"), then <b>NOT_NOW</b>
 *       phrases ("not right now", "no thanks").</li>
 *   <li><b>OTHER</b>: whatever no rule claims, including empty, missing and emoji-only replies.</li>
 * </ol>
 *
 * <p>A reply to a prompt with answers ({@link #classify(String, Map)}) is an opt-out if the free text says so;
 * otherwise an answer key of the prompt, then a yes or later word for which the prompt has an answer, then the free
 * text decides.
 */
@Component
public class ReplyClassifier {

  /** The order in which classes claim a reply; see the class comment. */
  static final List<ReplyClass> PRECEDENCE = List.of(OPT_OUT, HELP, OPT_IN, HOT, NOT_NOW, OTHER);

  static final String RULES = "consent/reply-rules.tsv";

  private static final ReplyClassification UNCLAIMED = new ReplyClassification(OTHER, "none", "und");
  private static final String ANSWER_LANGUAGE = "und";

  private final ReplyRules rules;

  /** Reads the rules from {@value #RULES}; fails naming the line if the file is broken. */
  public ReplyClassifier() {
    this(ReplyRuleFile.load(RULES));
  }

  ReplyClassifier(ReplyRules rules) {
    this.rules = rules;
  }

  /** Classifies a free-text reply. {@code null} and blank replies are {@link ReplyClass#OTHER}. */
  public ReplyClassification classify(String text) {
    String raw = text == null ? "" : text;
    String normalised = ReplyText.normalise(raw);
    return optOut(raw, normalised)
        .or(() -> rules.keyword(normalised))
        .or(() -> PRECEDENCE.stream().filter(c -> c != OPT_OUT)
            .map(c -> rules.phrase(c, normalised)).flatMap(Optional::stream).findFirst())
        .map(ReplyRules.Rule::classification)
        .orElse(UNCLAIMED);
  }

  /**
   * Classifies a reply to a prompt such as "Reply 1 for yes, 2 for later", whose {@code answers} map each answer key
   * to its class ({@code {"1": HOT, "2": NOT_NOW}}). An opt-out in the text wins. Otherwise a reply that is an answer
   * key, once edge punctuation and blanks are trimmed and case ignored ({@code " 1."}, {@code "1!"}), takes that key's
   * class; a yes word ({@code yes}, {@code y}, {@code sure}, {@code ok}, ...) takes HOT and a later word
   * ({@code later}, {@code not now}, ...) NOT_NOW, if the prompt has an answer of that class; anything else is
   * classified as free text. {@code null} or empty answers classify as free text. An opt-out is returned before the
   * answers are looked at, so a malformed map never holds one up.
   *
   * @throws IllegalArgumentException if an answer has no key or no class
   */
  public ReplyClassification classify(String text, Map<String, ReplyClass> answers) {
    ReplyClassification freeText = classify(text);
    if (freeText.replyClass() == OPT_OUT || answers == null || answers.isEmpty()) {
      return freeText;
    }
    answers.forEach((answerKey, replyClass) -> {
      if (answerKey == null || replyClass == null) {
        throw new IllegalArgumentException("answers: " + answerKey + " -> " + replyClass + " needs a key and a class");
      }
    });
    String key = ReplyText.answerKey(text);
    for (Map.Entry<String, ReplyClass> answer : answers.entrySet()) {
      if (!key.isEmpty() && ReplyText.answerKey(answer.getKey()).equals(key)) {
        return new ReplyClassification(answer.getValue(), "answer:" + answer.getKey(), ANSWER_LANGUAGE);
      }
    }
    return rules.answerWord(ReplyText.normalise(text))
        .filter(word -> answers.containsValue(word.replyClass()))
        .map(ReplyRules.Rule::classification)
        .orElse(freeText);
  }

  private Optional<ReplyRules.Rule> optOut(String raw, String normalised) {
    return rules.symbolIn(raw)
        .or(() -> rules.keyword(normalised).filter(rule -> rule.replyClass() == OPT_OUT))
        .or(() -> rules.phrase(OPT_OUT, normalised));
  }
}
