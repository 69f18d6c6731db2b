package io.waymark.platform.crm.connector;

import io.waymark.platform.support.InvalidInputException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One hot-lead task to mirror in a CRM. {@code waymarkTaskId} is the idempotency key: every attempt for the same id
 * ends at the same CRM task. {@code dueAt} is the SLA deadline; {@code tags} are free words such as
 * {@value #HOT_LEAD}, {@value #SUPPORT}, {@value #BILLING}, {@value #VIP} (neither CRM has a tag field on tasks: the
 * connectors put them in the subject and the body); {@code ownerCrmId} is the rep's id in that CRM, null to leave the
 * CRM's default owner.
 */
public record CrmTaskRequest(long waymarkTaskId, String subject, String body, Instant dueAt, CrmPriority priority,
    List<String> tags, String ownerCrmId, CrmContact contact) {

  public static final String HOT_LEAD = "Hot Lead";
  public static final String SUPPORT = "Support";
  public static final String BILLING = "Billing";
  public static final String VIP = "VIP";

  public CrmTaskRequest {
    List<InvalidInputException.Problem> problems = new ArrayList<>();
    if (waymarkTaskId <= 0) {
      problems.add(new InvalidInputException.Problem("waymarkTaskId", "must be a positive id"));
    }
    if (subject == null || subject.isBlank()) {
      problems.add(new InvalidInputException.Problem("subject", "is required"));
    }
    if (dueAt == null) {
      problems.add(new InvalidInputException.Problem("dueAt", "is required (the SLA deadline)"));
    }
    if (priority == null) {
      problems.add(new InvalidInputException.Problem("priority", "is required (LOW, MEDIUM, HIGH, URGENT)"));
    }
    if (contact == null) {
      problems.add(new InvalidInputException.Problem("contact", "is required"));
    }
    tags = tags == null ? List.of() : List.copyOf(tags.stream().map(t -> t == null ? "" : t.strip()).toList());
    for (int i = 0; i < tags.size(); i++) {
      if (tags.get(i).isEmpty()) {
        problems.add(new InvalidInputException.Problem("tags[" + i + "]", "is blank"));
      }
    }
    if (ownerCrmId != null && ownerCrmId.isBlank()) {
      ownerCrmId = null;
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
  }
}
