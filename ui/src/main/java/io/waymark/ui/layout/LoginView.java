package io.waymark.ui.layout;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * Sign-in: Vaadin's {@link LoginForm} posting to Spring Security's {@code /login}; a failed attempt comes back with
 * {@code ?error} and shows the form's error message (never a stack trace).
 */
@Route("login")
@PageTitle("Sign in · Waymark")
@AnonymousAllowed
public class LoginView extends Main implements BeforeEnterObserver {

  final LoginForm login = new LoginForm();

  public LoginView() {
    setId("login");
    getStyle().set("display", "flex").set("flex-direction", "column").set("align-items", "center")
        .set("padding", "var(--lumo-space-l)");
    login.setAction("login");
    login.setForgotPasswordButtonVisible(false);
    add(new H1("Waymark"), login,
        new Paragraph("Embedded mode prints demo users and their passwords in the log at start-up."));
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    login.setError(event.getLocation().getQueryParameters().getParameters().containsKey("error"));
  }
}
