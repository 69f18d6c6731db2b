package io.waymark.workers.messaging;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.waymark.platform.contact.ContactId;
import io.waymark.platform.messaging.EmailSender;
import io.waymark.platform.messaging.TemplatedMessages;
import io.waymark.workers.JobKeys;
import io.waymark.workers.PausedJourneys;
import io.waymark.workflows.JobTypes;
import org.springframework.stereotype.Component;

/**
 * {@code send-email}: renders the approved EMAIL template {@code templateId} and sends it once per job; a paused
 * journey holds here. {@code emailStatus} is SENT, or NO_ADDRESS when the contact has no email.
 */
@Component
public class SendEmailWorker {

  private final TemplatedMessages messages;
  private final PausedJourneys paused;

  SendEmailWorker(TemplatedMessages messages, PausedJourneys paused) {
    this.messages = messages;
    this.paused = paused;
  }

  @JobWorker(type = JobTypes.SEND_EMAIL, fetchAllVariables = true)
  public Result sendEmail(ActivatedJob job, @Variable String contactId, @Variable String templateId) {
    paused.holdIfPaused(job);
    EmailSender.EmailOutcome outcome = messages.sendEmail(JobKeys.idempotencyKey(job), ContactId.parse(contactId),
        templateId, job.getVariablesAsMap());
    return new Result(outcome.status().name(), outcome.emailId());
  }

  public record Result(String emailStatus, Long emailId) {
  }
}
