package io.waymark.ui.contacts;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.DownloadKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.UI;
import io.waymark.EngineTest;
import io.waymark.platform.consent.ConsentChanges;
import io.waymark.platform.consent.ConsentLedger;
import io.waymark.platform.consent.OptIn;
import io.waymark.platform.contact.ContactDetails;
import io.waymark.platform.contact.ContactDirectory;
import io.waymark.platform.contact.ContactView;
import io.waymark.platform.contact.ImportStatus;
import io.waymark.platform.governance.AuditEntryView;
import io.waymark.platform.governance.AuditLog;
import io.waymark.platform.governance.AuditQuery;
import io.waymark.platform.governance.Role;
import io.waymark.ui.layout.KaribuViews;
import io.waymark.ui.layout.SignIn;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;

/** Contacts & consent, browserless: search, timeline, manual opt-out, evidence export, CSV import, role guards. */
@EngineTest
class ContactsViewTests extends EngineTest.Base {

  @Autowired ApplicationContext context;
  @Autowired ContactDirectory contacts;
  @Autowired ConsentLedger ledger;
  @Autowired ConsentChanges changes;
  @Autowired AuditLog audit;

  @BeforeEach
  void openUi() {
    KaribuViews.open(context);
  }

  @AfterEach
  void closeUi() {
    KaribuViews.close();
  }

  private static String phone() {
    return "+1212555" + String.format("%04d", ThreadLocalRandom.current().nextInt(10000));
  }

  /** A contact with a unique last name and an opt-in to promotions. */
  private ContactView contactWithConsent(String lastName) {
    ContactView contact = contacts.upsert(new ContactDetails(phone(), null, "Maya", lastName, null, null, null, null,
        Map.of()));
    ledger.recordOptIn(new OptIn(contact.id(), contact.phone(), List.of("promotions"), "web-form",
        "Yes, text me offers. Reply STOP to cancel.", "test", Instant.now().minusSeconds(60)));
    return contact;
  }

  private ContactsView openAndFind(String search) {
    UI.getCurrent().navigate(ContactsView.class);
    ContactsView view = _get(ContactsView.class);
    view.search.setValue(search);
    return view;
  }

  private List<AuditEntryView> audited(String action, ContactView contact) {
    return audit.find(AuditQuery.all().byAction(action).bySubject("contact", String.valueOf(contact.id().value())),
        0, 10).getContent();
  }

  @Test
  void findsContactsByNameOrPhoneDigitsAndShowsTheConsentTimeline() {
    String lastName = "Lopez" + ThreadLocalRandom.current().nextInt(1_000_000);
    ContactView contact = contactWithConsent(lastName);
    SignIn.as("compliance", Role.COMPLIANCE);

    ContactsView view = openAndFind("maya " + lastName.toLowerCase());
    assertThat(GridKt._size(view.contacts)).isEqualTo(1);
    assertThat(GridKt._getFormattedRow(view.contacts, 0)).contains(contact.phone(), "Maya " + lastName);

    view.search.setValue(contact.phone().substring(2, 5) + " " + contact.phone().substring(5));
    assertThat(GridKt._size(view.contacts)).isGreaterThanOrEqualTo(1);
    assertThat(GridKt._get(view.contacts, 0).phone()).isEqualTo(contact.phone());

    view.contacts.select(GridKt._get(view.contacts, 0));
    assertThat(view.consent.isVisible()).isTrue();
    assertThat(String.join(" | ", GridKt._getFormattedRow(view.consent.timeline, 0)))
        .contains("promotions", "opted in", "web-form", "Yes, text me offers. Reply STOP to cancel.");
  }

  @Test
  void optsOutByHandOnlyWithAReasonAndAuditsIt() {
    ContactView contact = contactWithConsent("Optout" + ThreadLocalRandom.current().nextInt(1_000_000));
    SignIn.as("compliance", Role.COMPLIANCE);
    ContactsView view = openAndFind(contact.phone());
    view.contacts.select(GridKt._get(view.contacts, 0));

    _click(view.consent.optOut);
    assertThat(view.consent.reason.isInvalid()).isTrue();
    assertThat(view.consent.reason.getErrorMessage()).contains("reason");
    assertThat(ledger.hasOptIn(contact.id(), "promotions")).isTrue();

    view.consent.reason.setValue("Asked by phone to stop every text");
    _click(view.consent.optOut);

    assertThat(ledger.hasOptIn(contact.id(), "promotions")).isFalse();
    assertThat(String.join(" | ", GridKt._getFormattedRow(view.consent.timeline, 0)))
        .contains("every topic", "opted out", "agent:compliance", "Asked by phone to stop every text");
    List<AuditEntryView> entries = audited("consent.revoked", contact);
    assertThat(entries).singleElement().satisfies(e -> {
      assertThat(e.actor()).isEqualTo("compliance");
      assertThat(e.before()).contains("OPTED_IN");
      assertThat(e.after()).contains("OPTED_OUT");
    });
  }

  @Test
  void exportsTheConsentEvidenceAsADownloadAndAuditsIt() {
    ContactView contact = contactWithConsent("Evidence" + ThreadLocalRandom.current().nextInt(1_000_000));
    SignIn.as("ops", Role.OPS, Role.COMPLIANCE);
    ContactsView view = openAndFind(contact.phone());
    view.contacts.select(GridKt._get(view.contacts, 0));

    String csv = new String(DownloadKt._download(view.consent.evidenceCsv), StandardCharsets.UTF_8);
    String json = new String(DownloadKt._download(view.consent.evidenceJson), StandardCharsets.UTF_8);

    assertThat(csv).startsWith("line,kind,topic").contains("OPT_IN", "Yes, text me offers. Reply STOP to cancel.");
    assertThat(json).contains("\"history\"", contact.phone());
    assertThat(audited("consent.evidence.exported", contact)).hasSize(2)
        .allSatisfy(e -> assertThat(e.actor()).isEqualTo("ops"));
  }

  @Test
  void importsACsvInTheBackgroundWithProgressAndThePerRowReport() {
    String good = phone();
    String csv = "external_id,phone,first_name\nrow-1," + good + ",Imported\nrow-2,12345,Broken\n";
    SignIn.as("ops", Role.OPS);
    UI.getCurrent().navigate(ContactsView.class);
    ContactsView view = _get(ContactsView.class);

    UploadKt._upload(view.imports.upload, "contacts.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    Awaitility.await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(() -> {
      view.imports.refresh();
      return view.imports.status().map(s -> s.status() != ImportStatus.Status.RUNNING).orElse(false);
    });

    assertThat(view.imports.status()).get().extracting(ImportStatus::status).isEqualTo(ImportStatus.Status.DONE);
    assertThat(view.imports.progress.isVisible()).isTrue();
    assertThat(view.imports.progress.getValue()).isEqualTo(1.0);
    assertThat(view.imports.status.getText()).contains("DONE", "2 of 2 rows", "1 rejected");
    assertThat(GridKt._size(view.imports.report)).isEqualTo(1);
    assertThat(String.join(" | ", GridKt._getFormattedRow(view.imports.report, 0))).contains("row-2", "REJECTED",
        "phone");
    assertThat(contacts.findByPhone(good)).isPresent();
  }

  @Test
  void refusesAFileWithAnUnknownColumnNamingIt() {
    SignIn.as("ops", Role.OPS);
    UI.getCurrent().navigate(ContactsView.class);
    ContactsView view = _get(ContactsView.class);

    UploadKt._upload(view.imports.upload, "bad.csv", "text/csv",
        "phone,favourite_colour\n+12125550100,blue\n".getBytes(StandardCharsets.UTF_8));

    assertThat(view.imports.status()).isEmpty();
    assertThat(notificationTexts()).anyMatch(t -> t.contains("favourite_colour"));
  }

  static List<String> notificationTexts() {
    return NotificationsKt.getNotifications().stream().map(n -> n.getElement().getProperty("text", "")).toList();
  }

  @ParameterizedTest
  @EnumSource(value = Role.class, names = {"DESIGNER", "APPROVER", "SALES_REP"})
  void keepsOutRolesThatDoNotWorkWithConsent(Role role) {
    KaribuViews.assertKeptOut(role, ContactsView.class);
  }

  @Test
  void guardsTheManualOptOutAndTheExportInTheFacade() {
    ContactView contact = contactWithConsent("Guard" + ThreadLocalRandom.current().nextInt(1_000_000));
    SignIn.as("designer", Role.DESIGNER);

    assertThatThrownBy(() -> changes.optOut(contact.id(), List.of(), "no")).isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> changes.exportEvidence(contact.id(), "csv")).isInstanceOf(AccessDeniedException.class);
    assertThat(ledger.hasOptIn(contact.id(), "promotions")).isTrue();
  }
}
