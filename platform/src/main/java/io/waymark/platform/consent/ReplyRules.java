package io.waymark.platform.consent;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The classifier's vocabulary as matchers, built by {@link ReplyRuleFile}. Every method takes the reply as
 * {@link ReplyText#normalise normalised} text, except {@link #symbolIn}, which looks at the raw reply.
 */
final class ReplyRules {

  /** A rule that can decide a reply: its class, its name in the audit trail and its language. */
  record Rule(ReplyClass replyClass, String name, String language) {

    ReplyClassification classification() {
      return new ReplyClassification(replyClass, name, language);
    }
  }

  /** A regular expression over normalised text, matched on whole words. */
  record Phrase(Rule rule, Pattern pattern) {

    static Pattern onWholeWords(String regex) {
      return Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + regex + ")(?![\\p{L}\\p{N}])");
    }
  }

  private static final String BLANKED = " # ";

  private final Map<String, Rule> symbols;
  private final Map<String, Rule> keywords;
  private final Map<String, Rule> answers;
  private final Map<ReplyClass, List<Pattern>> exceptions;
  private final Map<ReplyClass, List<Phrase>> phrases;
  private final Pattern edgeFillers;

  ReplyRules(Map<String, Rule> symbols, Map<String, Rule> keywords, Map<String, Rule> answers,
      Map<ReplyClass, List<Pattern>> exceptions, Map<ReplyClass, List<Phrase>> phrases, Collection<String> fillers) {
    this.symbols = Collections.unmodifiableMap(new LinkedHashMap<>(symbols));
    this.keywords = Map.copyOf(keywords);
    this.answers = Map.copyOf(answers);
    this.exceptions = new EnumMap<>(ReplyClass.class);
    exceptions.forEach((replyClass, list) -> this.exceptions.put(replyClass, List.copyOf(list)));
    this.phrases = new EnumMap<>(ReplyClass.class);
    phrases.forEach((replyClass, list) -> this.phrases.put(replyClass, List.copyOf(list)));
    String anyFiller = fillers.stream().sorted((a, b) -> b.length() - a.length()).map(Pattern::quote)
        .collect(Collectors.joining("|", "(?:", ")"));
    this.edgeFillers = fillers.isEmpty() ? null
        : Pattern.compile("^(?:" + anyFiller + "(?: |$))+|(?:(?:^| )" + anyFiller + ")+$");
  }

  /** The first symbol rule (emoji) whose characters the raw reply contains, in file order. */
  Optional<Rule> symbolIn(String raw) {
    return symbols.entrySet().stream().filter(symbol -> raw.contains(symbol.getKey())).map(Map.Entry::getValue)
        .findFirst();
  }

  /** The keyword that the whole reply is, as it stands or without the filler words at its ends. */
  Optional<Rule> keyword(String normalised) {
    return exactly(keywords, normalised);
  }

  /** The answer word that the whole reply is, as it stands or without the filler words at its ends. */
  Optional<Rule> answerWord(String normalised) {
    return exactly(answers, normalised);
  }

  /** The first phrase of the class found in the reply, once the class's exceptions are blanked out. */
  Optional<Rule> phrase(ReplyClass replyClass, String normalised) {
    String text = normalised;
    for (Pattern exception : exceptions.getOrDefault(replyClass, List.of())) {
      text = exception.matcher(text).replaceAll(BLANKED);
    }
    String unexcepted = text;
    return phrases.getOrDefault(replyClass, List.of()).stream()
        .filter(phrase -> phrase.pattern().matcher(unexcepted).find()).map(Phrase::rule).findFirst();
  }

  /** Whether the text starts or ends with a filler word. */
  boolean hasEdgeFiller(String normalised) {
    return edgeFillers != null && edgeFillers.matcher(normalised).find();
  }

  Map<String, Rule> keywords() {
    return keywords;
  }

  private Optional<Rule> exactly(Map<String, Rule> words, String normalised) {
    Rule rule = words.get(normalised);
    if (rule == null && hasEdgeFiller(normalised)) {
      rule = words.get(edgeFillers.matcher(normalised).replaceAll("").strip());
    }
    return Optional.ofNullable(rule);
  }
}
