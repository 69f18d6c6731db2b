package io.waymark.workers;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.BpmnError;
import io.camunda.client.exception.JobError;
import io.waymark.platform.journey.JourneySteps;
import io.waymark.platform.journey.JourneySteps.Outcome;
import java.time.Duration;
import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The step ledger's pen: around every {@code @JobWorker} method, records the job and what came of it — COMPLETED, a
 * BPMN error (the model's business outcome), FAILED with the retries left, or INCIDENT when none are left (the job
 * then waits for ops, exactly as the client's default exception handling fails it). Recording never changes the
 * outcome: a ledger write that fails is logged and the job goes on. It keeps the job's element instance key, which is
 * what a retry of an incident needs (see {@code io.waymark.workers.engine.InstanceControl}).
 */
@Aspect
@Component
class StepRecording {

  private static final Logger LOG = LoggerFactory.getLogger(StepRecording.class);

  private final JourneySteps steps;

  StepRecording(JourneySteps steps) {
    this.steps = steps;
  }

  @Around("@annotation(io.camunda.client.annotation.JobWorker) && args(job, ..)")
  Object record(ProceedingJoinPoint call, ActivatedJob job) throws Throwable {
    long started = System.nanoTime();
    try {
      Object result = call.proceed();
      write(job, Outcome.COMPLETED, null, job.getRetries(), started);
      return result;
    } catch (BpmnError e) {
      write(job, Outcome.BPMN_ERROR, e.getErrorCode() + ": " + e.getErrorMessage(), job.getRetries(), started);
      throw e;
    } catch (JobError e) {
      int retries = e.getRetries() != null ? e.getRetries() : job.getRetries() - 1;
      write(job, retries > 0 ? Outcome.FAILED : Outcome.INCIDENT, e.getErrorMessage(), retries, started);
      throw e;
    } catch (RuntimeException | Error e) {
      int retries = job.getRetries() - 1;
      write(job, retries > 0 ? Outcome.FAILED : Outcome.INCIDENT, e.getClass().getSimpleName() + ": " + e.getMessage(),
          retries, started);
      throw e;
    }
  }

  private void write(ActivatedJob job, Outcome outcome, String detail, int retriesLeft, long started) {
    try {
      steps.record(new JourneySteps.Ran(job.getProcessInstanceKey(), job.getBpmnProcessId(),
          job.getProcessDefinitionVersion(), job.getElementId(), job.getType(), job.getKey(), outcome, detail,
          Math.max(retriesLeft, 0), Duration.ofNanos(System.nanoTime() - started), job.getElementInstanceKey()));
    } catch (RuntimeException e) {
      LOG.warn("Could not record step {} of instance {} ({}): {}", job.getElementId(), job.getProcessInstanceKey(),
          outcome, e.getMessage());
    }
  }
}
