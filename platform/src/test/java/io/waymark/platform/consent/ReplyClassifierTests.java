package io.waymark.platform.consent;

import static io.waymark.platform.consent.ReplyClass.HELP;
import static io.waymark.platform.consent.ReplyClass.HOT;
import static io.waymark.platform.consent.ReplyClass.NOT_NOW;
import static io.waymark.platform.consent.ReplyClass.OPT_IN;
import static io.waymark.platform.consent.ReplyClass.OPT_OUT;
import static io.waymark.platform.consent.ReplyClass.OTHER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReplyClassifierTests {

  private static final Map<String, ReplyClass> YES_OR_LATER = Map.of("1", HOT, "2", NOT_NOW);

  private final ReplyClassifier classifier = new ReplyClassifier();

  @Test
  void classifiesEveryOptOutOfTheFixtureAsOptOut() {
    ReplyScorecard scorecard = ReplyScorecard.of(classifier, LabelledReply.read("fixtures/replies.tsv"));

    assertThat(scorecard.missedOptOuts()).isEmpty();
  }

  @Test
  void classifiesAtLeast95PercentOfTheFixtureCorrectly() {
    ReplyScorecard scorecard = ReplyScorecard.of(classifier, LabelledReply.read("fixtures/replies.tsv"));
    System.out.println(scorecard.report("Reply classifier on fixtures/replies.tsv"));

    assertThat(scorecard.size()).isGreaterThanOrEqualTo(60);
    assertThat(scorecard.accuracy()).isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void namesTheKeywordOrPhraseThatDecidedAndItsLanguage() {
    assertThat(classifier.classify(" STOP ")).isEqualTo(new ReplyClassification(OPT_OUT, "keyword:stop", "en"));
    assertThat(classifier.classify("Arrêt !")).isEqualTo(new ReplyClassification(OPT_OUT, "keyword:arret", "fr"));
    assertThat(classifier.classify("Hilfe")).isEqualTo(new ReplyClassification(HELP, "keyword:hilfe", "de"));
    assertThat(classifier.classify("bitte keine SMS mehr"))
        .satisfies(c -> assertThat(c.matchedRule()).startsWith("phrase:keine"))
        .extracting(ReplyClassification::replyClass, ReplyClassification::language).containsExactly(OPT_OUT, "de");
    assertThat(classifier.classify("🛑")).isEqualTo(new ReplyClassification(OPT_OUT, "symbol:🛑", "und"));
    assertThat(classifier.classify("What time do you close?"))
        .isEqualTo(new ReplyClassification(OTHER, "none", "und"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Yes, call me. Actually no, stop", "help, stop", "How much? Unsubscribe me",
      "START... no wait, STOP", "not now, remove me", "Interested but wrong number", "👍 stop"})
  void letsAnOptOutBeatEveryOtherSignal(String reply) {
    assertThat(classifier.classify(reply).replyClass()).isEqualTo(OPT_OUT);
    assertThat(classifier.classify(reply, YES_OR_LATER).replyClass()).isEqualTo(OPT_OUT);
  }

  @Test
  void keepsStopByBusStopAndDontStopFromCountingAsOptOutsButNotTheOptOutsBesideThem() {
    assertThat(classifier.classify("I'll stop by tomorrow").replyClass()).isEqualTo(OTHER);
    assertThat(classifier.classify("Arrêt de bus fermé ?").replyClass()).isEqualTo(OTHER);
    assertThat(classifier.classify("Don't stop the deals coming :)").replyClass()).isEqualTo(OTHER);
    assertThat(classifier.classify("I'll stop by tomorrow, but stop texting me").replyClass()).isEqualTo(OPT_OUT);
    assertThat(classifier.classify("the bus stop near you is closed. STOP").replyClass()).isEqualTo(OPT_OUT);
  }

  /**
   * Only the known harmless uses of "stop" are excepted; any other "stop" is read as an opt-out, because a missed
   * opt-out breaks the law while a wrong one costs a confirmation text and a lead (FCC: any reasonable means).
   */
  @ParameterizedTest
  @ValueSource(strings = {"I'll swing by and stop at the counter", "what time do the deliveries stop?"})
  void leansToOptOutWhenAStopIsNotAKnownHarmlessUse(String reply) {
    assertThat(classifier.classify(reply).replyClass()).isEqualTo(OPT_OUT);
  }

  @ParameterizedTest
  @CsvSource({"START, OPT_IN", "unstop, OPT_IN", "Subscribe!, OPT_IN", "sign me up, HOT", "YES, HOT",
      "yes please, HOT", "start the demo, HOT", "Can we start next month?, NOT_NOW"})
  void takesOnlyExactKeywordsForOptIn(String reply, ReplyClass expected) {
    assertThat(classifier.classify(reply).replyClass()).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"I'm interested|HOT", "not interested|NOT_NOW", "not really interested|NOT_NOW",
      "Me interesa|HOT", "No me interesa|NOT_NOW", "Ich habe Interesse|HOT", "Kein Interesse|NOT_NOW"})
  void tellsInterestFromItsNegation(String reply, ReplyClass expected) {
    assertThat(classifier.classify(reply).replyClass()).isEqualTo(expected);
  }

  @Test
  void matchesPromptAnswerKeysIgnoringCaseEdgePunctuationAndBlanks() {
    Map<String, ReplyClass> answers = Map.of("A", HOT, "b", NOT_NOW);

    assertThat(classifier.classify(" a! ", answers)).isEqualTo(new ReplyClassification(HOT, "answer:A", "und"));
    assertThat(classifier.classify("B.", answers)).isEqualTo(new ReplyClassification(NOT_NOW, "answer:b", "und"));
    assertThat(classifier.classify("1!", YES_OR_LATER).replyClass()).isEqualTo(HOT);
    assertThat(classifier.classify("a b", answers).replyClass()).isEqualTo(OTHER);
    assertThat(classifier.classify("3", YES_OR_LATER).replyClass()).isEqualTo(OTHER);
  }

  @Test
  void readsYesAndLaterWordsAsAnswersOnlyWhenThePromptHasSuchAnAnswer() {
    assertThat(classifier.classify("Sure", YES_OR_LATER))
        .isEqualTo(new ReplyClassification(HOT, "answer-word:sure", "en"));
    assertThat(classifier.classify("ok!", YES_OR_LATER).replyClass()).isEqualTo(HOT);
    assertThat(classifier.classify("not now", YES_OR_LATER).matchedRule()).isEqualTo("answer-word:not now");
    assertThat(classifier.classify("Sure", Map.of("1", HELP, "2", NOT_NOW)).replyClass()).isEqualTo(OTHER);
    assertThat(classifier.classify("ok").replyClass()).isEqualTo(OTHER);
    assertThat(classifier.classify("who is this?", YES_OR_LATER).replyClass()).isEqualTo(HELP);
    assertThat(classifier.classify("later", null).replyClass()).isEqualTo(NOT_NOW);
  }

  @Test
  void rejectsPromptAnswersWithoutAKeyOrAClass() {
    Map<String, ReplyClass> withoutClass = new HashMap<>(Map.of("1", HOT));
    withoutClass.put("2", null);

    assertThatIllegalArgumentException().isThrownBy(() -> classifier.classify("1", withoutClass))
        .withMessageContaining("answers:");
    assertThat(classifier.classify("stop", withoutClass).replyClass()).isEqualTo(OPT_OUT);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "\n", "👍", "🙂🙂", "?!"})
  void classifiesEmptyAndEmojiOnlyRepliesAsOther(String reply) {
    assertThat(classifier.classify(reply)).isEqualTo(new ReplyClassification(OTHER, "none", "und"));
  }

  @Test
  void classifiesAMissingReplyAsOther() {
    assertThat(classifier.classify(null).replyClass()).isEqualTo(OTHER);
    assertThat(classifier.classify(null, YES_OR_LATER).replyClass()).isEqualTo(OTHER);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "OPT_OUT\tkeyword\ten|expected 4 tab-separated columns (class, kind, language, text), found 3",
      "MAYBE\tkeyword\ten\tperhaps|'MAYBE' is not a reply class",
      "OTHER\tkeyword\ten\tlol|OTHER takes no rules",
      "OPT_IN\tphrase\ten\tstart|OPT_IN is decided by exact keywords only",
      "HELP\tkeyword\tenglish\thelp|'english' is not a language",
      "HELP\tsynonym\ten\thelp|'synonym' is not a kind",
      "HOT\tphrase\ten\tintéressé|can never match normalised text",
      "HOT\tphrase\ten\t(how much|is not a regular expression",
      "HOT\tkeyword\ten\tstop|'stop' is already OPT_OUT (keyword:stop)",
      "NOT_NOW\tkeyword\ten\tno stop|is also OPT_OUT by phrase:stop",
      "NOT_NOW\tkeyword\ten\tno please|starts or ends with a filler word"})
  void refusesARuleFileItCannotTrustNamingTheLine(String badLine, String problem) {
    List<String> lines = List.of("# a comment", "OPT_OUT\tkeyword\ten\tSTOP", "OPT_OUT\tphrase\ten\tstop",
        "-\tfiller\ten\tplease", badLine);

    assertThatIllegalStateException().isThrownBy(() -> ReplyRuleFile.parse("test.tsv", lines))
        .withMessageStartingWith("test.tsv:5: ").withMessageContaining(problem);
  }
}
