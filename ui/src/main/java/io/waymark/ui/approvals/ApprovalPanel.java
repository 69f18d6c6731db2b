package io.waymark.ui.approvals;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.binder.Binder;
import io.waymark.platform.campaign.ApprovalView;
import io.waymark.platform.campaign.CampaignConflictException;
import io.waymark.platform.campaign.CampaignNotFoundException;
import io.waymark.platform.campaign.FourEyesException;
import io.waymark.platform.support.InvalidInputException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;

/**
 * One pending request: what would be sent (campaign, segment, template and its rendered preview, topic, audience,
 * estimated segments and cost), why it needs sign-off, who asked and until when; a comment, and Approve or Reject,
 * decided by the signed-in user through {@link ApprovalDesk}. Rejecting needs a comment (said next to the field). The
 * requester's own request cannot be approved: the buttons are off and the panel says why (the facade refuses anyway,
 * four eyes).
 *
 * <p>Component ids: {@code approval-detail}, {@code approval-title}, {@code approval-facts}, {@code approval-preview},
 * {@code approval-own-request}, {@code approval-comment}, {@code approval-approve}, {@code approval-reject}.
 */
class ApprovalPanel extends VerticalLayout {

  static final String REASON_REQUIRED = "Say why you reject it, so that the campaign's creator can act on it";

  /** The comment form's value. */
  static final class Comment {
    String text = "";
  }

  final H3 title = new H3();
  final Div facts = new Div();
  final Pre preview = new Pre();
  final Span ownRequest = new Span();
  final TextArea comment = new TextArea("Comment");
  final Button approve = new Button("Approve");
  final Button reject = new Button("Reject");
  final Binder<Comment> form = new Binder<>();

  private final ApprovalDesk desk;
  private final String username;
  private final Runnable decided;
  private final VerticalLayout body = new VerticalLayout();
  private final Paragraph empty = new Paragraph("Select a request to see what it would send.");
  private ApprovalView shown;
  private boolean rejecting;

  ApprovalPanel(ApprovalDesk desk, String username, Runnable decided) {
    this.desk = desk;
    this.username = username;
    this.decided = decided;
    setId("approval-detail");
    title.setId("approval-title");
    facts.setId("approval-facts");
    preview.setId("approval-preview");
    preview.getStyle().set("white-space", "pre-wrap").set("background", "var(--lumo-contrast-5pct)")
        .set("padding", "var(--lumo-space-s)");
    ownRequest.setId("approval-own-request");
    ownRequest.getStyle().set("color", "var(--lumo-error-text-color)");
    comment.setId("approval-comment");
    comment.setWidthFull();
    comment.setMaxLength(1000);
    comment.setHelperText("Required to reject; recorded with the decision");
    approve.setId("approval-approve");
    approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
    approve.addClickListener(e -> decide("APPROVED"));
    reject.setId("approval-reject");
    reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
    reject.addClickListener(e -> decide("REJECTED"));
    form.forField(comment).withValidator(text -> !rejecting || !text.isBlank(), REASON_REQUIRED)
        .bind(c -> c.text, (c, text) -> c.text = text);
    form.setBean(new Comment());

    body.setPadding(false);
    body.add(title, facts, new H2("Message"), preview, ownRequest, comment, new HorizontalLayout(approve, reject));
    add(empty, body);
    show(null);
  }

  /** Shows a request (nothing for null). */
  void show(ApprovalsView.Row row) {
    shown = row == null ? null : row.approval();
    rejecting = false;
    form.setBean(new Comment());
    empty.setVisible(row == null);
    body.setVisible(row != null);
    if (row == null) {
      return;
    }
    ApprovalView approval = row.approval();
    title.setText(approval.campaignName());
    facts.removeAll();
    fact("Template", ApprovalsView.template(approval));
    fact("Topic", approval.topic() + (row.sensitive() ? " (sensitive topic)" : ""));
    fact("Segment", String.valueOf(approval.segmentId()));
    fact("Audience", approval.audienceSize() + " recipients");
    fact("Estimated segments", row.estimate().segmentsText());
    fact("Estimated cost", row.estimate().costText());
    fact("Why it needs sign-off", approval.reason());
    fact("Requested by", approval.createdBy());
    fact("Requested", ApprovalsView.TIME.format(approval.requestedAt()));
    fact("Expires", ApprovalsView.TIME.format(approval.expiresAt()));
    preview.setText(row.estimate().preview() == null
        ? "The template " + ApprovalsView.template(approval) + " cannot be shown: it is gone or has no such version."
        : row.estimate().preview());
    boolean own = approval.createdBy() != null && approval.createdBy().equalsIgnoreCase(username);
    ownRequest.setVisible(own);
    ownRequest.setText(own ? "You requested this send (you created the campaign): another approver must decide "
        + "it (four eyes). To stop it, cancel the campaign." : "");
    approve.setEnabled(!own);
    reject.setEnabled(!own);
    comment.setEnabled(!own);
  }

  private void fact(String name, String value) {
    facts.add(new Paragraph(name + ": " + (value == null ? "" : value)));
  }

  private void decide(String verdict) {
    if (shown == null) {
      return;
    }
    rejecting = verdict.equals("REJECTED");
    if (!form.validate().isOk()) {
      return;
    }
    try {
      ApprovalView done = desk.decide(shown.id(), verdict, form.getBean().text);
      Notification.show((verdict.equals("APPROVED") ? "Approved: " : "Rejected: ") + done.campaignName(), 4000,
          Notification.Position.BOTTOM_START);
    } catch (InvalidInputException e) {
      e.problems().forEach(problem -> {
        if (problem.field().equals("reason")) {
          comment.setInvalid(true);
          comment.setErrorMessage(problem.message());
        } else {
          error(problem.field() + ": " + problem.message());
        }
      });
      return;
    } catch (FourEyesException | CampaignConflictException | CampaignNotFoundException e) {
      error(e.getMessage());
    } catch (OptimisticLockingFailureException e) {
      error("Someone else decided this request at the same moment: the list shows it as it is now");
    } catch (AccessDeniedException e) {
      error("Only approvers may decide approval requests");
      return;
    }
    decided.run();
  }

  private static void error(String message) {
    Notification notification = Notification.show(message, 6000, Notification.Position.MIDDLE);
    notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
  }
}
