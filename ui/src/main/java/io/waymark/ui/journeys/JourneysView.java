package io.waymark.ui.journeys;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import io.waymark.platform.journey.JourneyCatalog;
import io.waymark.platform.journey.JourneyInsights;
import io.waymark.platform.support.InvalidInputException;
import io.waymark.ui.layout.MainLayout;
import io.waymark.workers.engine.JourneyManagement;
import io.waymark.workers.engine.JourneyPublisher;
import io.waymark.workers.engine.JourneyRejectedException;
import io.waymark.workflows.lint.Finding;
import io.waymark.workflows.lint.LintReport;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Journeys for designers (and ops, who may look, pause and resume): every journey with its versions and live runs;
 * the chosen version drawn by bpmn-js with live runs, failed attempts and incidents per element; a BPMN upload that
 * is linted at once (each finding with its rule and element id; clicking a finding highlights its element), and
 * published only when the report has no error (audited {@code journey.published}); pause and resume (audited by the
 * catalog).
 *
 * <p>Component ids: {@code journeys} (this view), {@code journey-list} (grid), {@code journey-version} (select),
 * {@code journey-diagram}, {@code journey-diagram-missing}, {@code journey-pause}, {@code journey-resume},
 * {@code journey-upload}, {@code lint-report} (grid), {@code lint-summary}, {@code journey-publish}.
 */
@Route(value = "journeys", layout = MainLayout.class)
@PageTitle("Journeys · Waymark")
@RolesAllowed({"DESIGNER", "ADMIN", "OPS"})
public class JourneysView extends Main {

  final Grid<JourneyCatalog.Journey> journeys = new Grid<>();
  final Select<Integer> version = new Select<>();
  final JourneyDiagram diagram = new JourneyDiagram();
  final Span diagramMissing = new Span();
  final Button pause = new Button("Pause");
  final Button resume = new Button("Resume");
  final Upload upload;
  final Grid<Finding> lintReport = new Grid<>();
  final Span lintSummary = new Span();
  final Button publish = new Button("Publish");

  private final JourneyCatalog catalog;
  private final JourneyInsights insights;
  private final JourneyManagement management;
  private String uploadedName;
  private byte[] uploaded;

  public JourneysView(JourneyCatalog catalog, JourneyInsights insights, JourneyManagement management) {
    this.catalog = catalog;
    this.insights = insights;
    this.management = management;
    setId("journeys");
    getStyle().set("padding", "var(--lumo-space-m)");

    journeys.setId("journey-list");
    journeys.addColumn(JourneyCatalog.Journey::processId).setHeader("Journey").setAutoWidth(true);
    journeys.addColumn(JourneyCatalog.Journey::name).setHeader("Name").setFlexGrow(1);
    journeys.addColumn(JourneyCatalog.Journey::latestVersion).setHeader("Latest version").setAutoWidth(true);
    journeys.addColumn(j -> j.versions().size()).setHeader("Versions").setAutoWidth(true);
    journeys.addColumn(JourneyCatalog.Journey::liveRuns).setHeader("Live runs").setAutoWidth(true);
    journeys.addColumn(j -> j.paused() == null ? "running" : "paused by " + j.paused().by())
        .setHeader("State").setAutoWidth(true);
    journeys.setAllRowsVisible(true);
    journeys.addSelectionListener(e -> selected());

    version.setId("journey-version");
    version.setLabel("Version");
    version.addValueChangeListener(e -> drawVersion());
    pause.setId("journey-pause");
    pause.addClickListener(e -> pauseOrResume(true));
    resume.setId("journey-resume");
    resume.addClickListener(e -> pauseOrResume(false));
    diagramMissing.setId("journey-diagram-missing");
    diagramMissing.setVisible(false);

    upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> received(metadata.fileName(), bytes)));
    upload.setId("journey-upload");
    upload.setAcceptedFileTypes(".bpmn", "application/xml", "text/xml");
    upload.setMaxFiles(1);
    upload.setMaxFileSize(2 * 1024 * 1024);
    upload.setDropLabel(new Span("Drop a .bpmn file here to lint it"));
    lintReport.setId("lint-report");
    lintReport.addColumn(f -> f.severity().name()).setHeader("Severity").setAutoWidth(true);
    lintReport.addColumn(Finding::rule).setHeader("Rule").setAutoWidth(true);
    lintReport.addColumn(f -> f.elementId() == null ? "" : f.elementId()).setHeader("Element").setAutoWidth(true);
    lintReport.addColumn(Finding::message).setHeader("Finding").setFlexGrow(1);
    lintReport.setAllRowsVisible(true);
    lintReport.setVisible(false);
    lintReport.addItemClickListener(e -> {
      if (e.getItem().elementId() != null) {
        diagram.highlight(e.getItem().elementId());
      }
    });
    lintSummary.setId("lint-summary");
    publish.setId("journey-publish");
    publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    publish.setVisible(false);
    publish.addClickListener(e -> publishUploaded());

    add(new H1("Journeys"), journeys, new HorizontalLayout(version, pause, resume), diagramMissing, diagram);
    if (hasAnyRole("DESIGNER", "ADMIN")) {
      add(new H2("Upload a journey"), new Paragraph("A .bpmn file holding one journey is linted at once; it can be "
          + "published when the linter finds no error. Click a finding to see its element."), upload, lintSummary,
          lintReport, publish);
    }
    refresh(null);
  }

  /** Reloads the journeys and selects {@code processId} (or the first journey). */
  void refresh(String processId) {
    List<JourneyCatalog.Journey> all = catalog.journeys();
    journeys.setItems(all);
    all.stream().filter(j -> processId == null || j.processId().equals(processId)).findFirst()
        .ifPresentOrElse(journeys::select, this::selected);
  }

  private void selected() {
    JourneyCatalog.Journey journey = journeys.asSingleSelect().getValue();
    boolean any = journey != null;
    pause.setVisible(any && journey.paused() == null);
    resume.setVisible(any && journey.paused() != null);
    if (!any) {
      version.setItems(List.of());
      return;
    }
    version.setItems(journey.versions().stream().map(JourneyCatalog.Version::version).toList());
    version.setValue(journey.latestVersion());
  }

  private void drawVersion() {
    JourneyCatalog.Journey journey = journeys.asSingleSelect().getValue();
    Integer chosen = version.getValue();
    if (journey == null || chosen == null) {
      return;
    }
    var xml = catalog.diagram(journey.processId(), chosen);
    diagramMissing.setVisible(xml.isEmpty());
    diagramMissing.setText(xml.isEmpty() ? "The BPMN of " + journey.processId() + " version " + chosen
        + " was deployed before Waymark kept diagrams; publish it again to see it here." : "");
    diagram.setVisible(xml.isPresent());
    xml.ifPresent(bpmn -> diagram.show(bpmn, insights.elementCounts(journey.processId(), chosen)));
  }

  private void pauseOrResume(boolean pausing) {
    JourneyCatalog.Journey journey = journeys.asSingleSelect().getValue();
    if (journey == null) {
      return;
    }
    try {
      if (pausing) {
        management.pause(journey.processId());
      } else {
        management.resume(journey.processId());
      }
      notify((pausing ? "Paused " : "Resumed ") + journey.processId(), NotificationVariant.LUMO_SUCCESS);
      refresh(journey.processId());
    } catch (RuntimeException e) {
      failed(e);
    }
  }

  /** An uploaded file: lint it, show the report and the diagram, offer Publish when there is no error. */
  void received(String fileName, byte[] bpmn) {
    uploadedName = fileName;
    uploaded = bpmn;
    LintReport report;
    try {
      report = management.lint(bpmn);
    } catch (RuntimeException e) {
      failed(e);
      return;
    }
    lintReport.setItems(report.findings());
    lintReport.setVisible(true);
    lintSummary.setText(fileName + ": " + report.errors().size() + " error(s), " + report.warnings().size()
        + " warning(s)" + (report.hasErrors() ? " — fix the errors to publish" : ""));
    publish.setVisible(!report.hasErrors());
    if (!report.processes().isEmpty()) {
      diagramMissing.setVisible(false);
      diagram.setVisible(true);
      diagram.show(new String(bpmn, java.nio.charset.StandardCharsets.UTF_8), Map.of());
    }
  }

  private void publishUploaded() {
    if (uploaded == null) {
      return;
    }
    try {
      JourneyPublisher.Published published = management.publish(uploadedName, uploaded);
      notify("Published " + published.processId() + " version " + published.version(),
          NotificationVariant.LUMO_SUCCESS);
      publish.setVisible(false);
      uploaded = null;
      refresh(published.processId());
    } catch (JourneyRejectedException rejected) {
      lintReport.setItems(rejected.report().findings());
      publish.setVisible(false);
      notify("Not published: " + rejected.report().errors().size() + " error(s); see the report",
          NotificationVariant.LUMO_ERROR);
    } catch (RuntimeException e) {
      failed(e);
    }
  }

  private static void failed(RuntimeException e) {
    String message = e instanceof InvalidInputException invalid ? invalid.getMessage()
        : e instanceof JourneyCatalog.UnknownJourneyException unknown ? unknown.getMessage()
        : e instanceof org.springframework.security.access.AccessDeniedException ? "You may not do that"
        : "Something went wrong: " + e.getClass().getSimpleName();
    notify(message, NotificationVariant.LUMO_ERROR);
  }

  private static void notify(String text, NotificationVariant variant) {
    Notification notification = Notification.show(text, 5000, Notification.Position.BOTTOM_START);
    notification.addThemeVariants(variant);
  }

  static boolean hasAnyRole(String... roles) {
    Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
    if (signedIn == null) {
      return false;
    }
    for (String role : roles) {
      if (signedIn.getAuthorities().stream().anyMatch(a -> ("ROLE_" + role).equals(a.getAuthority()))) {
        return true;
      }
    }
    return false;
  }
}
