package io.waymark.workers.crm;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import io.waymark.platform.contact.ContactId;
import io.waymark.platform.crm.LeadInbox;
import io.waymark.platform.journey.JourneyRunId;
import io.waymark.platform.journey.JourneyRuns;
import io.waymark.platform.support.InvalidInputException;
import io.waymark.workflows.JobTypes;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * {@code create-crm-task}: turns the instance's hot-lead signal ({@code leadSignal}: type, text, messageId,
 * eventType) into a task in Waymark's lead inbox (and, after its commit, in the CRM), routed to an owner. Completes
 * with {@code crmTaskId}, {@code ownerId}, {@code slaDueAt} (the deadline in the owner's working hours) and
 * {@code escalationLevel} 0. A redelivered job finds the task its first delivery made. Input a model got wrong (an
 * unknown tag or signal type, a malformed {@code sla}) fails the job with no retries and a message naming it: retrying
 * cannot mend a model.
 */
@Component
public class CreateCrmTaskWorker {

  private final LeadInbox inbox;
  private final JourneyRuns runs;

  CreateCrmTaskWorker(LeadInbox inbox, JourneyRuns runs) {
    this.inbox = inbox;
    this.runs = runs;
  }

  @JobWorker(type = JobTypes.CREATE_CRM_TASK)
  public Result createCrmTask(ActivatedJob job, @Variable String contactId,
      @Variable(optional = true) Map<String, Object> leadSignal, @Variable(optional = true) List<String> tags,
      @Variable(optional = true) String productLine, @Variable(optional = true) String sla,
      @Variable(optional = true) String journeyRunId) {
    if (journeyRunId != null) {
      // in a sub-journey (hot-lead-handoff) this instance is not the run's own: its steps belong to the run too
      runs.linkSubInstance(new JourneyRunId(Long.parseLong(journeyRunId)), job.getProcessInstanceKey(),
          job.getBpmnProcessId());
    }
    try {
      LeadInbox.Created created = inbox.create(new LeadInbox.NewLead("job:" + job.getKey(),
          ContactId.parse(contactId).value(), journeyRunId == null ? null : Long.valueOf(journeyRunId),
          job.getProcessInstanceKey(), signal(leadSignal), tags, blankToNull(productLine), duration(sla)));
      return new Result(Long.toString(created.taskId()), created.ownerId(), created.dueAt().toString(), 0);
    } catch (InvalidInputException e) {
      throw CamundaError.jobError("create-crm-task input: " + e.problems().stream()
          .map(p -> p.field() + " " + p.message()).collect(Collectors.joining("; ")), null, 0);
    }
  }

  static LeadInbox.Signal signal(Map<String, Object> leadSignal) {
    if (leadSignal == null) {
      throw new InvalidInputException("leadSignal", "is missing: a context {type, text, messageId?, eventType?}");
    }
    Object messageId = leadSignal.get("messageId");
    return new LeadInbox.Signal(string(leadSignal.get("type")), string(leadSignal.get("text")),
        messageId == null ? null : Long.valueOf(messageId.toString()), string(leadSignal.get("eventType")));
  }

  static Duration duration(String sla) {
    if (sla == null || sla.isBlank()) {
      return null;
    }
    try {
      return Duration.parse(sla);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("sla", "is not an ISO-8601 duration (e.g. PT15M): " + sla);
    }
  }

  private static String string(Object value) {
    return value == null ? null : value.toString();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  /** What the journey gets back. */
  public record Result(String crmTaskId, String ownerId, String slaDueAt, int escalationLevel) {
  }
}
