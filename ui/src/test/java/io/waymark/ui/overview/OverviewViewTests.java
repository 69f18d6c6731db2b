package io.waymark.ui.overview;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.spring.SpringServlet;
import io.waymark.EngineTest;
import io.waymark.platform.consent.ConsentLedger;
import io.waymark.platform.consent.OptIn;
import io.waymark.platform.contact.ContactDetails;
import io.waymark.platform.contact.ContactDirectory;
import io.waymark.platform.journey.JourneyCatalog;
import io.waymark.platform.messaging.SmsRequest;
import io.waymark.platform.messaging.SmsSender;
import io.waymark.platform.governance.Role;
import io.waymark.ui.layout.SignIn;
import io.waymark.workflows.Journeys;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import kotlin.jvm.functions.Function0;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;

/** The first screen, browserless: journeys with versions, and the sandbox outbox. */
@EngineTest
class OverviewViewTests extends EngineTest.Base {

  private static final Routes ROUTES = new Routes().autoDiscoverViews("io.waymark.ui");

  @Autowired ApplicationContext context;
  @Autowired ContactDirectory contacts;
  @Autowired ConsentLedger consent;
  @Autowired SmsSender sms;

  @BeforeEach
  void openUi() {
    Function0<UI> uiFactory = UI::new;
    SpringServlet servlet = new MockSpringServlet(ROUTES, context, uiFactory);
    MockVaadin.setup(uiFactory, servlet);
  }

  @AfterEach
  void closeUi() {
    MockVaadin.tearDown();
    SecurityContextHolder.clearContext();
  }

  @Test
  void listsDeployedJourneysAndTheSandboxOutbox() {
    var contact = contacts.upsert(ContactDetails.ofPhone("+12125550199"));
    consent.recordOptIn(new OptIn(contact.id(), contact.phone(), List.of("promotions"), "web-form", "Yes",
        "test", Instant.now().minusSeconds(10)));
    sms.send(new SmsRequest("view-test:" + UUID.randomUUID(), contact.id(), "promotions", "promotional",
        "Hello from the overview test", null, null));

    SignIn.as("rep", Role.SALES_REP);
    UI.getCurrent().navigate(OverviewView.class);
    OverviewView view = _get(OverviewView.class);

    @SuppressWarnings("unchecked")
    Grid<JourneyCatalog.Journey> journeys = view.journeys;
    assertThat(GridKt._size(journeys)).isGreaterThanOrEqualTo(1);
    assertThat(IntStream.range(0, GridKt._size(journeys))
        .mapToObj(row -> GridKt._get(journeys, row).processId()).toList())
        .as("the bundled journeys, in process id order").containsAll(Journeys.BUNDLED).isSorted();
    assertThat(GridKt._getFormattedRow(view.sandbox, 0)).contains("+12125550199", "Hello from the overview test");
  }

  @Test
  void masksPhoneNumbersForADesigner() {
    var contact = contacts.upsert(ContactDetails.ofPhone("+12125550198"));
    consent.recordOptIn(new OptIn(contact.id(), contact.phone(), List.of("promotions"), "web-form", "Yes",
        "test", Instant.now().minusSeconds(10)));
    sms.send(new SmsRequest("view-test:" + UUID.randomUUID(), contact.id(), "promotions", "promotional",
        "Hello, designer", null, null));

    SignIn.as("designer", Role.DESIGNER);
    UI.getCurrent().navigate(OverviewView.class);

    String row = String.join(" | ", GridKt._getFormattedRow(_get(OverviewView.class).sandbox, 0));
    assertThat(row).contains("+1 212 ••• ••98", "Hello, designer").doesNotContain("+12125550198");
  }
}
