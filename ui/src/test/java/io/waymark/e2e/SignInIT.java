package io.waymark.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Signing in through the real login form, in a real browser, on the real server: each role lands on its own work
 * (the rep on the lead inbox, the approver on approvals, ops on monitoring, the designer on journeys, compliance on
 * contacts, the admin on the Overview) with its own name in the navbar and only the menu entries its role may open,
 * and still reaches the Overview from the menu; the audit log opens for compliance
 * and is refused to a rep; a wrong password and a visitor without a session stay at the sign-in.
 */
@BrowserTest
class SignInIT extends BrowserTest.Base {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "designer,   Dana Designer,    false, /journeys,   journey-list",
      "approver,   Avery Approver,   false, /approvals,  approval-requests",
      "rep,        Riley Rep,        false, /leads,      lead-inbox",
      "ops,        Oli Ops,          false, /monitoring, monitoring",
      "compliance, Casey Compliance, true,  /contacts,   contacts",
      "admin,      Ari Admin,        true,  /,           overview"})
  void eachRoleLandsOnItsWorkWithOnlyItsMenuEntries(String username, String displayName, boolean audit,
      String firstScreen, String firstComponent) {
    browser.signIn(username);

    assertThat(browser.path()).isEqualTo(firstScreen);
    browser.waitFor(firstComponent);
    browser.screenshot("first-screen-" + username);
    assertThat(browser.text("signed-in-user")).isEqualTo(displayName + " (" + username + ")");
    String menu = browser.text("menu");
    assertThat(menu).contains("Overview");
    if (audit) {
      assertThat(menu).contains("Audit log");
    } else {
      assertThat(menu).doesNotContain("Audit log");
    }
    browser.clickMenu("Overview");
    assertThat(browser.pathOnceItIs("/")).isEqualTo("/");
    browser.waitFor("overview");
    browser.waitForText("lead-follow-up"); // the journeys the engine holds
    browser.screenshot("overview-" + username);
  }

  @Test
  void complianceReadsTheAuditLogWithTheSignInSetUp() {
    browser.signIn("compliance");

    browser.open("audit");

    browser.waitFor("audit-log");
    browser.waitFor("audit-entries");
    browser.waitForText("user.password.set"); // written when the tests set the known passwords
    browser.screenshot("audit");
  }

  @Test
  void aRepOpeningTheAuditLogIsRefused() {
    browser.signIn("rep");

    browser.open("audit");

    browser.waitForText("Could not navigate to 'audit'"); // Vaadin's access-denied answer, in dev and production
    assertThat(browser.has("audit-log")).as("the audit log rendered for a rep").isFalse();
    assertThat(browser.has("audit-entries")).isFalse();
    assertThat(browser.text()).doesNotContain("user.password.set");
    browser.screenshot("audit-refused-to-rep");
  }

  @Test
  void aWrongPasswordStaysAtTheSignInWithAMessage() {
    browser.signIn("ops", "not-the-password-of-ops");

    assertThat(browser.path()).isEqualTo("/login");
    browser.waitForText("Incorrect username or password");
    assertThat(browser.has("signed-in-user")).isFalse();
    browser.screenshot("sign-in-refused");
  }

  @Test
  void aVisitorWithoutASessionIsSentToSignIn() {
    browser.open("");

    assertThat(browser.path()).isEqualTo("/login");
    browser.waitFor("login");
    browser.screenshot("sign-in");
  }
}
