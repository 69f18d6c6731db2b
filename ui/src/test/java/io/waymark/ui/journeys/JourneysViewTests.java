package io.waymark.ui.journeys;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import io.waymark.EngineTest;
import io.waymark.platform.governance.AuditLog;
import io.waymark.platform.governance.AuditQuery;
import io.waymark.platform.governance.Role;
import io.waymark.platform.journey.JourneyCatalog;
import io.waymark.ui.layout.KaribuViews;
import io.waymark.ui.layout.SignIn;
import io.waymark.workflows.lint.Finding;
import io.waymark.workflows.lint.LintFixtures;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;


/** The Journeys view, browserless: list and diagram, upload, lint report, publish, pause and resume, role guard. */
@EngineTest
class JourneysViewTests extends EngineTest.Base {

  @Autowired ApplicationContext context;
  @Autowired AuditLog audit;
  @Autowired JourneyCatalog catalog;

  @BeforeEach
  void openUi() {
    KaribuViews.open(context);
  }

  @AfterEach
  void closeUi() {
    KaribuViews.close();
  }

  private static JourneysView open(String username, Role... roles) {
    SignIn.as(username, roles);
    UI.getCurrent().navigate(JourneysView.class);
    return _get(JourneysView.class);
  }

  @Test
  void drawsTheChosenVersionOfAJourneyWithItsBpmn() {
    JourneysView view = open("designer", Role.DESIGNER);

    JourneyCatalog.Journey leadFollowUp = rows(view.journeys).stream()
        .filter(j -> j.processId().equals("lead-follow-up")).findFirst().orElseThrow();
    view.journeys.select(leadFollowUp);

    assertThat(view.version.getValue()).isEqualTo(leadFollowUp.latestVersion());
    assertThat(view.diagram.xml()).contains("id=\"lead-follow-up\"");
    assertThat(view.diagramMissing.isVisible()).isFalse();
    assertThat(view.pause.isVisible()).isTrue();
    assertThat(view.resume.isVisible()).isFalse();
  }

  @Test
  void showsTheLintReportWithElementIdsAndOffersNoPublishWhenThereAreErrors() {
    JourneysView view = open("designer", Role.DESIGNER);

    UploadKt._upload(view.upload, "send-without-consent.bpmn", "application/xml",
        LintFixtures.file("send-without-consent"));
    MockVaadin.clientRoundtrip();

    assertThat(view.lintReport.isVisible()).isTrue();
    List<Finding> findings = rows(view.lintReport);
    assertThat(findings).anySatisfy(f -> {
      assertThat(f.rule()).isEqualTo("consent-before-send");
      assertThat(f.elementId()).isNotBlank();
    });
    assertThat(view.lintSummary.getText()).contains("send-without-consent.bpmn", "fix the errors to publish");
    assertThat(view.publish.isVisible()).isFalse();

    Finding located = findings.stream().filter(f -> f.elementId() != null).findFirst().orElseThrow();
    GridKt._clickItem(view.lintReport, findings.indexOf(located));
    assertThat(view.diagram.highlighted()).isEqualTo(located.elementId());
  }

  @Test
  void publishesACleanUploadAndAuditsIt() {
    String processId = "ui-test-" + UUID.randomUUID().toString().substring(0, 8);
    byte[] bpmn = new String(LintFixtures.file("clean"), StandardCharsets.UTF_8)
        .replace("id=\"lint-clean\"", "id=\"" + processId + "\"")
        .replace("source=\"appointment.reminder\"", "source=\"appointment-reminder.reminder-24h\"")
        .getBytes(StandardCharsets.UTF_8);
    JourneysView view = open("designer", Role.DESIGNER);

    UploadKt._upload(view.upload, processId + ".bpmn", "application/xml", bpmn);
    MockVaadin.clientRoundtrip();
    assertThat(view.lintSummary.getText()).contains("0 error(s)");
    assertThat(view.publish.isVisible()).isTrue();
    view.publish.click();

    NotificationsKt.expectNotifications("Published " + processId + " version 1");
    assertThat(catalog.isDeployed(processId)).isTrue();
    assertThat(catalog.diagram(processId, 1)).hasValueSatisfying(xml -> assertThat(xml).contains(processId));
    assertThat(view.journeys.asSingleSelect().getValue().processId()).isEqualTo(processId);
    assertThat(view.publish.isVisible()).isFalse();
    SignIn.as("compliance", Role.COMPLIANCE);
    assertThat(audit.find(AuditQuery.all().byAction("journey.published").bySubject("journey", processId), 0, 10)
        .getContent()).singleElement().satisfies(e -> {
          assertThat(e.actor()).isEqualTo("designer");
          assertThat(e.after()).contains("\"version\":1");
        });
  }

  @Test
  void letsOpsPauseAndResumeAJourneyAuditedOnceEachButNotUpload() {
    JourneysView view = open("ops", Role.OPS);
    assertThat(view.upload.isAttached()).as("ops may not upload").isFalse();
    JourneyCatalog.Journey winBack = rows(view.journeys).stream().filter(j -> j.processId().equals("win-back"))
        .findFirst().orElseThrow();
    view.journeys.select(winBack);

    view.pause.click();
    assertThat(catalog.isPaused("win-back")).isTrue();
    assertThat(view.resume.isVisible()).isTrue();
    view.resume.click();
    assertThat(catalog.isPaused("win-back")).isFalse();
    assertThat(view.pause.isVisible()).isTrue();

    SignIn.as("compliance", Role.COMPLIANCE);
    for (String action : List.of("journey.paused", "journey.resumed")) {
      assertThat(audit.find(AuditQuery.all().byAction(action).bySubject("journey", "win-back").byActor("ops"), 0,
          10).getContent()).as(action).hasSize(1);
    }
  }

  @Test
  void keepsASalesRepOut() {
    SignIn.as("rep", Role.SALES_REP, Role.APPROVER, Role.COMPLIANCE);
    KaribuViews.assertKeptOut(JourneysView.class);
  }

  private static <T> List<T> rows(Grid<T> grid) {
    return IntStream.range(0, GridKt._size(grid)).mapToObj(i -> GridKt._get(grid, i)).toList();
  }
}
