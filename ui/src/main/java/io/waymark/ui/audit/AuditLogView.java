package io.waymark.ui.audit;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.waymark.platform.governance.AuditEntryView;
import io.waymark.platform.governance.AuditLog;
import io.waymark.platform.governance.AuditQuery;
import io.waymark.ui.layout.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The audit log for COMPLIANCE and ADMIN: newest first, paged lazily, filtered by actor, action and subject. */
@Route(value = "audit", layout = MainLayout.class)
@PageTitle("Audit log · Waymark")
@RolesAllowed({"COMPLIANCE", "ADMIN"})
public class AuditLogView extends Main {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
      .withZone(ZoneOffset.UTC);

  final TextField actor = new TextField("Actor");
  final TextField action = new TextField("Action");
  final TextField subjectType = new TextField("Subject type");
  final TextField subjectId = new TextField("Subject id");
  final Grid<AuditEntryView> entries = new Grid<>();

  public AuditLogView(AuditLog audit) {
    setId("audit-log");
    getStyle().set("padding", "var(--lumo-space-m)");
    for (TextField filter : new TextField[] {actor, action, subjectType, subjectId}) {
      filter.setClearButtonVisible(true);
      filter.setValueChangeMode(ValueChangeMode.LAZY);
      filter.addValueChangeListener(e -> entries.getDataProvider().refreshAll());
    }
    entries.setId("audit-entries");
    entries.addColumn(e -> TIME.format(e.at())).setHeader("When").setAutoWidth(true);
    entries.addColumn(AuditEntryView::actor).setHeader("Who").setAutoWidth(true);
    entries.addColumn(AuditEntryView::action).setHeader("Action").setAutoWidth(true);
    entries.addColumn(e -> e.subjectType() + " " + e.subjectId()).setHeader("Subject").setAutoWidth(true);
    entries.addColumn(e -> e.before() == null ? "" : e.before()).setHeader("Before").setFlexGrow(1);
    entries.addColumn(e -> e.after() == null ? "" : e.after()).setHeader("After").setFlexGrow(1);
    entries.addColumn(e -> e.detail() == null ? "" : e.detail()).setHeader("Detail").setFlexGrow(1);
    entries.setItems(query -> audit.find(query(), query.getPage(), query.getPageSize()).stream(),
        query -> (int) Math.min(Integer.MAX_VALUE, audit.find(query(), 0, 1).getTotalElements()));
    entries.setHeight("600px");
    add(new H1("Audit log"), new Paragraph("Every governance action: who, when, what, before and after. "
        + "Entries are never changed or removed."), new HorizontalLayout(actor, action, subjectType, subjectId),
        entries);
  }

  AuditQuery query() {
    return AuditQuery.all().byActor(actor.getValue()).byAction(action.getValue())
        .bySubject(subjectType.getValue(), subjectId.getValue());
  }
}
