package io.waymark.ui.security;

import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import io.waymark.platform.governance.Role;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where each role finds its work right after signing in: SALES_REP the lead inbox ({@code leads}), APPROVER
 * {@code approvals}, OPS {@code monitoring}, DESIGNER {@code journeys}, COMPLIANCE {@code contacts}; ADMIN stays on
 * the Overview. A user with several roles goes where the first of that order sends them.
 *
 * <p>The sign-in success handler ({@link SecurityConfiguration}) marks the new session {@link #JUST_SIGNED_IN}; the
 * Overview, where Spring Security sends a sign-in without a saved request, takes the mark once and forwards. The main
 * layout forgets the mark after any navigation, so a sign-in that went on to a saved request, and every later visit
 * to the Overview from the menu, stays where it is.
 */
public final class FirstScreen {

  /** The HTTP session attribute that says the next navigation is the first one after signing in. */
  public static final String JUST_SIGNED_IN = FirstScreen.class.getName() + ".justSignedIn";

  private record Landing(Role role, String route) {
  }

  /** The order of the roles and their first screen; the empty route is the Overview. */
  private static final List<Landing> ORDER = List.of(new Landing(Role.SALES_REP, "leads"),
      new Landing(Role.APPROVER, "approvals"), new Landing(Role.OPS, "monitoring"),
      new Landing(Role.DESIGNER, "journeys"), new Landing(Role.COMPLIANCE, "contacts"), new Landing(Role.ADMIN, ""));

  private FirstScreen() {
  }

  /** The route of the first screen for these roles; empty for the Overview (ADMIN, or no role of the order). */
  public static Optional<String> routeFor(Set<Role> roles) {
    return ORDER.stream().filter(landing -> roles.contains(landing.role())).findFirst().map(Landing::route)
        .filter(route -> !route.isEmpty());
  }

  /** Marks the session of a request that has just signed in. */
  static void markSignedIn(HttpServletRequest request) {
    request.getSession().setAttribute(JUST_SIGNED_IN, Boolean.TRUE);
  }

  /**
   * The route the signed-in user is to be sent to, when this is the first navigation after signing in (the mark is
   * taken: asking again answers empty); empty otherwise or for the Overview's own users.
   */
  public static Optional<String> takeAfterSignIn() {
    WrappedSession session = session();
    if (session == null || session.getAttribute(JUST_SIGNED_IN) == null) {
      return Optional.empty();
    }
    session.removeAttribute(JUST_SIGNED_IN);
    return routeFor(SignedIn.roles());
  }

  /** Forgets the mark: the user has reached a screen. */
  public static void forget() {
    WrappedSession session = session();
    if (session != null) {
      session.removeAttribute(JUST_SIGNED_IN);
    }
  }

  private static WrappedSession session() {
    VaadinSession vaadin = VaadinSession.getCurrent();
    return vaadin == null ? null : vaadin.getSession();
  }
}
