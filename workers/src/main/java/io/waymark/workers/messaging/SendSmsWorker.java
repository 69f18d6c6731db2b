package io.waymark.workers.messaging;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import io.waymark.platform.contact.ContactId;
import io.waymark.platform.messaging.SmsOutcome;
import io.waymark.platform.messaging.SmsRequest;
import io.waymark.platform.messaging.SmsSender;
import io.waymark.workers.JobKeys;
import io.waymark.workflows.JobTypes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * {@code send-sms}: sends once per job (the key survives redelivery). The platform asks consent and policy again
 * at this moment: a refusal is the BPMN error {@code SEND_SUPPRESSED} with the reason (also when the provider reports
 * the recipient unsubscribed); a final provider answer (invalid number) is {@code SEND_FAILED}; a deferral (quiet hours began
 * meanwhile) fails the job with a back-off until the allowed instant, without using up a retry.
 */
@Component
public class SendSmsWorker {

  static final String SEND_SUPPRESSED = "SEND_SUPPRESSED";
  static final String SEND_FAILED = "SEND_FAILED";

  private final SmsSender sender;
  private final Clock clock;

  SendSmsWorker(SmsSender sender, Clock clock) {
    this.sender = sender;
    this.clock = clock;
  }

  @JobWorker(type = JobTypes.SEND_SMS)
  public Result sendSms(ActivatedJob job, @Variable String contactId, @Variable String topic,
      @Variable String messageClass, @Variable String body, @Variable(optional = true) String sendNotAfter) {
    SmsOutcome outcome = sender.send(new SmsRequest(JobKeys.idempotencyKey(job), ContactId.parse(contactId), topic,
        messageClass, body, job.getProcessInstanceKey(), job.getElementId(),
        sendNotAfter == null ? null : Instant.parse(sendNotAfter)));
    if (outcome.status() == SmsOutcome.Status.SUPPRESSED) {
      throw CamundaError.bpmnError(SEND_SUPPRESSED, outcome.reason());
    }
    if (outcome.status() == SmsOutcome.Status.FAILED) {
      throw CamundaError.bpmnError(SEND_FAILED, outcome.reason());
    }
    if (outcome.status() == SmsOutcome.Status.DEFERRED) {
      // quiet hours or a cap began since check-consent: try again when the policy allows, keeping the retries
      Duration wait = Duration.between(clock.instant(), outcome.deferredUntil());
      throw CamundaError.jobError("deferred by the send policy: " + outcome.reason() + " until "
          + outcome.deferredUntil(), null, job.getRetries(), wait.isNegative() ? Duration.ZERO : wait);
    }
    return new Result(outcome.messageId());
  }

  public record Result(Long smsMessageId) {
  }
}
