package io.waymark.workers.journey;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.waymark.platform.journey.JourneyRuns;
import io.waymark.workflows.JobTypes;
import org.springframework.stereotype.Component;

/** {@code record-outcome}: tells the run ledger how this journey run ended. Returns no variables. */
@Component
public class RecordOutcomeWorker {

  private final JourneyRuns runs;

  RecordOutcomeWorker(JourneyRuns runs) {
    this.runs = runs;
  }

  @JobWorker(type = JobTypes.RECORD_OUTCOME)
  public void recordOutcome(ActivatedJob job, @Variable String outcome) {
    runs.markEnded(job.getProcessInstanceKey(), outcome);
  }
}
