package io.waymark.platform.consent;

import java.util.List;
import java.util.Locale;

/** How a classifier did on labelled replies: accuracy, per-class precision and recall, and the mistakes. */
final class ReplyScorecard {

  record Outcome(LabelledReply reply, ReplyClassification actual) {

    boolean correct() {
      return actual.replyClass() == reply.expected();
    }
  }

  private final List<Outcome> outcomes;

  private ReplyScorecard(List<Outcome> outcomes) {
    this.outcomes = outcomes;
  }

  static ReplyScorecard of(ReplyClassifier classifier, List<LabelledReply> replies) {
    return new ReplyScorecard(replies.stream().map(reply -> new Outcome(reply, reply.classifyWith(classifier)))
        .toList());
  }

  int size() {
    return outcomes.size();
  }

  long correct() {
    return outcomes.stream().filter(Outcome::correct).count();
  }

  double accuracy() {
    return outcomes.isEmpty() ? 0 : (double) correct() / outcomes.size();
  }

  List<Outcome> mistakes() {
    return outcomes.stream().filter(outcome -> !outcome.correct()).toList();
  }

  /** The replies labelled OPT_OUT that were classified as anything else: the mistakes that break the law. */
  List<Outcome> missedOptOuts() {
    return mistakes().stream().filter(outcome -> outcome.reply().expected() == ReplyClass.OPT_OUT).toList();
  }

  /** A table of precision and recall per class, then the wrong pairs with the rule that decided. */
  String report(String title) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "%n%s: %d/%d correct, accuracy %.1f%%%n", title, correct(), size(),
        100 * accuracy()));
    out.append(String.format(Locale.ROOT, "%-8s %8s %10s %8s %10s %8s%n", "class", "labelled", "predicted",
        "correct", "precision", "recall"));
    for (ReplyClass replyClass : ReplyClass.values()) {
      long labelled = outcomes.stream().filter(o -> o.reply().expected() == replyClass).count();
      long predicted = outcomes.stream().filter(o -> o.actual().replyClass() == replyClass).count();
      long hits = outcomes.stream().filter(o -> o.correct() && o.reply().expected() == replyClass).count();
      out.append(String.format(Locale.ROOT, "%-8s %8d %10d %8d %10s %8s%n", replyClass, labelled, predicted, hits,
          percent(hits, predicted), percent(hits, labelled)));
    }
    out.append("wrong (expected -> classified, by rule):").append(mistakes().isEmpty() ? " none" : "")
        .append(System.lineSeparator());
    for (Outcome mistake : mistakes()) {
      out.append(String.format(Locale.ROOT, "  %s -> %s  %s  by %s [%s]%n", mistake.reply().expected(),
          mistake.actual().replyClass(), mistake.reply(), mistake.actual().matchedRule(), mistake.reply().source()));
    }
    return out.toString();
  }

  private static String percent(long part, long whole) {
    return whole == 0 ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
  }
}
