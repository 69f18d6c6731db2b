package io.waymark.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.waymark.platform.journey.JourneyCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A designer publishes a journey in the browser: uploads a changed shipping-update BPMN in the Journeys view, reads
 * the lint report, publishes it (the engine then holds a new version), and pauses the journey.
 */
@BrowserTest
class DesignerPublishesJourneyIT extends BrowserTest.Base {

  private static final String JOURNEY = "shipping-update";

  @Autowired JourneyCatalog catalog;

  @AfterEach
  void resume() {
    if (catalog.isPaused(JOURNEY)) {
      catalog.resume(JOURNEY);
    }
  }

  @Test
  void aDesignerUploadsPublishesAndPausesAJourney() throws IOException {
    int before = latestVersion();
    Path changed = changedBpmn();

    browser.signIn("designer");
    browser.open("journeys");
    browser.upload("journey-upload", changed);
    browser.waitForText(JOURNEY + ".bpmn: 0 error(s)");
    browser.waitForDiagram("journey-diagram");
    browser.screenshot("journeys");
    browser.click("journey-publish");

    await().atMost(Duration.ofSeconds(20)).until(this::latestVersion, version -> version == before + 1);
    assertThat(catalog.journeys()).filteredOn(j -> j.processId().equals(JOURNEY)).singleElement()
        .satisfies(journey -> assertThat(journey.name()).isEqualTo("Shipping update (e2e)"));
    browser.screenshot("journeys-published");

    browser.waitForText("Published " + JOURNEY + " version " + (before + 1));
    // the view selects the journey it published (clicking its row again would unselect it)
    browser.click("journey-pause");

    await().atMost(Duration.ofSeconds(10)).until(() -> catalog.isPaused(JOURNEY));
    assertThat(catalog.journeys()).filteredOn(j -> j.processId().equals(JOURNEY)).singleElement()
        .satisfies(journey -> assertThat(journey.paused().by()).isEqualTo("designer"));
    browser.screenshot("journeys-paused");
  }

  private int latestVersion() {
    return catalog.journeys().stream().filter(j -> j.processId().equals(JOURNEY)).findFirst().orElseThrow()
        .latestVersion();
  }

  /** The bundled shipping-update with a new name: a change, so the engine makes a new version of it. */
  private static Path changedBpmn() throws IOException {
    String bpmn;
    try (InputStream in = DesignerPublishesJourneyIT.class.getResourceAsStream("/bpmn/" + JOURNEY + ".bpmn")) {
      assertThat(in).as("bpmn/%s.bpmn on the class path", JOURNEY).isNotNull();
      bpmn = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String renamed = bpmn.replace("name=\"Shipping update\"", "name=\"Shipping update (e2e)\"");
    assertThat(renamed).isNotEqualTo(bpmn);
    Path file = Path.of("target", "e2e-uploads", JOURNEY + ".bpmn");
    Files.createDirectories(file.getParent());
    Files.writeString(file, renamed);
    return file;
  }
}
