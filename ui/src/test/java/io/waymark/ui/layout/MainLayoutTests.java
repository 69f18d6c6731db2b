package io.waymark.ui.layout;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.sidenav.SideNavItem;
import io.waymark.EngineTest;
import io.waymark.platform.governance.Role;
import io.waymark.ui.audit.AuditLogView;
import io.waymark.ui.overview.OverviewView;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;

/** The shell, browserless: the side menu per role, guarded views, sign-in for nobody, sign-out. */
@EngineTest
class MainLayoutTests extends EngineTest.Base {

  @Autowired ApplicationContext context;

  @BeforeEach
  void openUi() {
    KaribuViews.open(context);
  }

  @AfterEach
  void closeUi() {
    KaribuViews.close();
  }

  private static List<String> menu() {
    return _get(MainLayout.class).menu.getItems().stream().map(SideNavItem::getLabel).toList();
  }

  @ParameterizedTest
  @EnumSource(Role.class)
  void showsEachRoleExactlyTheViewsItMayOpen(Role role) {
    SignIn.as("someone", role);
    UI.getCurrent().navigate(OverviewView.class);

    List<String> expected = switch (role) {
      case DESIGNER -> List.of("Overview", "Dashboard", "Journeys", "Templates");
      case APPROVER -> List.of("Overview", "Dashboard", "Approvals", "Templates");
      case SALES_REP -> List.of("Overview", "Lead inbox");
      case OPS -> List.of("Overview", "Dashboard", "Journeys", "Monitoring", "Contacts & consent");
      case COMPLIANCE -> List.of("Overview", "Dashboard", "Contacts & consent", "Audit log");
      case ADMIN -> List.of("Overview", "Dashboard", "Lead inbox", "Approvals", "Journeys", "Monitoring",
          "Contacts & consent", "Templates", "Audit log", "Settings");
    };
    assertThat(menu()).isEqualTo(expected);
    assertThat(_get(MainLayout.class).user.getText()).contains("someone");
  }

  @Test
  void showsTheDisplayNameOfADemoUserAndEveryMenuEntryForSeveralRoles() {
    SignIn.as("compliance", Role.COMPLIANCE, Role.DESIGNER);
    UI.getCurrent().navigate(AuditLogView.class);

    _get(AuditLogView.class);
    assertThat(menu()).containsExactly("Overview", "Dashboard", "Journeys", "Contacts & consent", "Templates",
        "Audit log");
    assertThat(_get(MainLayout.class).user.getText()).isEqualTo("Casey Compliance (compliance)");
  }

  @Test
  void keepsAUserWithoutTheRoleOutOfAGuardedView() {
    SignIn.as("designer", Role.DESIGNER, Role.APPROVER, Role.SALES_REP, Role.OPS);

    KaribuViews.assertKeptOut(AuditLogView.class);
  }

  @Test
  void sendsSomebodyNotSignedInToSignIn() {
    UI.getCurrent().navigate(OverviewView.class);

    assertThat(_find(OverviewView.class)).isEmpty();
    _get(LoginView.class);
  }

  @Test
  void signsOut() {
    SignIn.as("ops", Role.OPS);
    UI.getCurrent().navigate(OverviewView.class);
    _get(OverviewView.class);

    _get(MainLayout.class).signOut.click();

    assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
  }
}
