package io.waymark.workers.crm;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import io.waymark.platform.crm.LeadInbox;
import io.waymark.platform.support.InvalidInputException;
import io.waymark.workflows.JobTypes;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * {@code escalate-lead}: the SLA of task {@code crmTaskId} ran out at level {@code escalationLevel}: escalates it to
 * the next level (1: the next rep and an email to the manager or {@code managerEmail}; 2: the team lead). Completes
 * with {@code escalatedTo}, {@code ownerId}, {@code slaDueAt} (the new owner's deadline; {@code sla} overrides the
 * task's SLA) and the new {@code escalationLevel}. Repeating a level changes nothing and sends no second email; a task
 * accepted meanwhile keeps its owner (the journey then receives {@code lead-accepted}).
 */
@Component
public class EscalateLeadWorker {

  private final LeadInbox inbox;

  EscalateLeadWorker(LeadInbox inbox) {
    this.inbox = inbox;
  }

  @JobWorker(type = JobTypes.ESCALATE_LEAD)
  public Result escalateLead(ActivatedJob job, @Variable String crmTaskId,
      @Variable(optional = true) Integer escalationLevel, @Variable(optional = true) String managerEmail,
      @Variable(optional = true) String sla) {
    int level = (escalationLevel == null ? 0 : escalationLevel) + 1;
    try {
      LeadInbox.Escalation escalation = inbox.escalate(Long.parseLong(crmTaskId), level,
          managerEmail == null || managerEmail.isBlank() ? null : managerEmail, CreateCrmTaskWorker.duration(sla));
      return new Result(escalation.ownerId(), escalation.ownerId(), escalation.dueAt().toString(), level);
    } catch (InvalidInputException e) {
      throw CamundaError.jobError("escalate-lead input: " + e.problems().stream()
          .map(p -> p.field() + " " + p.message()).collect(Collectors.joining("; ")), null, 0);
    }
  }

  /** What the journey gets back. */
  public record Result(String escalatedTo, String ownerId, String slaDueAt, int escalationLevel) {
  }
}
