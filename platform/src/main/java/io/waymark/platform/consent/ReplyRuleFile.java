package io.waymark.platform.consent;

import io.waymark.platform.consent.ReplyRules.Phrase;
import io.waymark.platform.consent.ReplyRules.Rule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads the classifier's vocabulary from a tab-separated resource ({@code class, kind, language, text}; the format is
 * described at the top of {@code consent/reply-rules.tsv}) and refuses a file it cannot trust, naming the line.
 */
final class ReplyRuleFile {

  private enum Kind { KEYWORD, PHRASE, EXCEPT, SYMBOL, ANSWER, FILLER }

  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}|und");
  private static final Pattern REGEX_ESCAPES = Pattern.compile("\\\\p\\{\\w+}|\\\\[A-Za-z]");
  private static final Pattern NOT_NORMALISED = Pattern.compile("[A-Z'’]|[^\\p{ASCII}]");

  private final String source;
  private final Map<String, Rule> symbols = new LinkedHashMap<>();
  private final Map<String, Rule> keywords = new LinkedHashMap<>();
  private final Map<String, Rule> answers = new LinkedHashMap<>();
  private final Map<ReplyClass, List<Pattern>> exceptions = new EnumMap<>(ReplyClass.class);
  private final Map<ReplyClass, List<Phrase>> phrases = new EnumMap<>(ReplyClass.class);
  private final Set<String> fillers = new LinkedHashSet<>();
  private final Map<String, Integer> keywordLines = new LinkedHashMap<>();

  private ReplyRuleFile(String source) {
    this.source = source;
  }

  /** Reads a UTF-8 classpath resource. */
  static ReplyRules load(String resource) {
    try (InputStream in = ReplyRuleFile.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + ": not on the classpath");
      }
      return parse(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
    } catch (IOException e) {
      throw new UncheckedIOException(resource + ": cannot be read", e);
    }
  }

  /** Parses the lines of a rule file; {@code source} names it in errors. */
  static ReplyRules parse(String source, List<String> lines) {
    ReplyRuleFile file = new ReplyRuleFile(source);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (!line.isEmpty() && !line.startsWith("#")) {
        file.add(i + 1, lines.get(i).split("\t", -1));
      }
    }
    return file.checked(new ReplyRules(file.symbols, file.keywords, file.answers, file.exceptions, file.phrases,
        file.fillers));
  }

  private void add(int number, String[] columns) {
    if (columns.length != 4) {
      throw error(number, "expected 4 tab-separated columns (class, kind, language, text), found " + columns.length);
    }
    Kind kind = kind(number, columns[1].strip());
    String language = columns[2].strip();
    if (!LANGUAGE.matcher(language).matches()) {
      throw error(number, "'" + language + "' is not a language (two lower-case letters or und)");
    }
    String text = columns[3].strip();
    if (kind == Kind.FILLER) {
      if (!columns[0].strip().equals("-")) {
        throw error(number, "a filler belongs to no class: write - in the class column");
      }
      fillers.add(words(number, text));
      return;
    }
    Rule rule = rule(number, replyClass(number, columns[0].strip(), kind), kind, language, text);
    switch (kind) {
      case SYMBOL -> symbols.put(text, rule);
      case KEYWORD -> {
        String word = words(number, text);
        unique(number, keywords, word, rule);
        keywordLines.put(word, number);
      }
      case ANSWER -> unique(number, answers, words(number, text), rule);
      case PHRASE -> phrases.computeIfAbsent(rule.replyClass(), c -> new ArrayList<>())
          .add(new Phrase(rule, regex(number, text)));
      case EXCEPT -> exceptions.computeIfAbsent(rule.replyClass(), c -> new ArrayList<>()).add(regex(number, text));
      default -> throw new IllegalStateException(kind.name());
    }
  }

  private Rule rule(int number, ReplyClass replyClass, Kind kind, String language, String text) {
    if (text.isEmpty()) {
      throw error(number, "the text column is empty");
    }
    String name = switch (kind) {
      case KEYWORD -> "keyword:" + ReplyText.normalise(text);
      case ANSWER -> "answer-word:" + ReplyText.normalise(text);
      default -> kind.name().toLowerCase(Locale.ROOT) + ":" + text;
    };
    return new Rule(replyClass, name, language);
  }

  private ReplyRules checked(ReplyRules rules) {
    List<ReplyClass> precedence = ReplyClassifier.PRECEDENCE;
    keywordLines.forEach((keyword, number) -> {
      if (rules.hasEdgeFiller(keyword)) {
        throw error(number, "keyword '" + keyword + "' starts or ends with a filler word, so it could never match");
      }
      ReplyClass replyClass = keywords.get(keyword).replyClass();
      for (ReplyClass before : precedence.subList(0, precedence.indexOf(replyClass))) {
        rules.phrase(before, keyword).ifPresent(phrase -> {
          throw error(number, "keyword '" + keyword + "' is also " + before + " by " + phrase.name()
              + ", which takes precedence");
        });
      }
    });
    return rules;
  }

  private Kind kind(int number, String kind) {
    try {
      return Kind.valueOf(kind.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw error(number, "'" + kind + "' is not a kind (keyword, phrase, except, symbol, answer, filler)");
    }
  }

  private ReplyClass replyClass(int number, String name, Kind kind) {
    ReplyClass replyClass;
    try {
      replyClass = ReplyClass.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw error(number, "'" + name + "' is not a reply class");
    }
    if (replyClass == ReplyClass.OTHER) {
      throw error(number, "OTHER takes no rules: it is what no rule claims");
    }
    if (replyClass == ReplyClass.OPT_IN && kind != Kind.KEYWORD && kind != Kind.ANSWER) {
      throw error(number, "OPT_IN is decided by exact keywords only, not by a " + kind.name().toLowerCase(Locale.ROOT));
    }
    return replyClass;
  }

  private String words(int number, String text) {
    String words = ReplyText.normalise(text);
    if (words.isEmpty()) {
      throw error(number, "'" + text + "' has no letters or digits");
    }
    return words;
  }

  private Pattern regex(int number, String regex) {
    if (NOT_NORMALISED.matcher(REGEX_ESCAPES.matcher(regex).replaceAll("")).find()) {
      throw error(number, "'" + regex + "' can never match normalised text: write it lower-case, without accents "
          + "or apostrophes");
    }
    try {
      return Phrase.onWholeWords(regex);
    } catch (PatternSyntaxException e) {
      throw error(number, "'" + regex + "' is not a regular expression: " + e.getDescription());
    }
  }

  private void unique(int number, Map<String, Rule> words, String word, Rule rule) {
    Rule earlier = words.putIfAbsent(word, rule);
    if (earlier != null) {
      throw error(number, "'" + word + "' is already " + earlier.replyClass() + " (" + earlier.name() + ")");
    }
  }

  private IllegalStateException error(int number, String problem) {
    return new IllegalStateException(source + ":" + number + ": " + problem);
  }
}
