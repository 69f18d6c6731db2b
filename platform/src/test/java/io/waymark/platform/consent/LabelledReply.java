package io.waymark.platform.consent;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of a labelled reply fixture: {@code CLASS<TAB>text}, where the text may start with the answers of the
 * prompt it replies to, {@code [1=HOT,2=NOT_NOW] 1}. Lines starting with {@code #} are comments.
 */
record LabelledReply(ReplyClass expected, String text, Map<String, ReplyClass> answers, String source) {

  private static final Pattern PROMPT = Pattern.compile("\\[([^]]*)] (.*)", Pattern.DOTALL);

  /** Reads a UTF-8 fixture from the test classpath, keeping each reply's blanks as they are. */
  static List<LabelledReply> read(String resource) {
    try (InputStream in = LabelledReply.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the test classpath");
      }
      List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
      List<LabelledReply> replies = new ArrayList<>();
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        if (!line.isBlank() && !line.startsWith("#")) {
          replies.add(parse(line, resource + ":" + (i + 1)));
        }
      }
      return replies;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static LabelledReply parse(String line, String source) {
    int tab = line.indexOf('\t');
    if (tab < 0) {
      throw new IllegalStateException(source + ": expected CLASS<TAB>text");
    }
    ReplyClass expected = ReplyClass.valueOf(line.substring(0, tab));
    String text = line.substring(tab + 1);
    Map<String, ReplyClass> answers = new LinkedHashMap<>();
    Matcher prompt = PROMPT.matcher(text);
    if (prompt.matches()) {
      for (String answer : prompt.group(1).split(",")) {
        String[] keyAndClass = answer.split("=", 2);
        answers.put(keyAndClass[0].strip(), ReplyClass.valueOf(keyAndClass[1].strip()));
      }
      text = prompt.group(2);
    }
    return new LabelledReply(expected, text, Map.copyOf(answers), source);
  }

  /** Classifies as the caller would: with the prompt's answers when there are some. */
  ReplyClassification classifyWith(ReplyClassifier classifier) {
    return answers.isEmpty() ? classifier.classify(text) : classifier.classify(text, answers);
  }

  @Override
  public String toString() {
    return (answers.isEmpty() ? "" : answers + " ") + "'" + text + "' is " + expected;
  }
}
