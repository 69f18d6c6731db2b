package io.waymark.ui.layout;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.waymark.platform.governance.Users;
import io.waymark.ui.approvals.ApprovalsView;
import io.waymark.ui.audit.AuditLogView;
import io.waymark.ui.contacts.ContactsView;
import io.waymark.ui.leads.LeadInboxView;
import io.waymark.ui.overview.OverviewView;
import io.waymark.ui.security.FirstScreen;
import io.waymark.ui.settings.SettingsView;
import io.waymark.ui.templates.TemplatesView;
import jakarta.annotation.security.PermitAll;
import java.security.Principal;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The shell around every view: the title, the signed-in user's name and a sign-out button in the navbar, and a side
 * menu with only the views the user's roles may open (checked with the views' own access annotations, so the menu and
 * the guards cannot disagree). Once any view is reached, the mark of a fresh sign-in is forgotten
 * ({@link FirstScreen}): only the first screen after signing in is chosen by role.
 */
@PermitAll
public class MainLayout extends AppLayout implements AfterNavigationObserver {

  /** Every view in the menu, in order: label and view. A view is listed only if it exists. */
  static final List<Entry> ENTRIES = List.of(
      new Entry("Overview", OverviewView.class),
      new Entry("Dashboard", io.waymark.ui.dashboard.DashboardView.class),
      new Entry("Lead inbox", LeadInboxView.class),
      new Entry("Approvals", ApprovalsView.class),
      new Entry("Journeys", io.waymark.ui.journeys.JourneysView.class),
      new Entry("Monitoring", io.waymark.ui.monitoring.MonitoringView.class),
      new Entry("Contacts & consent", ContactsView.class),
      new Entry("Templates", TemplatesView.class),
      new Entry("Audit log", AuditLogView.class),
      new Entry("Settings", SettingsView.class));

  record Entry(String label, Class<? extends Component> view) {
  }

  final SideNav menu = new SideNav();
  final Span user = new Span();
  final Button signOut;

  public MainLayout(AuthenticationContext authentication, AccessAnnotationChecker access, Users users) {
    Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
    String username = authentication.getPrincipalName().orElse("");
    user.setId("signed-in-user");
    user.setText(users.find(username).map(u -> u.displayName() + " (" + u.username() + ")").orElse(username));
    signOut = new Button("Sign out", e -> authentication.logout());
    signOut.setId("sign-out");

    H1 title = new H1("Waymark");
    title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");
    HorizontalLayout navbar = new HorizontalLayout(new DrawerToggle(), title, user, signOut);
    navbar.setWidthFull();
    navbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
    navbar.expand(title);
    navbar.getStyle().set("padding-right", "var(--lumo-space-m)");
    addToNavbar(navbar);

    menu.setId("menu");
    Principal principal = signedIn;
    for (Entry entry : ENTRIES) {
      if (signedIn != null && access.hasAccess(entry.view(), principal, role -> hasRole(signedIn, role))) {
        menu.addItem(new SideNavItem(entry.label(), entry.view()));
      }
    }
    addToDrawer(menu);
  }

  @Override
  public void afterNavigation(AfterNavigationEvent event) {
    FirstScreen.forget();
  }

  private static boolean hasRole(Authentication authentication, String role) {
    return authentication.getAuthorities().stream().anyMatch(a -> ("ROLE_" + role).equals(a.getAuthority()));
  }
}
