package uk.nhs.triage.bot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import uk.nhs.triage.bot.store.TestDatabase;

/**
 * The web app in Debian's headless Chromium, driven as a comms team member would use it. Saves a
 * screenshot of each main page under target/screenshots/, or under the directory named by the
 * system property {@code screenshots.dir} ({@code -Dscreenshots.dir=../docs/screenshots} refreshes
 * the documentation's pictures), so that running the tests leaves the work tree unchanged.
 */
class BrowserTest {
  @RegisterExtension static final TestDatabase DB = new TestDatabase();

  private static final Path SCREENSHOTS =
      Path.of(System.getProperty("screenshots.dir", "target/screenshots"));

  private static WebFixture app;
  private static ChromeDriver browser;
  private static Path profile;

  @BeforeAll
  static void start() throws IOException {
    app = WebFixture.start(DB);
    System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
    profile = Files.createTempDirectory("triage-chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1280,900",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(service, options);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
  }

  @AfterAll
  static void stop() throws IOException {
    if (browser != null) {
      browser.quit();
    }
    if (app != null) {
      app.close();
    }
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @BeforeEach
  void signedOut() {
    browser.manage().deleteAllCookies();
  }

  private void signIn(String username) {
    browser.get(app.base() + "/login");
    browser.findElement(By.id("username")).sendKeys(username);
    browser.findElement(By.id("password")).sendKeys(WebFixture.PASSWORD);
    browser.findElement(By.id("sign-in")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(d -> !d.getCurrentUrl().endsWith("/login"));
  }

  private static void waitForUrlEnding(String end) {
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith(end));
  }

  private static void screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
      Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void aCommsUserEditsAndApprovesAReplyExactlyOnce() {
    browser.get(app.base() + "/login");
    screenshot("sign-in");
    signIn("comms");
    assertThat(browser.getCurrentUrl()).as(browser.getPageSource()).endsWith("/queue");
    assertThat(browser.findElements(By.cssSelector("#queue tbody tr"))).isNotEmpty();
    screenshot("queue");

    long item = app.replyableItem();
    browser.findElement(By.cssSelector("a.item-link[href='/items/" + item + "']")).click();
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Triage item " + item);
    screenshot("item");

    String edited = "Thank you for getting in touch. Our PALS team will contact you today.";
    WebElement reply = browser.findElement(By.id("reply-text"));
    reply.clear();
    reply.sendKeys(edited);
    browser.findElement(By.id("approve-reply")).click();
    waitForUrlEnding("?done=approved");
    assertThat(browser.getPageSource()).contains("Done: approved");

    // A second click (or the back button and a resubmit) must not queue a second reply.
    browser.findElement(By.id("approve-reply")).click();
    waitForUrlEnding("?done=already-approved");
    assertThat(browser.getPageSource()).contains("Done: already approved");

    assertThat(
            DB.strings(
                "SELECT payload->>'text' FROM outbox WHERE kind = 'reply'"
                    + " AND idempotency_key = 'reply:"
                    + item
                    + "'"))
        .containsExactly(edited);
    assertThat(
            DB.strings(
                "SELECT destination || ' ' || (payload->>'platform') || ' '"
                    + " || (payload->>'account_id') FROM outbox WHERE idempotency_key = 'reply:"
                    + item
                    + "'"))
        .containsExactly("demo replay demo");
    assertThat(browser.findElement(By.id("audit")).getText()).contains("reply.approved");
  }

  @Test
  void aScriptInACommentIsShownAsText() {
    signIn("comms");
    long item = app.itemId("<script>%");
    browser.get(app.base() + "/items/" + item);
    assertThat(browser.findElement(By.id("comment-text")).getText())
        .contains("<script>alert(1)</script>");
    assertThat(browser.getPageSource())
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .doesNotContain("<script>alert(1)</script>");
    boolean alerted;
    try {
      browser.switchTo().alert();
      alerted = true;
    } catch (NoAlertPresentException expected) {
      alerted = false;
    }
    assertThat(alerted).as("an alert opened").isFalse();
  }

  @Test
  void theMatchedWordsAreHighlighted() {
    signIn("admin");
    long item = app.itemId("My father is at GWH%");
    browser.get(app.base() + "/items/" + item);
    assertThat(browser.findElements(By.cssSelector("#comment-text mark"))).isNotEmpty();
    assertThat(browser.findElement(By.id("comment-text")).getText())
        .startsWith("My father is at GWH");
  }

  @Test
  void theTeamPagesShow() {
    signIn("admin");
    browser.get(app.base() + "/foi");
    assertThat(browser.findElements(By.cssSelector("#foi tbody tr"))).isNotEmpty();
    screenshot("foi");
    browser.get(app.base() + "/media");
    assertThat(browser.findElements(By.className("media-entry"))).isNotEmpty();
    screenshot("media-log");
    browser.get(app.base() + "/dashboard");
    assertThat(browser.findElements(By.cssSelector("svg rect.bar"))).isNotEmpty();
    assertThat(browser.findElement(By.className("crisis")).getText())
        .contains("Possible crisis on demo");
    screenshot("dashboard");
  }
}
