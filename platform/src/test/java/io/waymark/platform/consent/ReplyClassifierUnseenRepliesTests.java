package io.waymark.platform.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Replies the rules were not written from, in English, Spanish, French and German ({@code unseen-replies.tsv}). */
class ReplyClassifierUnseenRepliesTests {

  private static final ReplyClassifier classifier = new ReplyClassifier();

  static List<LabelledReply> unseenReplies() {
    return LabelledReply.read("fixtures/unseen-replies.tsv");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unseenReplies")
  void classifiesAReplyOutsideTheFixture(LabelledReply reply) {
    ReplyClassification classification = reply.classifyWith(classifier);
    assertThat(classification.replyClass()).as("%s, decided by %s", reply, classification.matchedRule())
        .isEqualTo(reply.expected());
  }

  @Test
  void sharesNoReplyWithTheFixtureAndPrintsItsScore() {
    ReplyScorecard scorecard = ReplyScorecard.of(classifier, unseenReplies());
    System.out.println(scorecard.report("Reply classifier on fixtures/unseen-replies.tsv"));

    Set<String> fixture = LabelledReply.read("fixtures/replies.tsv").stream().map(LabelledReply::toString)
        .map(reply -> reply.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    assertThat(unseenReplies()).hasSizeGreaterThanOrEqualTo(40)
        .filteredOn(reply -> fixture.contains(reply.toString().toLowerCase(Locale.ROOT))).isEmpty();
    assertThat(scorecard.missedOptOuts()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(ReplyClass.class)
  void holdsSeveralRepliesOfEachClass(ReplyClass replyClass) {
    assertThat(unseenReplies()).filteredOn(reply -> reply.expected() == replyClass).hasSizeGreaterThanOrEqualTo(5);
  }
}
