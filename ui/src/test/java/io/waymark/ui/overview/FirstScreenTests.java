package io.waymark.ui.overview;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;
import io.waymark.EngineTest;
import io.waymark.platform.governance.Role;
import io.waymark.ui.audit.AuditLogView;
import io.waymark.ui.contacts.ContactsView;
import io.waymark.ui.layout.KaribuViews;
import io.waymark.ui.layout.SignIn;
import io.waymark.ui.leads.LeadInboxView;
import io.waymark.ui.monitoring.MonitoringView;
import io.waymark.ui.security.FirstScreen;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;


/**
 * The first screen after signing in, browserless: the Overview forwards each role to its work once, right after the
 * sign-in marked the session ({@link FirstScreen#JUST_SIGNED_IN}, as the success handler does); opened again (from
 * the menu), or with no fresh sign-in, it stays; a sign-in that went on to another view does not send a later visit
 * to the Overview away.
 */
@EngineTest
class FirstScreenTests extends EngineTest.Base {

  @Autowired ApplicationContext context;

  @BeforeEach
  void openUi() {
    KaribuViews.open(context);
  }

  @AfterEach
  void closeUi() {
    KaribuViews.close();
  }

  private static void justSignedIn() {
    VaadinSession.getCurrent().getSession().setAttribute(FirstScreen.JUST_SIGNED_IN, Boolean.TRUE);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "SALES_REP,  io.waymark.ui.leads.LeadInboxView",
      "APPROVER,   io.waymark.ui.approvals.ApprovalsView",
      "OPS,        io.waymark.ui.monitoring.MonitoringView",
      "DESIGNER,   io.waymark.ui.journeys.JourneysView",
      "COMPLIANCE, io.waymark.ui.contacts.ContactsView",
      "ADMIN,      io.waymark.ui.overview.OverviewView"})
  void rightAfterSignInEachRoleLandsOnItsWorkAndTheMenuStillOpensTheOverview(Role role, Class<? extends Component> work) {
    SignIn.as("someone", role);
    justSignedIn();

    UI.getCurrent().navigate(OverviewView.class);

    _get(work);
    assertThat(VaadinSession.getCurrent().getSession().getAttribute(FirstScreen.JUST_SIGNED_IN)).isNull();
    UI.getCurrent().navigate(OverviewView.class); // the menu's entry
    _get(OverviewView.class);
  }

  @Test
  void aUserWithSeveralRolesLandsWhereTheFirstOfTheOrderSendsThem() {
    SignIn.as("both", Role.ADMIN, Role.COMPLIANCE, Role.OPS);
    justSignedIn();

    UI.getCurrent().navigate(OverviewView.class);

    _get(MonitoringView.class);
    assertThat(_find(OverviewView.class)).isEmpty();
    assertThat(FirstScreen.routeFor(EnumSet.of(Role.DESIGNER, Role.APPROVER))).contains("approvals");
    assertThat(FirstScreen.routeFor(EnumSet.of(Role.SALES_REP, Role.ADMIN))).contains("leads");
    assertThat(FirstScreen.routeFor(EnumSet.of(Role.ADMIN))).isEmpty();
    assertThat(FirstScreen.routeFor(EnumSet.noneOf(Role.class))).isEqualTo(Optional.empty());
  }

  @Test
  void withoutAFreshSignInTheOverviewStays() {
    SignIn.as("rep", Role.SALES_REP);

    UI.getCurrent().navigate(OverviewView.class);

    _get(OverviewView.class);
    assertThat(_find(LeadInboxView.class)).isEmpty();
  }

  @Test
  void aSignInThatWentOnToASavedRequestDoesNotSendALaterOverviewAway() {
    SignIn.as("compliance", Role.COMPLIANCE);
    justSignedIn();

    UI.getCurrent().navigate(AuditLogView.class); // the view asked for before signing in
    _get(AuditLogView.class);
    UI.getCurrent().navigate(OverviewView.class);

    _get(OverviewView.class);
    assertThat(_find(ContactsView.class)).isEmpty();
  }
}
