package io.waymark.workers.engine;

import io.waymark.platform.journey.EventIntake;
import io.waymark.workflows.Journeys;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Refuses to start when {@code waymark.journeys.triggers} maps an event type to a sub-journey (e.g.
 * {@code hot-lead-handoff}): a sub-journey works for the journey that calls it, with that journey's run, stop rules
 * and outcome, and is never started by an event on its own.
 */
@Component
@Order(11)
class TriggerCheck implements ApplicationRunner {

  private final EventIntake intake;

  TriggerCheck(EventIntake intake) {
    this.intake = intake;
  }

  @Override
  public void run(ApplicationArguments args) {
    List<String> problems = problems(intake.triggers());
    if (!problems.isEmpty()) {
      throw new IllegalStateException(String.join("; ", problems));
    }
  }

  static List<String> problems(Map<String, String> triggers) {
    return new TreeMap<>(triggers).entrySet().stream().filter(t -> Journeys.isSubJourney(t.getValue()))
        .map(t -> "waymark.journeys.triggers[" + t.getKey() + "] names " + t.getValue() + ", a sub-journey: journeys "
            + "call it (a call activity), events do not start it")
        .toList();
  }
}
