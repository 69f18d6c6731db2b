package io.waymark.e2e;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The views no flow above drives, rendered in a real browser for the one role that may open them all: each shows its
 * heading and its main component, and leaves a screenshot ({@code target/e2e-screenshots/<route>.png}) for a person
 * to look at.
 */
@BrowserTest
class AdminOpensEveryViewIT extends BrowserTest.Base {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "contacts,  contacts,       Contacts & consent",
      "templates, templates,      lead-follow-up.first-text",
      "settings,  settings-users, rep2"})
  void anAdminOpensTheView(String route, String component, String shown) {
    browser.signIn("admin");

    browser.open(route);

    browser.waitFor(component);
    browser.waitForText(shown);
    browser.screenshot(route);
  }
}
