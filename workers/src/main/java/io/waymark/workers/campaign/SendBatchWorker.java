package io.waymark.workers.campaign;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import io.waymark.platform.campaign.CampaignRunId;
import io.waymark.platform.campaign.CampaignRuns;
import io.waymark.platform.campaign.CampaignRuns.BatchResult;
import io.waymark.workers.PausedJourneys;
import io.waymark.workflows.JobTypes;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * {@code send-batch}: sends one batch of the run's audience snapshot, each member once per run and contact, consent and
 * policy asked for each at the moment of sending; a paused journey holds here. Suppressed and failed members are
 * counted, not errors; deferred ones (quiet hours began) hold the batch until they may be texted, without using up a
 * retry.
 *
 * <p>Timing. A batch holds at most {@code waymark.campaigns.batch-size} = 100 members. The slowest route sends 1
 * segment per second (a long code; throughput is a whole number, so nothing is slower) and a template has at most 10
 * segments: 100 × 10 / 1 = 1,000 s ≈ 17 min for the worst batch on a route of its own (a typical 1-3 segment text on a
 * long code: 100-300 s; on a short code at 100 segments/s: 1-3 s). The job timeout is 30 minutes, and an attempt
 * sends for at most {@link #BUDGET} = 25 minutes, leaving more than the longest single send (the router gives up on a
 * message after {@code waymark.sms.resilience.max-total}, at most 4 minutes, rate-limiter wait included): when routes
 * are shared and the budget runs out, the attempt hands over (fails itself without using up a retry) and the next one
 * goes on with the members not yet settled. A batch therefore never outlives its job's timeout however slow the route.
 * At most two batches run at once per Waymark instance ({@code maxJobsActive}), so that other workers keep threads.
 */
@Component
public class SendBatchWorker {

  /** The job timeout; see the class comment. */
  static final long TIMEOUT_MS = 30 * 60 * 1000L;
  /** How long one attempt sends before it hands over; see the class comment. */
  static final Duration BUDGET = Duration.ofMinutes(25);

  private final CampaignRuns runs;
  private final PausedJourneys paused;
  private final Clock clock;

  SendBatchWorker(CampaignRuns runs, PausedJourneys paused, Clock clock) {
    this.runs = runs;
    this.paused = paused;
    this.clock = clock;
  }

  @JobWorker(type = JobTypes.SEND_BATCH, timeout = TIMEOUT_MS, maxJobsActive = 2)
  public Result sendBatch(ActivatedJob job, @Variable String campaignRunId, @Variable int batchNumber) {
    paused.holdIfPaused(job);
    BatchResult batch = runs.sendBatch(CampaignRunId.parse(campaignRunId), batchNumber, job.getProcessInstanceKey(),
        job.getElementId(), clock.instant().plus(BUDGET));
    if (!batch.complete() && !batch.stopped()) {
      Duration wait = batch.deferredUntil() == null ? Duration.ZERO
          : Duration.between(clock.instant(), batch.deferredUntil());
      throw CamundaError.jobError("batch " + batchNumber + ": " + batch.counts().deferred() + " deferred, "
          + batch.counts().pending() + " not yet tried" + (batch.deferredUntil() == null ? "; time budget spent"
          : " until " + batch.deferredUntil()) + "; the next attempt goes on", null, job.getRetries(),
          wait.isNegative() ? Duration.ZERO : wait);
    }
    return new Result(batch.counts().sent(), batch.counts().suppressed(), batch.counts().failed());
  }

  public record Result(long sentCount, long suppressedCount, long failedCount) {
  }
}
