package io.waymark.ui.approvals;

import io.waymark.platform.campaign.ApprovalId;
import io.waymark.platform.campaign.ApprovalView;
import io.waymark.platform.campaign.Approvals;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * An approver's decision from the UI, guarded server-side: only APPROVER and ADMIN (method security), decided by the
 * signed-in user, never by a name typed in. {@link Approvals#decide} itself stays open to the REST API's machine
 * clients (who name the approver), and keeps the rules for everyone: four eyes, one final decision, a reason to
 * reject, no decision after expiry; it also writes the audit entry.
 */
@Service
public class ApprovalDesk {

  private final Approvals approvals;

  ApprovalDesk(Approvals approvals) {
    this.approvals = approvals;
  }

  /** {@code verdict} APPROVED or REJECTED, by the signed-in user, with {@code comment} (required to reject). */
  @RolesAllowed({"APPROVER", "ADMIN"})
  public ApprovalView decide(ApprovalId id, String verdict, String comment) {
    Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
    return approvals.decide(id, new Approvals.Decision(verdict, signedIn.getName(), comment));
  }
}
