package io.waymark.workers.messaging;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.waymark.platform.contact.ContactId;
import io.waymark.platform.messaging.EmailSender;
import io.waymark.workers.JobKeys;
import io.waymark.workflows.JobTypes;
import org.springframework.stereotype.Component;

/** {@code send-email}: once per job; {@code emailStatus} is SENT, or NO_ADDRESS when the contact has no email. */
@Component
public class SendEmailWorker {

  private final EmailSender sender;

  SendEmailWorker(EmailSender sender) {
    this.sender = sender;
  }

  @JobWorker(type = JobTypes.SEND_EMAIL)
  public Result sendEmail(ActivatedJob job, @Variable String contactId, @Variable String subject, @Variable String body) {
    EmailSender.EmailOutcome outcome = sender.send(JobKeys.idempotencyKey(job), ContactId.parse(contactId), subject,
        body);
    return new Result(outcome.status().name(), outcome.emailId());
  }

  public record Result(String emailStatus, Long emailId) {
  }
}
