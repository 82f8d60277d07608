package org.tifli.deploy;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium on the shared server, for the console's browser tests: one browser per test
 * class, with no cookies left from one test to the next, and a screenshot of each step a test
 * names, kept as test output in {@code target/screenshots/<class>.<test>/NN-step.png} (plus {@code
 * NN-failed.png} when a test fails).
 *
 * <pre>
 * &#64;RegisterExtension static final Browser browser = new Browser();
 *
 * &#64;Test void anOfficerSeesTheDashboard() {
 *   ConsoleScreen console = browser.signIn("officer", Walk.PASSWORD);
 *   assertThat(console.title()).isEqualTo("Dashboard");
 * }
 * </pre>
 *
 * <p>It drives Debian's {@code /usr/bin/chromium} through {@code /usr/bin/chromedriver}, which the
 * build installs where they are missing ({@code bin/install-browser}). Chromium starts with a fresh
 * profile and without any of its own network calls (updates, sync, QUIC), which would hang on a
 * machine without internet.
 */
final class Browser
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterTestExecutionCallback {

  static final Duration WAIT = Duration.ofSeconds(20);

  private static final String CHROMIUM = "/usr/bin/chromium";
  private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

  private ChromeDriverService service;
  private ChromeDriver driver;
  private Path profile;
  private String appUrl;
  private Path shots;
  private int step;

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    appUrl = SharedTifli.get().appUrl();
    profile = Files.createTempDirectory("tifli-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
        "--disable-quic",
        "--user-data-dir=" + profile,
        "--window-size=1366,1000",
        "--lang=en-US");
    // The console starts in the browser's language: English, so that tests read one language.
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
    service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER))
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
  }

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    // Each test signs in afresh: the session of the one before is gone.
    driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
    step = 0;
    shots =
        Path.of(System.getProperty("tifli.screenshots.dir", "target/screenshots"))
            .resolve(
                context.getRequiredTestClass().getSimpleName()
                    + "."
                    + context.getRequiredTestMethod().getName());
    deleteTree(shots);
    Files.createDirectories(shots);
  }

  @Override
  public void afterTestExecution(ExtensionContext context) {
    if (context.getExecutionException().isPresent()) {
      step("failed");
    }
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    if (driver != null) {
      driver.quit();
    }
    if (service != null) {
      service.stop();
    }
    deleteTree(profile);
  }

  /** The application's base URL, such as {@code http://localhost:34567/tifli}. */
  String appUrl() {
    return appUrl;
  }

  WebDriver driver() {
    return driver;
  }

  /** Opens a path of the application, such as {@code /console/}, and waits until it is ready. */
  ConsoleScreen open(String path) {
    driver.get(appUrl + path);
    return settled();
  }

  /** Signs in on the login page and returns the page the user lands on. */
  ConsoleScreen signIn(String username, String password) {
    return open("/login.xhtml").signIn(username, password);
  }

  /** Does what loads another page (a click, a submit) and waits until that page is ready. */
  ConsoleScreen loading(Runnable action) {
    driver.executeScript("window.tifliPageLeft = true;");
    action.run();
    until(
        d -> {
          try {
            return ((JavascriptExecutor) d).executeScript("return window.tifliPageLeft !== true;")
                == Boolean.TRUE;
          } catch (WebDriverException navigating) {
            // The old document went away while the driver was asking it: not settled yet.
            return false;
          }
        });
    return settled();
  }

  /** The current page, once loaded and with no Ajax request under way. */
  ConsoleScreen settled() {
    until(
        d ->
            Boolean.TRUE.equals(
                ((JavascriptExecutor) d)
                    .executeScript(
                        "return document.readyState === 'complete'"
                            + " && (typeof PrimeFaces === 'undefined'"
                            + " || PrimeFaces.ajax.Queue.isEmpty())"
                            + " && (typeof jQuery === 'undefined' || jQuery.active === 0);")));
    return new ConsoleScreen(this);
  }

  /** Waits until the condition gives something other than null or false, and returns it. */
  <T> T until(Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, WAIT).until(condition);
  }

  WebElement find(By by) {
    return until(d -> d.findElement(by));
  }

  List<WebElement> findAll(By by) {
    return driver.findElements(by);
  }

  /** Runs a script in the page and returns its result. */
  Object script(String script, Object... arguments) {
    return driver.executeScript(script, arguments);
  }

  /** Keeps a screenshot of the page as it is now, as the test's next numbered step. */
  void step(String name) {
    step++;
    Path file = shots.resolve(String.format("%02d-%s.png", step, name));
    try {
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the screenshot " + file, e);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (root == null || !Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
