package io.waymark.workers.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TriggerCheckTests {

  @Test
  void refusesATriggerThatStartsASubJourneyAndAcceptsJourneys() {
    assertThat(TriggerCheck.problems(Map.of("lead.created", "lead-follow-up", "pricing.viewed", "buyer-intent")))
        .isEmpty();
    assertThat(TriggerCheck.problems(Map.of("lead.hot", "hot-lead-handoff", "lead.created", "lead-follow-up")))
        .containsExactly("waymark.journeys.triggers[lead.hot] names hot-lead-handoff, a sub-journey: journeys call it "
            + "(a call activity), events do not start it");
  }
}
