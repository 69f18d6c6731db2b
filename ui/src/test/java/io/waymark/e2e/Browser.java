package io.waymark.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What a person does in Waymark's UI, in a real browser: sign in through the login form, open a view, click, type,
 * wait until Vaadin has answered, and keep a screenshot under {@code target/e2e-screenshots/<name>.png} for a person
 * to look at. Components are found by the ids the views give them ({@code setId}).
 */
final class Browser {

  /** Where screenshots go: {@code ui/target/e2e-screenshots} (surefire runs in the module's directory). */
  static final Path SCREENSHOTS = Path.of("target", "e2e-screenshots");

  private static final Duration PATIENCE = Duration.ofSeconds(20);

  /**
   * True when no Vaadin client in the page waits for the server (the check Vaadin TestBench makes), and the page has
   * loaded; false while Flow is still bootstrapping.
   */
  private static final String VAADIN_IDLE = """
      if (document.readyState !== 'complete') { return false; }
      if (window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients) {
        var clients = window.Vaadin.Flow.clients;
        for (var client in clients) {
          if (clients[client].isActive()) { return false; }
        }
        return true;
      }
      return !(window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.devServerIsNotLoaded);
      """;

  private final ChromeDriver driver;
  private String baseUrl = "";

  Browser(ChromeDriver driver) {
    this.driver = driver;
  }

  /** This browser, with routes resolved against {@code baseUrl} (the server under test). */
  Browser at(String baseUrl) {
    this.baseUrl = baseUrl;
    return this;
  }

  WebDriver driver() {
    return driver;
  }

  /** Forgets the session: the next view asks to sign in. */
  void signOut() {
    driver.manage().deleteAllCookies();
  }

  /**
   * Signs {@code username} in through the login form with its test password ({@link KnownPasswords}) and waits for
   * the first screen.
   */
  void signIn(String username) {
    signIn(username, KnownPasswords.of(username));
    waitFor("signed-in-user");
  }

  /** Types {@code username} and {@code password} into the login form and submits it, whatever comes of it. */
  void signIn(String username, String password) {
    open("login");
    WebElement form = waitFor("login").findElement(By.tagName("vaadin-login-form"));
    type(form.findElement(By.cssSelector("input[name='username']")), username);
    type(form.findElement(By.cssSelector("input[name='password']")), password);
    form.findElement(By.cssSelector("vaadin-button[slot='submit']")).click();
    new WebDriverWait(driver, PATIENCE).until(d -> !d.getCurrentUrl().endsWith("/login"));
    waitForVaadin();
  }

  /** Opens {@code route} (e.g. {@code ""}, {@code "audit"}, {@code "journeys"}) and waits until Vaadin is idle. */
  void open(String route) {
    driver.get(baseUrl + "/" + route);
    waitForVaadin();
  }

  /** The path the browser is on, e.g. {@code /login} or {@code /audit}. */
  String path() {
    return java.net.URI.create(driver.getCurrentUrl()).getPath();
  }

  /**
   * The path once it is {@code expected}, or the last one seen after the patience ran out: a side-nav click navigates
   * on the client, so the URL may change a moment after Vaadin reports itself idle.
   */
  String pathOnceItIs(String expected) {
    try {
      new WebDriverWait(driver, PATIENCE).until(d -> expected.equals(path()));
    } catch (TimeoutException e) {
      // the caller's assertion names what was found
    }
    return path();
  }

  /** Waits until no request from Vaadin's client is under way. */
  void waitForVaadin() {
    new WebDriverWait(driver, PATIENCE).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
        VAADIN_IDLE)));
  }

  /** The element with this id once it is in the page (fails the test after 20 s, naming the id and the path). */
  WebElement waitFor(String id) {
    try {
      return new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
    } catch (TimeoutException e) {
      screenshot("missing-" + id);
      throw new AssertionError("no element with id '" + id + "' on " + path() + " after " + PATIENCE.toSeconds()
          + " s; the page says: " + text(), e);
    }
  }

  /**
   * Waits until bpmn-js has drawn a diagram into the element with this id (its shapes, {@code g.djs-shape}, are in
   * the page); fails the test naming what the element shows instead.
   */
  void waitForDiagram(String id) {
    By shapes = By.cssSelector("#" + id + " g.djs-shape");
    try {
      new WebDriverWait(driver, PATIENCE).until(d -> !d.findElements(shapes).isEmpty());
    } catch (TimeoutException e) {
      screenshot("missing-diagram");
      throw new AssertionError("no BPMN shapes drawn in '" + id + "' on " + path() + "; it shows: " + text(id), e);
    }
  }

  /** Clicks the side menu's entry with this label and waits until Vaadin has navigated. */
  void clickMenu(String label) {
    By item = By.xpath("//vaadin-side-nav[@id='menu']/vaadin-side-nav-item[normalize-space(.)=" + xpathLiteral(label)
        + "]");
    WebElement entry;
    try {
      entry = new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.elementToBeClickable(item));
    } catch (TimeoutException e) {
      throw new AssertionError("no menu entry '" + label + "' on " + path() + "; the menu says: " + text("menu"), e);
    }
    scrollIntoView(entry);
    entry.click();
    waitForVaadin();
  }

  /** Whether an element with this id is in the page now. */
  boolean has(String id) {
    return !driver.findElements(By.id(id)).isEmpty();
  }

  /** Clicks the element with this id and waits for Vaadin's answer. */
  void click(String id) {
    WebElement element = waitFor(id);
    new WebDriverWait(driver, PATIENCE).until(d -> element.isDisplayed() && element.isEnabled()
        && element.getDomAttribute("disabled") == null);
    scrollIntoView(element);
    element.click();
    waitForVaadin();
  }

  /**
   * Selects the row of a grid that shows {@code text} by clicking its cell (a Vaadin grid's cells are light-DOM
   * {@code vaadin-grid-cell-content} elements), within the grid with this id, or in any grid when it is null.
   */
  void selectRow(String gridId, String text) {
    By cell = By.xpath("//vaadin-grid-cell-content[contains(normalize-space(.), " + xpathLiteral(text) + ")]");
    WebElement row;
    try {
      row = new WebDriverWait(driver, PATIENCE).until(d -> (gridId == null ? d.findElements(cell)
          : d.findElement(By.id(gridId)).findElements(cell)).stream().filter(WebElement::isDisplayed).findFirst()
          .orElse(null));
    } catch (TimeoutException e) {
      screenshot("missing-row");
      throw new AssertionError("no grid row showing '" + text + "' on " + path() + "; the page says: " + text(), e);
    }
    scrollIntoView(row);
    row.click();
    waitForVaadin();
  }

  /** Scrolls the element to the middle of the window, as a person would before clicking it (below the fold). */
  private void scrollIntoView(WebElement element) {
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
  }

  private static String xpathLiteral(String text) {
    return text.contains("'") ? "\"" + text + "\"" : "'" + text + "'";
  }

  /**
   * Chooses {@code file} in the first {@code vaadin-upload} of the page (or the one with this id), as a person picking
   * it in the file dialog, and waits for Vaadin's answer to the upload.
   */
  void upload(String uploadId, Path file) {
    WebElement upload;
    try {
      upload = uploadId == null ? new WebDriverWait(driver, PATIENCE).until(ExpectedConditions
          .presenceOfElementLocated(By.tagName("vaadin-upload"))) : waitFor(uploadId);
    } catch (TimeoutException e) {
      screenshot("missing-upload");
      throw new AssertionError("no upload on " + path() + "; the page says: " + text(), e);
    }
    WebElement input = upload.getShadowRoot().findElement(By.cssSelector("input[type='file']"));
    input.sendKeys(file.toAbsolutePath().toString());
    waitForVaadin();
  }

  /** Types {@code text} into the field with this id (a Vaadin text field or text area) and leaves it. */
  void type(String id, String text) {
    WebElement field = waitFor(id);
    List<WebElement> inputs = field.findElements(By.cssSelector("input, textarea"));
    type(inputs.isEmpty() ? field : inputs.getFirst(), text);
    waitForVaadin();
  }

  private static void type(WebElement input, String text) {
    input.clear();
    input.sendKeys(text);
  }

  /** The visible text of the whole page, shadow roots included as the browser renders them. */
  String text() {
    return driver.findElement(By.tagName("body")).getText();
  }

  /** The visible text of the element with this id. */
  String text(String id) {
    return waitFor(id).getText();
  }

  /** Waits until the page's visible text contains {@code expected}; fails the test naming what it showed. */
  void waitForText(String expected) {
    try {
      new WebDriverWait(driver, PATIENCE).until(d -> text().contains(expected));
    } catch (TimeoutException e) {
      throw new AssertionError("'" + expected + "' never showed on " + path() + "; the page says: " + text(), e);
    }
  }

  /** Saves what the browser shows as {@code target/e2e-screenshots/<name>.png}; the file's path. */
  Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path target = SCREENSHOTS.resolve(name + ".png");
      Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
      assertThat(Files.size(target)).as("screenshot %s", target).isPositive();
      return target;
    } catch (IOException e) {
      throw new IllegalStateException("could not save screenshot " + name + ": " + e.getMessage(), e);
    }
  }

  void quit() {
    driver.quit();
  }
}
