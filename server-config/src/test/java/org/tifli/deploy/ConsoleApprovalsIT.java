package org.tifli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.tifli.deploy.CaseWizardScreen.Intake;
import org.tifli.testing.TifliClient.Answer;

/**
 * The supervisor's screens in a real browser, against the shared server: a case an officer records
 * with its photo through the wizard, and the alert the officer requests from its page (in French or
 * in Arabic, like the rest of the walk), waits in the approvals queue with what each stage of its
 * widening would reach and its post as each platform would get it; approved there, its deliveries
 * show as sent on the alert's page without a reload, and resolving the case from that page takes
 * the posts down, the ledger showing them retracted. A rejection needs a reason; the requester of
 * an alert, even a supervisor, cannot approve it; an officer may not open the queue.
 */
class ConsoleApprovalsIT {

  private static final double[] CASABLANCA = {33.5883, -7.6114};

  /** Deliveries go through the broker and a fake platform: allow a busy machine its time. */
  private static final Duration DELIVERY_WAIT = Duration.ofSeconds(120);

  @RegisterExtension static final Browser browser = new Browser();

  @Test
  void inFrenchAnOfficerRecordsACaseASupervisorApprovesItsAlertAndResolvesTheCase()
      throws Exception {
    approveFollowAndResolve("fr");
  }

  @Test
  void inArabicRightToLeftAnOfficerRecordsACaseASupervisorApprovesAndResolvesIt() throws Exception {
    approveFollowAndResolve("ar");
  }

  private static void approveFollowAndResolve(String language) throws Exception {
    Walk walk = Walk.on(SharedTifli.get());
    String page = walk.facebookPage("MA-CAS", false);
    long channel = walk.channelId(page);
    String name = "Salma " + UUID.randomUUID().toString().substring(0, 6);
    ConsoleScreen officer = browser.signIn("officer", Walk.PASSWORD);
    CaseWizardScreen.open(browser, officer);
    officer.switchLanguage(language);
    CaseWizardScreen wizard = CaseWizardScreen.shown(browser);
    wizard.fill(Intake.sample(name).withArabicNames("سلمى", "العلوي"));
    wizard.addPhoto(DrawnImage.of("jpg", 640, 480), ".jpg");
    wizard.record().step("recorded");
    long alertId = CaseScreen.shown(browser).requestAlert(true, true, true, true);
    new ConsoleScreen(browser).step("requested").signOut();

    ConsoleScreen approvals =
        browser
            .signIn("supervisor", Walk.PASSWORD)
            .switchLanguage(language)
            .openFromMenu("APPROVALS");
    assertThat(approvals.path()).isEqualTo("/console/approvals.xhtml");
    approvals = browser.open("/console/approvals.xhtml?alert=" + alertId);
    WebElement map = browser.find(By.id("stageMap"));
    browser.until(d -> map.getDomAttribute("data-areas-drawn"));
    approvals.step("request");

    assertThat(approvals.direction()).isEqualTo("ar".equals(language) ? "rtl" : "ltr");
    assertThat(approvals.has(By.cssSelector("#queue a[data-alert='" + alertId + "']")))
        .as("the request in the queue")
        .isTrue();
    assertThat(browser.find(By.id("request")).getDomAttribute("data-alert"))
        .isEqualTo(Long.toString(alertId));
    assertThat(browser.findAll(By.cssSelector("#criteria li[data-met='true']"))).hasSize(4);
    assertThat(browser.findAll(By.cssSelector("[data-stage]"))).hasSize(4);
    assertThat(browser.findAll(By.cssSelector("[data-stage='1'] [data-area]")))
        .as("the provinces of the first stage")
        .isNotEmpty();
    assertThat(browser.findAll(By.cssSelector("[data-stage='4'] [data-area]")))
        .as("the rest of the country at the last stage")
        .hasSizeGreaterThan(browser.findAll(By.cssSelector("[data-stage='1'] [data-area]")).size());
    assertThat(browser.findAll(By.cssSelector("[data-stage='1'] [data-channel='" + channel + "']")))
        .as("this test's page among the channels of the first stage")
        .hasSize(1);
    assertThat(browser.findAll(By.cssSelector("#stageMap path.tifli-stage-1")))
        .as("the first stage's provinces on the map")
        .isNotEmpty();
    WebElement arabicX = post("ar", "X");
    assertThat(arabicX.getDomAttribute("dir")).isEqualTo("rtl");
    assertThat(arabicX.getText()).contains("سلمى", "/alerts/" + alertId);
    WebElement frenchFacebook = post("fr", "FACEBOOK");
    assertThat(frenchFacebook.getDomAttribute("dir")).isEqualTo("ltr");
    assertThat(frenchFacebook.getText()).contains("Salma");

    ConsoleScreen alert =
        browser.loading(
            () -> {
              browser.find(By.id("decision:approve")).click();
              browser.find(By.id("decision:confirmYes")).click();
            });
    alert.step("approved");

    assertThat(alert.path()).isEqualTo("/console/alert.xhtml");
    assertThat(alert.direction()).isEqualTo("ar".equals(language) ? "rtl" : "ltr");
    assertThat(browser.findAll(By.cssSelector("#messages li")))
        .as("the approval said once, after the redirect")
        .hasSize(1);
    browser.script("window.tifliSamePage = true;");
    awaitLedger(channel, "ALERT", "SENT");
    alert.step("sent");
    assertThat(browser.script("return window.tifliSamePage === true;"))
        .as("the ledger changed without a reload")
        .isEqualTo(true);
    assertThat(browser.find(By.id("live:summary")).getDomAttribute("data-status"))
        .isEqualTo("ACTIVE");
    assertThat(walk.postsTo(page)).hasSize(1);

    new Select(browser.find(By.id("resolution:outcome"))).selectByValue("FOUND_SAFE");
    alert.type("resolution:note", "Found at her aunt's flat");
    ConsoleScreen resolved =
        browser.loading(
            () -> {
              browser.find(By.id("resolution:resolve")).click();
              browser.find(By.id("confirmation:confirmYes")).click();
            });
    resolved.step("resolved");

    assertThat(browser.find(By.id("live:summary")).getDomAttribute("data-status"))
        .isEqualTo("RESOLVED");
    assertThat(resolved.has(By.id("resolution:resolve"))).isFalse();
    assertThat(resolved.text("endReason")).isNotEqualTo("FOUND_SAFE").isNotEmpty();
    awaitLedger(channel, "ALERT", "RETRACTED");
    awaitLedger(channel, "CLOSING", "SENT");
    resolved.step("retracted");
    String postId =
        walk
            .api
            .get("/alerts/" + alertId, walk.supervisor)
            .json()
            .getJsonArray("deliveries")
            .stream()
            .map(JsonValue::asJsonObject)
            .filter(d -> d.getJsonNumber("channel").longValue() == channel)
            .filter(d -> d.getString("purpose").equals("ALERT"))
            .map(d -> d.getString("externalId"))
            .findFirst()
            .orElseThrow();
    assertThat(walk.graph.deletions()).as("the post taken down on the platform").contains(postId);

    ConsoleScreen alerts = resolved.openFromMenu("ALERTS").step("alerts");
    WebElement listed =
        browser.find(By.cssSelector("#alerts\\:list a[data-alert='" + alertId + "']"));
    assertThat(
            listed
                .findElement(By.xpath("ancestor::tr"))
                .findElement(By.cssSelector("[data-status]"))
                .getDomAttribute("data-status"))
        .isEqualTo("RESOLVED");
    assertThat(alerts.title()).isNotEmpty();
  }

  @Test
  void aSupervisorWidensHoldsReleasesRenewsAndCancelsFromTheAlertsPage() {
    Walk walk = Walk.on(SharedTifli.get());
    long caseId =
        walk.openCase(Walk.fullCase(CASABLANCA[0], CASABLANCA[1])).getJsonNumber("id").longValue();
    long alertId = walk.requestAlert(caseId, false).getJsonNumber("id").longValue();
    walk.approve(alertId);
    browser.signIn("supervisor", Walk.PASSWORD);
    ConsoleScreen alert = browser.open("/console/alert.xhtml?id=" + alertId).step("active");
    assertThat(alert.text("live:stage")).isEqualTo("1 / 4");

    ConsoleScreen widened = confirm("actions:widen").step("widened");

    assertThat(widened.text("live:stage")).isEqualTo("2 / 4");
    assertThat(browser.findAll(By.cssSelector("#stages [data-applied='true']"))).hasSize(2);
    assertThat(alertJson(walk, alertId).getInt("stagesDone")).isEqualTo(2);

    ConsoleScreen held = confirm("actions:hold").step("held");

    assertThat(alertJson(walk, alertId).getBoolean("held")).isTrue();
    assertThat(held.has(By.id("actions:hold"))).isFalse();

    confirm("actions:release").step("released");

    assertThat(alertJson(walk, alertId).getBoolean("held")).isFalse();
    String expiresBefore = alertJson(walk, alertId).getString("expiresAt");

    ConsoleScreen renewed = confirm("actions:renew").step("renewed");

    assertThat(renewed.messages()).contains("is renewed");
    assertThat(alertJson(walk, alertId).getString("expiresAt")).isNotEqualTo(expiresBefore);

    ConsoleScreen noReason = confirm("cancellation:cancel").step("no-reason");

    assertThat(noReason.fieldMessage("cancellation:cancelReason"))
        .isEqualTo("Say why the alert is cancelled.");
    assertThat(status(walk, alertId)).isEqualTo("ACTIVE");

    noReason.type("cancellation:cancelReason", "Asked for by mistake: the child is at school");
    confirm("cancellation:cancel").step("cancelled");

    assertThat(browser.find(By.id("live:summary")).getDomAttribute("data-status"))
        .isEqualTo("CANCELLED");
    assertThat(status(walk, alertId)).isEqualTo("CANCELLED");
  }

  @Test
  void anOfficerFollowsAnAlertWithoutTheSupervisorsActions() {
    Walk walk = Walk.on(SharedTifli.get());
    long caseId =
        walk.openCase(Walk.fullCase(CASABLANCA[0], CASABLANCA[1])).getJsonNumber("id").longValue();
    long alertId = walk.requestAlert(caseId, false).getJsonNumber("id").longValue();
    walk.approve(alertId);
    browser.signIn("officer", Walk.PASSWORD);

    ConsoleScreen alert = browser.open("/console/alert.xhtml?id=" + alertId).step("officer");

    assertThat(browser.find(By.id("live:summary")).getDomAttribute("data-status"))
        .isEqualTo("ACTIVE");
    assertThat(alert.has(By.id("live:ledger"))).isTrue();
    assertThat(alert.has(By.id("actions:widen"))).isFalse();
    assertThat(alert.has(By.id("resolution:resolve"))).isFalse();
    WebElement map = browser.find(By.id("stageMap"));
    browser.until(d -> map.getDomAttribute("data-areas-drawn"));
    assertThat(browser.findAll(By.cssSelector("#stageMap path.tifli-stage-2"))).isEmpty();
    browser.script("window.tifliSamePage = true;");

    Answer widened = walk.api.post("/alerts/" + alertId + "/widening", walk.supervisor, "{}");

    assertThat(widened.status()).isEqualTo(200);
    browser.until(d -> !d.findElements(By.cssSelector("#stageMap path.tifli-stage-2")).isEmpty());
    alert.step("widened-meanwhile");
    assertThat(browser.script("return window.tifliSamePage === true;"))
        .as("the second stage drawn without a reload")
        .isEqualTo(true);
  }

  @Test
  void aRejectionWithoutAReasonIsRefusedBesideTheFieldAndTheRequestStillWaits() {
    Walk walk = Walk.on(SharedTifli.get());
    long caseId =
        walk.openCase(Walk.fullCase(CASABLANCA[0], CASABLANCA[1])).getJsonNumber("id").longValue();
    long alertId = walk.requestAlert(caseId, false).getJsonNumber("id").longValue();
    browser.signIn("supervisor", Walk.PASSWORD);
    ConsoleScreen approvals = browser.open("/console/approvals.xhtml?alert=" + alertId);

    ConsoleScreen refused = approvals.click("decision:reject").step("refused");

    assertThat(refused.fieldMessage("decision:reason"))
        .isEqualTo("Say why the request is rejected.");
    assertThat(status(walk, alertId)).isEqualTo("PENDING_APPROVAL");

    refused.type("decision:reason", "The child was found before the alert went out");
    ConsoleScreen rejected =
        browser.loading(() -> browser.find(By.id("decision:reject")).click()).step("rejected");

    assertThat(rejected.messages()).contains("is rejected");
    assertThat(rejected.has(By.cssSelector("#queue a[data-alert='" + alertId + "']"))).isFalse();
    assertThat(status(walk, alertId)).isEqualTo("REJECTED");
  }

  @Test
  void aRequestDecidedMeanwhileIsRefusedWithAMessageAndLeftAsDecided() {
    Walk walk = Walk.on(SharedTifli.get());
    long caseId =
        walk.openCase(Walk.fullCase(CASABLANCA[0], CASABLANCA[1])).getJsonNumber("id").longValue();
    long alertId = walk.requestAlert(caseId, false).getJsonNumber("id").longValue();
    browser.signIn("supervisor", Walk.PASSWORD);
    ConsoleScreen approvals = browser.open("/console/approvals.xhtml?alert=" + alertId);
    Answer rejected =
        walk.api.post(
            "/alerts/" + alertId + "/approval",
            walk.supervisor,
            "{\"decision\":\"REJECT\",\"reason\":\"decided elsewhere\"}");
    assertThat(rejected.status()).isEqualTo(200);

    browser.find(By.id("decision:approve")).click();
    browser.find(By.id("decision:confirmYes")).click();
    ConsoleScreen refused = browser.settled().step("refused");

    assertThat(refused.path()).isEqualTo("/console/approvals.xhtml");
    assertThat(refused.text("decision:refusal")).contains("decided meanwhile");
    assertThat(status(walk, alertId)).isEqualTo("REJECTED");
  }

  @Test
  void aSupervisorWhoAskedForTheAlertSeesNoApproveButtonOnTheirOwnRequest() {
    Walk walk = Walk.on(SharedTifli.get());
    String username = "both-" + UUID.randomUUID().toString().substring(0, 8);
    String password = "a long passphrase for both roles";
    Answer created =
        walk.api.post(
            "/accounts",
            walk.admin,
            Json.createObjectBuilder()
                .add("username", username)
                .add("password", password)
                .add("roles", Json.createArrayBuilder().add("officer").add("supervisor"))
                .build()
                .toString());
    assertThat(created.status()).as("creating: %s", created.body()).isEqualTo(201);
    String token = walk.api.token(username, password);
    Walk own = new Walk(walk.api, walk.graph, token, walk.supervisor, walk.admin);
    long caseId =
        own.openCase(Walk.fullCase(CASABLANCA[0], CASABLANCA[1])).getJsonNumber("id").longValue();
    long alertId = own.requestAlert(caseId, false).getJsonNumber("id").longValue();

    browser.signIn(username, password);
    ConsoleScreen approvals =
        browser.open("/console/approvals.xhtml?alert=" + alertId).step("own-request");

    assertThat(browser.find(By.id("requestedBy")).getText()).isEqualTo(username);
    assertThat(approvals.has(By.id("decision:approve"))).isFalse();
    assertThat(approvals.has(By.id("decision:reject"))).isFalse();
    assertThat(approvals.text("decision:ownRequest")).contains("another supervisor must decide");
    assertThat(status(walk, alertId)).isEqualTo("PENDING_APPROVAL");
  }

  @Test
  void anOfficerOpeningTheApprovalsGetsTheForbiddenPage() {
    browser.signIn("officer", Walk.PASSWORD);

    ConsoleScreen forbidden = browser.open("/console/approvals.xhtml").step("forbidden");

    assertThat(forbidden.title()).isEqualTo("Not allowed");
    assertThat(forbidden.has(By.id("queue"))).isFalse();
    assertThat(forbidden.menu()).doesNotContain("APPROVALS");
  }

  private static WebElement post(String language, String platform) {
    return browser.find(
        By.cssSelector(
            ".tifli-post[data-language='" + language + "'][data-platform='" + platform + "']"));
  }

  private static String status(Walk walk, long alertId) {
    return alertJson(walk, alertId).getString("status");
  }

  private static JsonObject alertJson(Walk walk, long alertId) {
    return walk.api.get("/alerts/" + alertId, walk.supervisor).json();
  }

  /** Clicks a button that asks for a confirmation, says yes, and waits for the page it loads. */
  private static ConsoleScreen confirm(String button) {
    return browser.loading(
        () -> {
          browser.find(By.id(button)).click();
          browser.find(By.id("confirmation:confirmYes")).click();
        });
  }

  /**
   * Waits until the ledger on the page shows a delivery of the purpose to the channel in the
   * status, as the page's own polling brings it.
   */
  private static void awaitLedger(long channel, String purpose, String status) {
    new WebDriverWait(browser.driver(), DELIVERY_WAIT)
        .until(
            (WebDriver d) ->
                Boolean.TRUE.equals(
                    ((JavascriptExecutor) d)
                        .executeScript(
                            "var channel = arguments[0], purpose = arguments[1],"
                                + " status = arguments[2];"
                                + " return Array.from(document.querySelectorAll("
                                + "'#live\\\\:ledger tr')).some(function (row) {"
                                + " var c = row.querySelector('[data-channel]');"
                                + " var s = row.querySelector('[data-status]');"
                                + " var p = row.querySelector('[data-purpose]');"
                                + " return c && s && p"
                                + " && c.getAttribute('data-channel') === channel"
                                + " && p.getAttribute('data-purpose') === purpose"
                                + " && s.getAttribute('data-status') === status; });",
                            Long.toString(channel),
                            purpose,
                            status)));
  }
}
