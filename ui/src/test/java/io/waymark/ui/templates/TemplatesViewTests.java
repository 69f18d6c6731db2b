package io.waymark.ui.templates;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import io.waymark.EngineTest;
import io.waymark.platform.governance.AuditLog;
import io.waymark.platform.governance.AuditQuery;
import io.waymark.platform.governance.Role;
import io.waymark.platform.template.MessageTemplates;
import io.waymark.platform.template.TemplateDesk;
import io.waymark.platform.template.TemplateStatus;
import io.waymark.ui.layout.KaribuViews;
import io.waymark.ui.layout.SignIn;
import io.waymark.ui.overview.OverviewView;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;

/** Templates, browserless: live preview, problems next to the fields, save a draft, approve it, role guards. */
@EngineTest
class TemplatesViewTests extends EngineTest.Base {

  @Autowired ApplicationContext context;
  @Autowired MessageTemplates templates;
  @Autowired TemplateDesk desk;
  @Autowired AuditLog audit;

  @BeforeEach
  void openUi() {
    KaribuViews.open(context);
  }

  @AfterEach
  void closeUi() {
    KaribuViews.close();
  }

  private static TemplatesView open() {
    UI.getCurrent().navigate(OverviewView.class);
    UI.getCurrent().navigate(TemplatesView.class);
    return _get(TemplatesView.class);
  }

  @Test
  void previewsAsTheBodyIsTypedWithEncodingSegmentsAndTheCharactersThatCostUcs2() {
    SignIn.as("designer", Role.DESIGNER);
    TemplatesView view = open();

    view.editor.body.setValue("Hi {firstName|there}, it’s ready. Reply STOP to opt out.");

    assertThat(view.editor.preview.getText()).startsWith("Hi ").contains("ready");
    assertThat(view.editor.encoding.getText()).contains("UCS-2");
    assertThat(view.editor.segments.getText()).contains("Segments: 1 of at most 3", "with the look-alikes");
    assertThat(GridKt._size(view.editor.ucs2)).isEqualTo(1);
    assertThat(GridKt._getFormattedRow(view.editor.ucs2, 0)).containsExactly("25", "’", "U+2019", "\"'\"");

    view.editor.body.setValue("Hi {firstName|there}, it's ready.");
    assertThat(view.editor.encoding.getText()).contains("GSM-7");
    assertThat(view.editor.ucs2.isVisible()).isFalse();
  }

  @Test
  void namesEveryProblemOfARefusedSaveNextToItsField() {
    SignIn.as("designer", Role.DESIGNER);
    TemplatesView view = open();

    _click(view.save);
    assertThat(view.editor.key.isInvalid()).isTrue();
    assertThat(view.editor.body.isInvalid()).isTrue();

    view.editor.key.setValue("Bad Key!");
    view.editor.body.setValue("Hello {noSuchToken}");
    _click(view.save);

    assertThat(view.editor.key.isInvalid()).isTrue();
    assertThat(view.editor.key.getErrorMessage()).isNotBlank();
    assertThat(view.editor.body.isInvalid()).isTrue();
    assertThat(view.editor.body.getErrorMessage()).contains("noSuchToken");
    assertThat(templates.find("Bad Key!")).isEmpty();
  }

  @Test
  void aDesignerSavesADraftAndAnApproverApprovesItAsThemselves() {
    String key = "ui-test.t" + ThreadLocalRandom.current().nextInt(1_000_000);
    SignIn.as("designer", Role.DESIGNER);
    TemplatesView view = open();
    assertThat(view.approve.isVisible()).isFalse();
    view.editor.key.setValue(key);
    view.editor.body.setValue("Your appointment is confirmed.");
    _click(view.save);
    assertThat(templates.find(key)).get().satisfies(t -> assertThat(t.version(1).orElseThrow().status())
        .isEqualTo(TemplateStatus.DRAFT));

    view.editor.body.setValue("Your appointment is confirmed. See you soon.");
    _click(view.save);
    assertThat(templates.find(key).orElseThrow().versions()).singleElement()
        .satisfies(v -> assertThat(v.body()).endsWith("See you soon."));

    SignIn.as("approver", Role.APPROVER);
    TemplatesView approverView = open();
    assertThat(approverView.save.isVisible()).isFalse();
    approverView.templates.select(templates.find(key).orElseThrow());
    assertThat(approverView.editing.getText()).contains("draft v1");
    _click(approverView.approve);

    assertThat(templates.find(key).orElseThrow().version(1).orElseThrow()).satisfies(v -> {
      assertThat(v.status()).isEqualTo(TemplateStatus.APPROVED);
      assertThat(v.approvedBy()).isEqualTo("approver");
    });
    SignIn.as("compliance", Role.COMPLIANCE);
    assertThat(audit.find(AuditQuery.all().byAction("template.approved").bySubject("template", key + ":v1"), 0, 5)
        .getContent()).singleElement().satisfies(e -> assertThat(e.actor()).isEqualTo("approver"));
  }

  @Test
  void keepsTheLifetimeOfShortLinksWithTheDraftAndRefusesOneOutOfRange() {
    String key = "ui-test.l" + ThreadLocalRandom.current().nextInt(1_000_000);
    SignIn.as("designer", Role.DESIGNER);
    TemplatesView view = open();
    view.editor.key.setValue(key);
    view.editor.body.setValue("Your order is ready: {link:https://shop.example/orders/1}");
    view.editor.linkExpiryHours.setValue(0);
    _click(view.save);
    assertThat(templates.find(key)).isEmpty();
    assertThat(view.editor.linkExpiryHours.isInvalid()).isTrue();
    assertThat(view.editor.linkExpiryHours.getErrorMessage()).contains("8760");

    view.editor.linkExpiryHours.setValue(24);
    _click(view.save);
    assertThat(templates.find(key).orElseThrow().version(1).orElseThrow().linkExpiryHours()).isEqualTo(24);

    view.editor.body.setValue("Your order is ready for pick-up: {link:https://shop.example/orders/1}");
    _click(view.save);
    assertThat(templates.find(key).orElseThrow().version(1).orElseThrow().linkExpiryHours())
        .as("a saved draft keeps the lifetime the editor shows").isEqualTo(24);
    assertThat(open().editor.linkExpiryHours.getValue()).as("a fresh editor").isNull();
  }

  @ParameterizedTest
  @EnumSource(value = Role.class, names = {"SALES_REP", "OPS", "COMPLIANCE"})
  void keepsOutRolesThatDoNotWorkWithTemplates(Role role) {
    KaribuViews.assertKeptOut(role, TemplatesView.class);
  }

  @Test
  void guardsWritingAndApprovingInTheFacade() {
    SignIn.as("approver", Role.APPROVER);
    assertThatThrownBy(() -> desk.saveDraft("lead-follow-up.qualifying-question", null,
        io.waymark.platform.template.DraftContent.sms("x"))).isInstanceOf(AccessDeniedException.class);
    SignIn.as("designer", Role.DESIGNER);
    assertThatThrownBy(() -> desk.approve("lead-follow-up.qualifying-question", 1))
        .isInstanceOf(AccessDeniedException.class);
  }
}
