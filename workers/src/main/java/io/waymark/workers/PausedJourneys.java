package io.waymark.workers;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import io.waymark.platform.journey.JourneyCatalog;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Holds running instances of a paused journey before their next send: the send job fails with a back-off
 * ({@code waymark.journeys.paused-recheck}, default 1 minute) without using up a retry, and is tried again until the
 * journey is resumed.
 */
@Component
public class PausedJourneys {

  private final JourneyCatalog catalog;
  private final Duration recheck;

  PausedJourneys(JourneyCatalog catalog, @Value("${waymark.journeys.paused-recheck:PT1M}") Duration recheck) {
    this.catalog = catalog;
    this.recheck = recheck;
  }

  /** Throws the job error that holds {@code job} when its journey is paused. */
  public void holdIfPaused(ActivatedJob job) {
    if (catalog.isPaused(job.getBpmnProcessId())) {
      throw CamundaError.jobError("journey " + job.getBpmnProcessId() + " is paused: held before sending", null,
          job.getRetries(), recheck);
    }
  }
}
