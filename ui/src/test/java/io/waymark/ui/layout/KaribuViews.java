package io.waymark.ui.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import io.waymark.platform.governance.Role;
import kotlin.jvm.functions.Function0;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;

/** Karibu set-up shared by the view tests: open a UI on the Spring context, close it, check a guard. */
public final class KaribuViews {

  private static final Routes ROUTES = new Routes().autoDiscoverViews("io.waymark.ui");

  private KaribuViews() {
  }

  public static void open(ApplicationContext context) {
    Function0<UI> uiFactory = UI::new;
    MockVaadin.setup(uiFactory, new MockSpringServlet(ROUTES, context, uiFactory));
  }

  public static void close() {
    MockVaadin.tearDown();
    SecurityContextHolder.clearContext();
  }

  /** A user holding only {@code role} cannot open {@code view}: Vaadin's access control keeps it out. */
  public static void assertKeptOut(Role role, Class<? extends Component> view) {
    SignIn.as("someone-" + role.name().toLowerCase(), role);
    assertKeptOut(view);
  }

  /**
   * The user signed in now cannot open {@code view}. Vaadin reroutes to its access-denied error; depending on the
   * error views registered, Karibu renders it or surfaces it as an error naming the cause. Either way the guarded view
   * must not be there (Karibu's lookups refuse to search a UI showing an error, so the UI's own children are checked).
   */
  public static void assertKeptOut(Class<? extends Component> view) {
    Throwable denied = catchThrowable(() -> {
      UI.getCurrent().navigate(view);
      MockVaadin.clientRoundtrip();
    });
    if (denied != null) {
      assertThat(denied).hasMessageContaining("AccessDeniedException");
    }
    assertThat(UI.getCurrent().getChildren().map(Object::getClass).toList())
        .isNotEmpty().doesNotContain(view, MainLayout.class);
  }
}
