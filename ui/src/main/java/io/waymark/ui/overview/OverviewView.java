package io.waymark.ui.overview;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.waymark.platform.journey.JourneyCatalog;
import io.waymark.platform.messaging.EmailSender;
import io.waymark.platform.messaging.SmsSandbox;
import io.waymark.ui.layout.MainLayout;
import io.waymark.ui.security.FirstScreen;
import io.waymark.ui.security.PhoneMask;
import io.waymark.ui.security.SignedIn;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;

/**
 * The first screen, for every signed-in user: deployed journeys with versions and live runs, and what the sandbox and
 * email outbox hold (phone numbers masked for roles that do not need them). Right after signing in, every role but
 * ADMIN is forwarded to its own work ({@link FirstScreen}); opened from the menu, the Overview stays.
 */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Waymark")
@PermitAll
public class OverviewView extends Main implements BeforeEnterObserver {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
      .withZone(ZoneOffset.UTC);

  final Grid<JourneyCatalog.Journey> journeys = new Grid<>();
  final Grid<SmsSandbox.RecordedMessage> sandbox = new Grid<>();
  final Grid<EmailSender.Email> emails = new Grid<>();
  final Button refresh = new Button("Refresh", e -> refresh());

  private final JourneyCatalog catalog;
  private final SmsSandbox sms;
  private final EmailSender email;

  public OverviewView(JourneyCatalog catalog, SmsSandbox sms, EmailSender email) {
    this.catalog = catalog;
    this.sms = sms;
    this.email = email;
    setId("overview");
    getStyle().set("padding", "var(--lumo-space-m)");

    journeys.setId("journeys");
    journeys.addColumn(JourneyCatalog.Journey::processId).setHeader("Journey").setAutoWidth(true);
    journeys.addColumn(JourneyCatalog.Journey::name).setHeader("Name").setAutoWidth(true);
    journeys.addColumn(JourneyCatalog.Journey::latestVersion).setHeader("Latest version");
    journeys.addColumn(j -> j.versions().stream().map(v -> "v" + v.version()).collect(Collectors.joining(", ")))
        .setHeader("Versions");
    journeys.addColumn(JourneyCatalog.Journey::liveRuns).setHeader("Running instances");
    journeys.setAllRowsVisible(true);

    sandbox.setId("sandbox-outbox");
    sandbox.addColumn(m -> TIME.format(m.recordedAt())).setHeader("Time").setAutoWidth(true);
    sandbox.addColumn(SmsSandbox.RecordedMessage::direction).setHeader("Direction").setAutoWidth(true);
    boolean fullNumbers = SignedIn.seesFullPhoneNumbers();
    sandbox.addColumn(m -> fullNumbers ? m.phone() : PhoneMask.mask(m.phone())).setHeader("Phone")
        .setAutoWidth(true);
    sandbox.addColumn(SmsSandbox.RecordedMessage::body).setHeader("Text").setFlexGrow(1);
    sandbox.setItems(query -> sms.recorded(null, query.getPage(), query.getPageSize()).stream());
    sandbox.setHeight("320px");

    emails.setId("email-outbox");
    emails.addColumn(m -> TIME.format(m.createdAt())).setHeader("Time").setAutoWidth(true);
    emails.addColumn(EmailSender.Email::to).setHeader("To").setAutoWidth(true);
    emails.addColumn(EmailSender.Email::subject).setHeader("Subject").setFlexGrow(1);
    emails.setItems(query -> email.outbox(query.getPage(), query.getPageSize()).stream());
    emails.setHeight("220px");

    add(new H1("Waymark"), new Paragraph("Journeys deployed to the engine, and what the sandbox SMS provider and "
        + "the email outbox recorded. The page refreshes every 5 seconds."), refresh,
        new H2("Journeys"), journeys, new H2("Sandbox SMS"), sandbox, new H2("Email outbox"), emails);
    refresh();
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    FirstScreen.takeAfterSignIn().ifPresent(event::forwardTo);
  }

  final void refresh() {
    journeys.setItems(catalog.journeys());
    sandbox.getDataProvider().refreshAll();
    emails.getDataProvider().refreshAll();
  }

  @Override
  protected void onAttach(AttachEvent attach) {
    attach.getUI().setPollInterval(5000);
    attach.getUI().addPollListener(poll -> refresh());
  }

  @Override
  protected void onDetach(DetachEvent detach) {
    detach.getUI().setPollInterval(-1);
  }
}
