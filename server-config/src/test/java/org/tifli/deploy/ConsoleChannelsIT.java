package org.tifli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.tifli.testing.FakeGraphApi.ReceivedPost;

/**
 * The channels of each area administered in the console, in a real browser, against the shared
 * server: an administrator registers a channel, whose secret appears neither in the page nor in the
 * API; a missing account id is refused beside its field; a channel's languages and exercises are
 * revised while it keeps its secret; a channel is retired with a reason and brought back, each
 * after a confirmation; a channel the platform refused shows why, and comes back into service when
 * its secret is replaced, posting what waited for it with the new secret. In Arabic, the page reads
 * right to left.
 *
 * <p>Channels serve the province of Figuig (MA-FIG), which no other test uses; each test filters
 * the table by its own account ids.
 */
class ConsoleChannelsIT {

  private static final String FIGUIG = "MA-FIG";
  private static final double[] FIGUIG_TOWN = {32.1137, -1.2286};

  @RegisterExtension static final Browser browser = new Browser();

  private static Walk walk;

  @BeforeAll
  static void signInToTheApi() {
    walk = Walk.on(SharedTifli.get());
  }

  @Test
  void aChannelRegisteredInTheConsoleNeverShowsItsSecret() {
    String account = unique("figuig-page");
    String secret = "console-secret-" + UUID.randomUUID();
    ConsoleScreen channels = channelsPage().step("channels");

    choose("createArea", FIGUIG);
    choose("createPlatform", "FACEBOOK");
    channels.type("create:accountId", account).type("create:secret", secret);
    browser.find(By.cssSelector("label[for='create:languages:0']")).click();
    ConsoleScreen created = channels.click("create:submit").step("created");

    assertThat(created.messages()).contains("The channel " + account + " has been registered.");
    assertThat(row(account).getText()).contains("Figuig", FIGUIG, "Facebook Page", "Active");
    assertThat(row(account).getText()).contains("Arabic, French");
    assertThat(created.text("detailTitle")).contains(account);
    assertThat(created.text("detailSummary")).contains("Facebook Page", "Figuig", "Active");
    assertThat(history()).containsExactly("REGISTERED");
    assertThat(browser.driver().getPageSource()).doesNotContain(secret);
    assertThat(browser.find(By.id("create:secret")).getDomProperty("value")).isEmpty();
    assertThat(browser.find(By.id("revise:secret")).getDomProperty("value")).isEmpty();
    String listed = walk.api.get("/channels?area=" + FIGUIG, walk.admin).body().toString();
    assertThat(listed).contains(account).doesNotContain(secret);
    long id = channelId(account);
    assertThat(walk.api.get("/channels/" + id + "/audit", walk.admin).body().toString())
        .doesNotContain(secret);

    ConsoleScreen reloaded = browser.open("/console/admin/channels.xhtml").step("reloaded");
    assertThat(reloaded.path()).isEqualTo("/console/admin/channels.xhtml");
    assertThat(browser.driver().getPageSource()).doesNotContain(secret);
  }

  @Test
  void aMissingAccountIdIsRefusedBesideItsFieldAndNothingIsRegistered() {
    String secret = "refused-secret-" + UUID.randomUUID();
    int before = channelsOfFiguig().size();
    ConsoleScreen channels = channelsPage();

    choose("createArea", FIGUIG);
    choose("createPlatform", "TELEGRAM");
    channels.type("create:secret", secret);
    ConsoleScreen refused = channels.click("create:submit").step("refused");

    assertThat(refused.fieldMessage("create:accountId")).isEqualTo("Enter the account id.");
    assertThat(refused.fieldMessage("create:area")).isEmpty();
    assertThat(refused.fieldMessage("create:secret")).isEmpty();
    assertThat(browser.driver().getPageSource()).doesNotContain(secret);
    assertThat(browser.find(By.id("create:secret")).getDomProperty("value")).isEmpty();
    assertThat(channelsOfFiguig()).hasSize(before);
  }

  @Test
  void aChannelsLanguagesAndExercisesAreRevisedAndItKeepsItsSecret() throws Exception {
    String account = walk.channel(FIGUIG, "FACEBOOK", false);
    long id = walk.channelId(account);
    channelsPage();
    choose("filterArea", FIGUIG);
    row(account).findElement(By.cssSelector("button[id$=':open']")).click();
    ConsoleScreen opened = browser.settled().step("opened");

    browser.find(By.cssSelector("label[for='revise:languages:1']")).click();
    ConsoleScreen noLanguage = opened.click("revise:save").step("no-language");

    assertThat(noLanguage.fieldMessage("revise:languages"))
        .isEqualTo("Choose at least one language.");
    assertThat(walk.api.get("/channels/" + id, walk.admin).json().getJsonArray("languages"))
        .hasSize(1);

    browser.find(By.cssSelector("label[for='revise:languages:0']")).click();
    browser.find(By.cssSelector("label[for='revise:languages:3']")).click();
    browser.find(By.cssSelector("[id='revise:exercise'] .ui-chkbox-box")).click();
    ConsoleScreen revised = noLanguage.click("revise:save").step("revised");

    assertThat(revised.messages()).contains("The channel " + account + " has been saved.");
    assertThat(row(account).getText()).contains("Arabic, Tamazight", "Takes exercises");
    JsonObject channel = walk.api.get("/channels/" + id, walk.admin).json();
    assertThat(channel.getJsonArray("languages").getValuesAs(JsonString.class))
        .extracting(JsonString::getString)
        .containsExactly("ar", "zgh");
    assertThat(channel.getBoolean("exercise")).isTrue();
    assertThat(history()).containsExactly("REGISTERED", "REVISED");
    WebElement revision =
        browser
            .find(By.cssSelector("#history [data-action='REVISED']"))
            .findElement(By.xpath("ancestor::tr"));
    assertThat(revision.getText()).contains("ar,zgh").doesNotContain("secret");

    // No new secret was typed: the old one still posts.
    long alertId = approvedAlertInFiguig();
    assertThat(walk.awaitPostsTo(account, p -> p.stream().anyMatch(post -> links(post, alertId))))
        .filteredOn(post -> links(post, alertId))
        .singleElement()
        .satisfies(post -> assertThat(post.accessToken()).isEqualTo("token-of-" + account));
  }

  @Test
  void aChannelIsRetiredWithAReasonThenBroughtBackAfterConfirmation() {
    String account = walk.channel(FIGUIG, "FACEBOOK", false);
    long id = walk.channelId(account);
    channelsPage();
    choose("filterArea", FIGUIG);
    browser.settled().step("filtered");

    row(account).findElement(By.cssSelector("button[id$=':retire']")).click();
    ConsoleScreen asked = browser.settled().step("asked");
    assertThat(asked.text("retireQuestion")).contains(account);
    ConsoleScreen cancelled = asked.click("retire:cancel");
    assertThat(cancelled.has(By.id("retire:confirm"))).isFalse();
    assertThat(status(account)).isEqualTo("ACTIVE");

    row(account).findElement(By.cssSelector("button[id$=':retire']")).click();
    ConsoleScreen retired =
        browser
            .settled()
            .type("retire:reason", "page closed by the prefecture")
            .click("retire:confirm")
            .step("retired");

    assertThat(retired.messages()).contains("The channel " + account + " is retired.");
    assertThat(status(account)).isEqualTo("RETIRED");
    assertThat(walk.api.get("/channels/" + id, walk.admin).json().getString("status"))
        .isEqualTo("RETIRED");

    row(account).findElement(By.cssSelector("button[id$=':reinstate']")).click();
    browser.find(By.id("channels:confirmYes")).click();
    ConsoleScreen back = browser.settled().step("back");

    assertThat(back.messages()).contains("The channel " + account + " is back in service.");
    assertThat(status(account)).isEqualTo("ACTIVE");
    assertThat(walk.api.get("/channels/" + id, walk.admin).json().getString("status"))
        .isEqualTo("ACTIVE");
    row(account).findElement(By.cssSelector("button[id$=':open']")).click();
    browser.settled().step("history");
    assertThat(history()).containsExactly("REGISTERED", "RETIRED", "REINSTATED");
    assertThat(
            browser
                .find(By.cssSelector("#history [data-action='RETIRED']"))
                .findElement(By.xpath("ancestor::tr"))
                .getText())
        .contains("page closed by the prefecture");
    assertThat(walk.api.get("/channels/" + id + "/audit", walk.admin).body().toString())
        .contains("page closed by the prefecture");
  }

  @Test
  void aChannelThePlatformRefusedShowsWhyAndANewSecretPutsItBack() throws Exception {
    String account = walk.channel(FIGUIG, "FACEBOOK", false);
    long id = walk.channelId(account);
    String oldToken = "token-of-" + account;
    String newToken = "renewed-" + UUID.randomUUID();
    walk.graph.revokeToken(oldToken);
    long alertId = approvedAlertInFiguig();
    awaitStatus(id, "NEEDS_FIX");

    channelsPage();
    choose("filterArea", FIGUIG);
    choose("filterStatus", "NEEDS_FIX");
    ConsoleScreen needsFix = browser.settled().step("needs-fix");

    assertThat(status(account)).isEqualTo("NEEDS_FIX");
    assertThat(row(account).getText()).contains("Needs a fix", "190");
    row(account).findElement(By.cssSelector("button[id$=':open']")).click();
    ConsoleScreen opened = browser.settled().step("opened");
    assertThat(opened.text("needsFix")).contains("190");
    assertThat(browser.driver().getPageSource()).doesNotContain(oldToken);

    needsFix.type("revise:secret", newToken);
    ConsoleScreen fixed = needsFix.click("revise:save").step("fixed");

    assertThat(fixed.messages()).contains("The channel " + account + " is back in service");
    assertThat(browser.find(By.id("detailStatus")).getDomAttribute("data-status"))
        .isEqualTo("ACTIVE");
    assertThat(browser.findAll(By.id("needsFix"))).isEmpty();
    assertThat(browser.driver().getPageSource()).doesNotContain(newToken).doesNotContain(oldToken);
    assertThat(history()).containsExactly("REGISTERED", "NEEDS_FIX", "REVISED");
    JsonObject channel = walk.api.get("/channels/" + id, walk.admin).json();
    assertThat(channel.getString("status")).isEqualTo("ACTIVE");
    List<ReceivedPost> posts =
        walk.awaitPostsTo(account, p -> p.stream().anyMatch(post -> links(post, alertId)));
    assertThat(posts)
        .filteredOn(post -> links(post, alertId))
        .singleElement()
        .satisfies(post -> assertThat(post.accessToken()).isEqualTo(newToken));
  }

  @Test
  void theChannelsPageSpeaksArabicRightToLeft() {
    ConsoleScreen arabic = channelsPage().switchLanguage("ar").step("arabic");

    assertThat(arabic.direction()).isEqualTo("rtl");
    assertThat(arabic.title()).isEqualTo("القنوات");
    assertThat(arabic.text("createTitle")).isEqualTo("قناة جديدة");
    assertThat(browser.find(By.cssSelector("label[for='create:accountId']")).getText())
        .contains("معرّف الحساب");
    assertThat(browser.find(By.id("create:submit")).getText()).isEqualTo("تسجيل");
  }

  private static ConsoleScreen channelsPage() {
    ConsoleScreen console = browser.signIn("admin", Walk.PASSWORD).openFromMenu("CHANNELS");
    assertThat(console.title()).isEqualTo("Channels");
    return console;
  }

  /** Chooses a value of a PrimeFaces menu by its widget, as a click on the item would. */
  private static void choose(String widget, String value) {
    browser.script("PF(arguments[0]).selectValue(arguments[1]);", widget, value);
    browser.settled();
  }

  /** The row of the channels' table that lists the account. */
  private static WebElement row(String account) {
    return browser
        .find(By.cssSelector("[data-channel='" + account + "']"))
        .findElement(By.xpath("ancestor::tr"));
  }

  private static String status(String account) {
    return row(account).findElement(By.cssSelector("[data-status]")).getDomAttribute("data-status");
  }

  /** The actions of the open channel's history, oldest first. */
  private static List<String> history() {
    return browser.findAll(By.cssSelector("#history [data-action]")).stream()
        .map(e -> e.getDomAttribute("data-action"))
        .toList();
  }

  private static List<JsonObject> channelsOfFiguig() {
    return walk.api
        .get("/channels?area=" + FIGUIG, walk.admin)
        .body()
        .asJsonArray()
        .getValuesAs(JsonObject.class);
  }

  private static long channelId(String account) {
    return channelsOfFiguig().stream()
        .filter(c -> c.getString("accountId").equals(account))
        .findFirst()
        .orElseThrow()
        .getJsonNumber("id")
        .longValue();
  }

  private static long approvedAlertInFiguig() {
    JsonObject opened = walk.openCase(Walk.fullCase(FIGUIG_TOWN[0], FIGUIG_TOWN[1]));
    assertThat(opened.getJsonArray("areas").toString()).contains(FIGUIG);
    long alertId = walk.requestAlert(opened.getInt("id"), false).getInt("id");
    walk.approve(alertId);
    return alertId;
  }

  private static void awaitStatus(long channelId, String status) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    String now = "";
    while (!now.equals(status) && System.nanoTime() < deadline) {
      Thread.sleep(500);
      now = walk.api.get("/channels/" + channelId, walk.admin).json().getString("status");
    }
    assertThat(now).as("channel %s", channelId).isEqualTo(status);
  }

  private static boolean links(ReceivedPost post, long alertId) {
    return post.link().endsWith("/alerts/" + alertId);
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
