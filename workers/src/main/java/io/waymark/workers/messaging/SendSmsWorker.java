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
import org.springframework.stereotype.Component;

/**
 * {@code send-sms}: sends once per job (the key survives redelivery). The platform asks consent and policy again
 * at this moment; a refusal is the BPMN error {@code SEND_SUPPRESSED} with the reason.
 */
@Component
public class SendSmsWorker {

  static final String SEND_SUPPRESSED = "SEND_SUPPRESSED";

  private final SmsSender sender;

  SendSmsWorker(SmsSender sender) {
    this.sender = sender;
  }

  @JobWorker(type = JobTypes.SEND_SMS)
  public Result sendSms(ActivatedJob job, @Variable String contactId, @Variable String topic,
      @Variable String messageClass, @Variable String body) {
    SmsOutcome outcome = sender.send(new SmsRequest(JobKeys.idempotencyKey(job), ContactId.parse(contactId), topic,
        messageClass, body, job.getProcessInstanceKey(), job.getElementId()));
    if (outcome.status() == SmsOutcome.Status.SUPPRESSED) {
      throw CamundaError.bpmnError(SEND_SUPPRESSED, outcome.reason());
    }
    return new Result(outcome.messageId());
  }

  public record Result(Long smsMessageId) {
  }
}
