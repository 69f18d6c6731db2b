package io.waymark.e2e;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.util.FileSystemUtils;

/**
 * One headless chromium for the whole test run, driven through chromedriver, and handed to tests as a
 * {@link Browser}. Debian's packages by default ({@code apt-get install chromium chromium-driver}:
 * {@code /usr/bin/chromium}, {@code /usr/bin/chromedriver}); {@code WAYMARK_TEST_CHROMIUM} and
 * {@code WAYMARK_TEST_CHROMEDRIVER} name others. Both paths are given to Selenium, so Selenium Manager never tries to
 * download a driver or a browser. Where either is missing the test class is skipped (a JUnit assumption), so
 * {@code ./mvnw verify} passes on a machine without a browser. The flags are those FINDINGS.md found to work here:
 * as root without a sandbox, and without the background connections a closed network refuses.
 */
final class Chromium implements BeforeAllCallback, ParameterResolver {

  private static final Logger LOG = LoggerFactory.getLogger(Chromium.class);
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Chromium.class);

  static final Path BINARY = Path.of(setting("WAYMARK_TEST_CHROMIUM", "/usr/bin/chromium"));
  static final Path DRIVER = Path.of(setting("WAYMARK_TEST_CHROMEDRIVER", "/usr/bin/chromedriver"));

  private static String setting(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    if (!Files.isExecutable(BINARY) || !Files.isExecutable(DRIVER)) {
      String reason = "browser tests skipped: no chromium at " + BINARY + " or no chromedriver at " + DRIVER
          + " (apt-get install chromium chromium-driver, or set WAYMARK_TEST_CHROMIUM/WAYMARK_TEST_CHROMEDRIVER)";
      // surefire counts a class aborted before its tests as no tests at all: say why in the log too
      LOG.warn("{}: {}", context.getDisplayName(), reason);
      Assumptions.abort(reason);
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Browser.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context.getRoot().getStore(NAMESPACE)
        .getOrComputeIfAbsent(Running.class, key -> start(), Running.class).browser();
  }

  private static Running start() {
    Path profile;
    try {
      profile = Files.createTempDirectory("waymark-e2e-chromium");
    } catch (IOException e) {
      throw new IllegalStateException("no temporary directory for chromium's profile: " + e.getMessage(), e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BINARY.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--window-size=1400,1000", "--user-data-dir=" + profile);
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
        .usingAnyFreePort().build();
    return new Running(new Browser(new ChromeDriver(service, options)), profile.toFile());
  }

  /** The browser, quit and its profile removed when the test run ends (JUnit closes the root store's resources). */
  private record Running(Browser browser, File profile) implements ExtensionContext.Store.CloseableResource {

    @Override
    public void close() {
      browser.quit();
      FileSystemUtils.deleteRecursively(profile);
    }
  }
}
