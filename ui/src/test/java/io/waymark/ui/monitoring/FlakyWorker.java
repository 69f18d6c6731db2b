package io.waymark.ui.monitoring;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.stereotype.Component;

/**
 * A job worker for the retry test only (job type {@value #TYPE}, used by no journey): fails while {@link #BROKEN} is
 * set, completes otherwise. A real {@code @JobWorker} bean, so the step ledger records it like any worker. Found by
 * the application's component scan in every ui test context, where it waits for jobs nobody else creates.
 */
@Component
public class FlakyWorker {

  public static final String TYPE = "waymark-test-flaky";
  public static final AtomicBoolean BROKEN = new AtomicBoolean(true);

  @JobWorker(type = TYPE)
  public void run(ActivatedJob job) {
    if (BROKEN.get()) {
      throw new IllegalStateException("the flaky service is down");
    }
  }
}
