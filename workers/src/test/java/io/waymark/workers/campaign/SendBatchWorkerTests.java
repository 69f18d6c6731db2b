package io.waymark.workers.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import io.camunda.client.exception.JobError;
import io.waymark.platform.campaign.CampaignRunId;
import io.waymark.platform.campaign.CampaignRuns;
import io.waymark.platform.campaign.CampaignRuns.BatchResult;
import io.waymark.platform.campaign.Counts;
import io.waymark.workers.PausedJourneys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What send-batch makes of a batch: counts when settled or stopped; a hand-over keeping the retries otherwise. */
class SendBatchWorkerTests {

  private static final Instant NOW = Instant.parse("2026-03-16T18:00:00Z");

  private final CampaignRuns runs = mock(CampaignRuns.class);
  private final PausedJourneys paused = mock(PausedJourneys.class);
  private final ActivatedJob job = mock(ActivatedJob.class);
  private final SendBatchWorker worker = new SendBatchWorker(runs, paused, Clock.fixed(NOW, ZoneOffset.UTC));

  @BeforeEach
  void job() {
    when(job.getRetries()).thenReturn(5);
    when(job.getBpmnProcessId()).thenReturn("campaign-send");
    when(job.getProcessInstanceKey()).thenReturn(77L);
    when(job.getElementId()).thenReturn("Task_SendBatch");
  }

  private void batchComesTo(BatchResult result) {
    when(runs.sendBatch(eq(new CampaignRunId(9)), eq(2), anyLong(), anyString(), any())).thenReturn(result);
  }

  @Test
  void returnsTheBatchsCountsWhenEveryMemberIsSettled() {
    batchComesTo(new BatchResult(new Counts(100, 0, 97, 2, 1, 0), true, false, null));

    assertThat(worker.sendBatch(job, "9", 2)).isEqualTo(new SendBatchWorker.Result(97, 2, 1));
    verify(runs).sendBatch(new CampaignRunId(9), 2, 77L, "Task_SendBatch", NOW.plus(SendBatchWorker.BUDGET));
  }

  @Test
  void completesAStoppedBatchWithWhatWasSent() {
    batchComesTo(new BatchResult(new Counts(100, 60, 40, 0, 0, 0), false, true, null));

    assertThat(worker.sendBatch(job, "9", 2)).isEqualTo(new SendBatchWorker.Result(40, 0, 0));
  }

  @Test
  void holdsTheBatchUntilADeferredMemberMayBeTextedKeepingItsRetries() {
    batchComesTo(new BatchResult(new Counts(100, 0, 99, 0, 0, 1), false, false, NOW.plus(Duration.ofHours(9))));

    JobError error = catchThrowableOfType(JobError.class, () -> worker.sendBatch(job, "9", 2));

    assertThat(error.getRetries()).isEqualTo(5);
    assertThat(error.getRetryBackoff()).isEqualTo(Duration.ofHours(9));
    assertThat(error.getErrorMessage()).contains("1 deferred");
  }

  @Test
  void handsOverAtOnceWhenItsTimeBudgetIsSpent() {
    batchComesTo(new BatchResult(new Counts(100, 30, 70, 0, 0, 0), false, false, null));

    JobError error = catchThrowableOfType(JobError.class, () -> worker.sendBatch(job, "9", 2));

    assertThat(error.getRetries()).isEqualTo(5);
    assertThat(error.getRetryBackoff()).isEqualTo(Duration.ZERO);
    assertThat(error.getErrorMessage()).contains("30 not yet tried").contains("time budget spent");
  }

  @Test
  void holdsWhileTheJourneyIsPausedBeforeSendingAnything() {
    doThrow(CamundaError.jobError("journey campaign-send is paused", null, 5, Duration.ofMinutes(1)))
        .when(paused).holdIfPaused(job);

    JobError error = catchThrowableOfType(JobError.class, () -> worker.sendBatch(job, "9", 2));

    assertThat(error.getErrorMessage()).contains("paused");
    verifyNoInteractions(runs);
  }

  @Test
  void fitsTheSlowestBatchIntoItsTimeout() {
    long worstBatchSeconds = 100 * 10 / 1;
    assertThat(Duration.ofSeconds(worstBatchSeconds)).isLessThan(SendBatchWorker.BUDGET);
    assertThat(SendBatchWorker.BUDGET.plus(Duration.ofMinutes(4)))
        .isLessThan(Duration.ofMillis(SendBatchWorker.TIMEOUT_MS));
  }
}
