package io.waymark.workers.consent;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.waymark.platform.contact.ContactId;
import io.waymark.platform.policy.SendDecision;
import io.waymark.platform.policy.SendPolicy;
import io.waymark.platform.policy.SendRequest;
import io.waymark.workflows.JobTypes;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * {@code check-consent}: SEND, DEFER (with {@code deferUntil}) or SUPPRESS (with {@code suppressReason}); a DEFER
 * past the journey's {@code sendNotAfter} is SUPPRESS with reason EXPIRED. ({@code job} is for the step ledger.)
 */
@Component
public class CheckConsentWorker {

  private final SendPolicy policy;
  private final Clock clock;

  CheckConsentWorker(SendPolicy policy, Clock clock) {
    this.policy = policy;
    this.clock = clock;
  }

  @JobWorker(type = JobTypes.CHECK_CONSENT)
  public Result checkConsent(ActivatedJob job, @Variable String contactId, @Variable String topic, @Variable String messageClass,
      @Variable(optional = true) String sendNotAfter) {
    SendDecision decision = policy.decide(new SendRequest(ContactId.parse(contactId), topic, messageClass,
        clock.instant(), sendNotAfter == null ? null : Instant.parse(sendNotAfter)));
    return new Result(decision.verdict().name(),
        decision.until() == null ? null : decision.until().toString(), decision.reason());
  }

  public record Result(String decision, String deferUntil, String suppressReason) {
  }
}
