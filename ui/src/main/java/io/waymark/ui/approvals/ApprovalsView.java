package io.waymark.ui.approvals;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.waymark.platform.campaign.ApprovalView;
import io.waymark.platform.campaign.Approvals;
import io.waymark.platform.template.MessageTemplates;
import io.waymark.ui.layout.MainLayout;
import io.waymark.ui.layout.PagedRows;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Approvals, the first screen of an approver: pending sign-off requests of campaign runs, soonest expiry first, each
 * with its audience size, the segments and cost it would send (estimated: the pinned template version's segments per
 * message × audience × {@code waymark.campaigns.segment-price}), the requester and whether its topic is sensitive; the
 * selected one in {@link ApprovalPanel} with the rendered template, to approve or reject with a comment. The
 * decision reaches the waiting campaign as {@code approval-decided}.
 *
 * <p>Component ids: {@code approvals} (the view), {@code approval-requests} (the grid; column keys {@code campaign},
 * {@code template}, {@code audience}, {@code segments}, {@code cost}, {@code requester}, {@code requested},
 * {@code expires}, {@code sensitive}), and those of {@link ApprovalPanel}.
 */
@Route(value = "approvals", layout = MainLayout.class)
@PageTitle("Approvals · Waymark")
@RolesAllowed({"APPROVER", "ADMIN"})
public class ApprovalsView extends Main {

  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  /** A request with its estimate and whether its topic is sensitive. */
  record Row(ApprovalView approval, Estimate estimate, boolean sensitive) {
  }

  final Grid<Row> requests = new Grid<>();
  final ApprovalPanel panel;

  private final Approvals approvals;
  private final MessageTemplates templates;

  public ApprovalsView(Approvals approvals, ApprovalDesk desk, MessageTemplates templates,
      AuthenticationContext authentication) {
    this.approvals = approvals;
    this.templates = templates;
    setId("approvals");
    getStyle().set("padding", "var(--lumo-space-m)");
    panel = new ApprovalPanel(desk, authentication.getPrincipalName().orElseThrow(), this::decided);

    requests.setId("approval-requests");
    requests.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
    requests.addColumn(row -> row.approval().campaignName()).setKey("campaign").setHeader("Campaign")
        .setFlexGrow(1);
    requests.addColumn(row -> template(row.approval())).setKey("template").setHeader("Template").setAutoWidth(true);
    requests.addColumn(row -> row.approval().audienceSize()).setKey("audience").setHeader("Audience")
        .setAutoWidth(true);
    requests.addColumn(row -> row.estimate().segmentsText()).setKey("segments").setHeader("Est. segments")
        .setAutoWidth(true);
    requests.addColumn(row -> row.estimate().costText()).setKey("cost").setHeader("Est. cost").setAutoWidth(true);
    requests.addColumn(row -> row.approval().createdBy()).setKey("requester").setHeader("Requested by")
        .setAutoWidth(true);
    requests.addColumn(row -> TIME.format(row.approval().requestedAt())).setKey("requested").setHeader("Requested")
        .setAutoWidth(true);
    requests.addColumn(row -> TIME.format(row.approval().expiresAt())).setKey("expires").setHeader("Expires")
        .setAutoWidth(true);
    requests.addColumn(row -> row.sensitive() ? "sensitive: " + row.approval().topic() : "")
        .setKey("sensitive").setHeader("Sensitive").setAutoWidth(true);
    requests.setItems(query -> PagedRows.rows(query.getOffset(), query.getLimit(), this::page).stream())
        .setIdentifierProvider(row -> row.approval().id().value());
    requests.addSelectionListener(e -> panel.show(e.getFirstSelectedItem().orElse(null)));
    requests.setSizeFull();

    SplitLayout split = new SplitLayout(requests, panel);
    split.setSplitterPosition(60);
    split.setWidthFull();
    split.setHeight("640px");
    add(new H1("Approvals"), new Paragraph("Sends waiting for sign-off, soonest expiry first. Nothing goes out "
        + "before someone other than its requester approves it; a request nobody decides expires and sends nothing."),
        split);
  }

  static String template(ApprovalView approval) {
    return approval.templateKey() + (approval.templateVersion() == null ? "" : " v" + approval.templateVersion());
  }

  private List<Row> page(int page, int size) {
    BigDecimal price = approvals.segmentPrice();
    return approvals.list("PENDING", page, size).stream().map(approval -> new Row(approval,
        Estimate.of(approval, templates, price), approvals.isSensitiveTopic(approval.topic()))).toList();
  }

  private void decided() {
    requests.deselectAll();
    requests.getDataProvider().refreshAll();
    panel.show(null);
  }
}
