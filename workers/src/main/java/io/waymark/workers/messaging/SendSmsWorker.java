package io.waymark.workers.messaging;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import io.waymark.platform.contact.ContactId;
import io.waymark.platform.messaging.SmsOutcome;
import io.waymark.platform.messaging.TemplatedMessages;
import io.waymark.platform.messaging.TemplatedMessages.TemplatedSms;
import io.waymark.workers.JobKeys;
import io.waymark.workers.PausedJourneys;
import io.waymark.workflows.JobTypes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code send-sms}: renders the approved version of {@code templateId} and sends it once per job (the key survives
 * redelivery); a paused journey holds here. The platform asks consent and policy again at this moment: a refusal is
 * the BPMN error {@code SEND_SUPPRESSED} with the reason (also when the provider reports the recipient unsubscribed); a
 * final provider answer (invalid number) or a value the template needs but lacks is {@code SEND_FAILED}; a deferral
 * (quiet hours began meanwhile) fails the job with a back-off until the allowed instant, without using up a retry.
 * All variables are fetched: the template's tokens may read any of them. An {@code answers} input
 * ({@code ={"1": "HOT", "2": "NOT_NOW"}}) marks the message as a question: the contact's reply "1" is then HOT.
 */
@Component
public class SendSmsWorker {

  static final String SEND_SUPPRESSED = "SEND_SUPPRESSED";
  static final String SEND_FAILED = "SEND_FAILED";

  private final TemplatedMessages messages;
  private final PausedJourneys paused;
  private final Clock clock;

  SendSmsWorker(TemplatedMessages messages, PausedJourneys paused, Clock clock) {
    this.messages = messages;
    this.paused = paused;
    this.clock = clock;
  }

  @JobWorker(type = JobTypes.SEND_SMS, fetchAllVariables = true)
  public Result sendSms(ActivatedJob job, @Variable String contactId, @Variable String templateId,
      @Variable String topic, @Variable(optional = true) String messageClass,
      @Variable(optional = true) String brand, @Variable(optional = true) String sendNotAfter,
      @Variable(optional = true) Map<String, Object> answers) {
    paused.holdIfPaused(job);
    SmsOutcome outcome = messages.sendSms(new TemplatedSms(JobKeys.idempotencyKey(job), ContactId.parse(contactId),
        templateId, topic, messageClass, brand, job.getVariablesAsMap(), job.getProcessInstanceKey(),
        job.getElementId(), sendNotAfter == null ? null : Instant.parse(sendNotAfter), answers, null,
        job.getBpmnProcessId()));
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
