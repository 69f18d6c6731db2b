package io.waymark.workers.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import io.waymark.platform.governance.AuditLog;
import io.waymark.platform.journey.JourneyRuns;
import io.waymark.platform.journey.JourneySteps;
import io.waymark.platform.support.InvalidInputException;
import jakarta.annotation.security.RolesAllowed;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What ops do to a process instance: cancel it, or retry a step that ran out of retries. Both for OPS and ADMIN, both
 * audited ({@code instance.cancelled}, {@code step.retried}).
 *
 * <p><b>Retry.</b> Zeebe resolves a job incident with two commands: raise the job's retries
 * ({@code UpdateJobRetries}) and resolve the incident ({@code ResolveIncident}), which needs the incident key. Nothing
 * tells a client that key: the fail-job response is empty, and incidents can only be searched through secondary
 * storage (Operate/Elasticsearch), which neither the embedded 8.6 broker nor the in-memory test engine has. So a retry
 * modifies the instance instead ({@code ModifyProcessInstance}, since 8.1, on both): it terminates the element
 * instance the failed job belonged to — terminating an element instance resolves its incidents and cancels its job —
 * and activates the same element again in the same scope, which creates a new job with the retries the model gives
 * it. The step ledger keeps the element instance key for this ({@code StepRecording}). What differs from
 * retries-plus-resolve: the element's input mappings are evaluated again, and boundary timers on it start afresh.
 * The engine refuses an activation inside a multi-instance body (e.g. {@code send-batch}); the retry then fails with
 * the engine's reason and the incident stays open.
 */
@Component
public class InstanceControl {

  private final CamundaClient client;
  private final JourneySteps steps;
  private final JourneyRuns runs;
  private final AuditLog audit;

  InstanceControl(CamundaClient client, JourneySteps steps, JourneyRuns runs, AuditLog audit) {
    this.client = client;
    this.steps = steps;
    this.runs = runs;
    this.audit = audit;
  }

  /**
   * Cancels a process instance; its run (if it carries one) ends {@code CANCELLED} and its open incidents are
   * resolved in the ledger.
   *
   * @throws InvalidInputException when the engine knows no such active instance (it ended already)
   */
  @RolesAllowed({"OPS", "ADMIN"})
  public void cancel(long processInstanceKey) {
    try {
      client.newCancelInstanceCommand(processInstanceKey).send().join();
    } catch (ClientStatusException refused) {
      if (refused.getStatusCode() == Status.Code.NOT_FOUND) {
        throw new InvalidInputException("processInstanceKey", "instance " + processInstanceKey
            + " is not active in the engine (it ended already)");
      }
      throw refused;
    }
    var run = runs.findByInstance(processInstanceKey);
    boolean ended = runs.markEnded(processInstanceKey, "CANCELLED");
    int incidents = steps.markInstanceResolved(processInstanceKey);
    Map<String, Object> before = new LinkedHashMap<>();
    before.put("state", "ACTIVE");
    run.ifPresent(r -> before.put("run", r.id().value()));
    audit.record(AuditLog.Entry.of("instance.cancelled", "process-instance", String.valueOf(processInstanceKey))
        .before(before).after(Map.of("state", "CANCELLED", "runEnded", ended, "incidentsResolved", incidents))
        .detail("cancelled process instance " + processInstanceKey
            + run.map(r -> " of journey " + r.processId()).orElse("")));
  }

  /**
   * Runs a step that ran out of retries again (see the class comment for how).
   *
   * @throws InvalidInputException when the step is unknown, is no open incident, was recorded without its element
   *     instance, or the engine refuses (the instance or element is no longer active, or a multi-instance body)
   */
  @RolesAllowed({"OPS", "ADMIN"})
  public void retry(long stepId) {
    JourneySteps.Step step = steps.find(stepId)
        .orElseThrow(() -> new InvalidInputException("step", "no step " + stepId + " in the ledger"));
    if (!step.openIncident()) {
      throw new InvalidInputException("step", "step " + stepId + " is " + (step.resolvedAt() != null
          ? "resolved already" : step.outcome() + ", not an incident"));
    }
    if (step.elementInstanceKey() == null) {
      throw new InvalidInputException("step", "step " + stepId + " was recorded without its element instance: "
          + "retry it in Operate or Camunda's tools");
    }
    try {
      client.newModifyProcessInstanceCommand(step.processInstanceKey())
          .activateElement(step.elementId())
          .and()
          .terminateElement(step.elementInstanceKey())
          .send().join();
    } catch (ClientStatusException refused) {
      if (refused.getStatusCode() == Status.Code.NOT_FOUND
          || refused.getStatusCode() == Status.Code.INVALID_ARGUMENT) {
        throw new InvalidInputException("step", "the engine refused to retry " + step.elementId() + ": "
            + refused.getStatus().getDescription());
      }
      throw refused;
    }
    steps.markResolved(stepId);
    audit.record(AuditLog.Entry.of("step.retried", "journey-step", String.valueOf(stepId))
        .before(Map.of("outcome", step.outcome().name(), "jobKey", step.jobKey(), "detail",
            step.detail() == null ? "" : step.detail()))
        .after(Map.of("processInstanceKey", step.processInstanceKey(), "elementId", step.elementId(),
            "retried", true))
        .detail("retried " + step.elementId() + " (" + step.jobType() + ") of instance "
            + step.processInstanceKey()));
  }
}
