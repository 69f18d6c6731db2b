package io.waymark.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser, filled by the built-in simulator: an admin plays demo traffic (a small run,
 * {@code waymark.demo.traffic.contacts} in the test profile), the charts are drawn by Chart.js on their canvases, a
 * headline number is no longer zero, and {@code target/e2e-screenshots/dashboard.png} shows it to a person.
 */
@BrowserTest
class AdminPlaysDemoTrafficIT extends BrowserTest.Base {

  /** Whether Chart.js drew on the canvas inside the element: the drawn-points mark and non-blank pixels. */
  private static final String DRAWN = """
      var host = document.getElementById(arguments[0]);
      var canvas = host && host.querySelector('canvas');
      if (!canvas || !host.getAttribute('data-drawn') || canvas.width === 0) { return false; }
      var pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      for (var i = 3; i < pixels.length; i += 4) { if (pixels[i] !== 0) { return true; } }
      return false;
      """;

  @Test
  void anAdminFillsTheDashboardWithDemoTraffic() {
    browser.signIn("admin");
    browser.clickMenu("Dashboard");
    browser.waitFor("dashboard");

    browser.click("demo-play");
    try {
      new WebDriverWait(browser.driver(), Duration.ofSeconds(50)).until(d -> browser.text("demo-status")
          .startsWith("Demo traffic played"));
    } catch (TimeoutException e) {
      browser.screenshot("dashboard-demo-not-done");
      throw new AssertionError("demo traffic did not finish; it says: " + browser.text("demo-status"), e);
    }
    browser.waitForVaadin();

    for (String chart : new String[] {"chart-health", "chart-engagement"}) {
      new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(
          ((JavascriptExecutor) d).executeScript(DRAWN, chart)));
    }
    String messages = browser.text("kpi-messages-value");
    assertThat(messages).isNotIn("0", "–");
    assertThat(browser.driver().findElements(By.cssSelector("#band-health, #band-engagement, #band-outcomes")))
        .hasSize(3);
    browser.screenshot("dashboard");
    // the whole page in one picture: a window as tall as the dashboard (its content scrolls inside the layout)
    long height = (Long) ((JavascriptExecutor) browser.driver()).executeScript(
        "return Math.ceil(document.getElementById('dashboard').scrollHeight) + 120;");
    browser.driver().manage().window().setSize(new Dimension(1400, (int) Math.min(height, 6000)));
    browser.waitForVaadin();
    browser.screenshot("dashboard-full");
  }
}
