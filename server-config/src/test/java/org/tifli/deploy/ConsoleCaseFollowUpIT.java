package org.tifli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.tifli.testing.FakeGraphApi.ReceivedPost;
import org.tifli.testing.TifliClient.Answer;

/**
 * What the police do with a case after its intake, in a real browser against the shared server: an
 * officer revises the case in the wizard (a changed field shows on the case's page and over the
 * API, every other field stays as stored; a change to what an active alert shows posts an update,
 * and a change to anything else does not; a refused value shows beside its field and changes
 * nothing); a supervisor resolves a case that never had an alert, once an outcome is chosen; an
 * officer opens a photo in full, which an address without a session never gets.
 */
class ConsoleCaseFollowUpIT {

  private static final double[] CASABLANCA = {33.5883, -7.6114};

  @RegisterExtension static final Browser browser = new Browser();

  @Test
  void anOfficerRevisesACaseAndTheChangeShowsOnItsPageAndOverTheApi() {
    Walk walk = Walk.on(SharedTifli.get());
    String name = unique("Salma");
    long caseId = openCase(walk, name);
    JsonObject before = walk.api.get("/cases/" + caseId, walk.officer).json();

    browser.signIn("officer", Walk.PASSWORD);
    CaseWizardScreen wizard = CaseScreen.open(browser, caseId).revise();
    browser.step("revising");
    assertThat(wizard.value("child_givenName")).as("the case as stored").isEqualTo(name);
    assertThat(wizard.value("lastSeen_place")).isEqualTo("school gate, Boulevard Zerktouni");
    wizard.step(CaseWizardScreen.GUARDIANS);
    assertThat(wizard.value("guardians:0:phone")).isEqualTo("+212 600 000 000");
    wizard.step(CaseWizardScreen.CHILD).type("child_clothing", "a green raincoat and boots");
    ConsoleScreen page = wizard.record().step("revised");

    assertThat(page.path()).isEqualTo("/console/case.xhtml");
    assertThat(CaseScreen.shown(browser).caseId()).isEqualTo(caseId);
    assertThat(page.messages()).contains("has been revised");
    assertThat(browser.find(By.cssSelector(".tifli-case")).getText())
        .contains("a green raincoat and boots");
    JsonObject after = walk.api.get("/cases/" + caseId, walk.officer).json();
    assertThat(after.getJsonObject("child").getString("clothing"))
        .isEqualTo("a green raincoat and boots");
    assertThat(withoutClothing(after))
        .as("every other field as stored")
        .isEqualTo(withoutClothing(before));
    assertThat(browser.find(By.id("timeline")).getText()).contains("REVISED");
  }

  @Test
  void aRevisionOfWhatAnActiveAlertShowsPostsAnUpdateAndOtherRevisionsDoNot() throws Exception {
    Walk walk = Walk.on(SharedTifli.get());
    String page = walk.facebookPage("MA-CAS", false);
    long caseId = openCase(walk, unique("Hiba"));
    long alertId = walk.requestAlert(caseId, false).getInt("id");
    walk.approve(alertId);
    assertThat(walk.awaitPostsTo(page, p -> p.size() == 1)).hasSize(1);

    browser.signIn("officer", Walk.PASSWORD);
    CaseScreen.open(browser, caseId)
        .revise()
        .step(CaseWizardScreen.LOCATE)
        .type("friendsAndContacts", "also Youssef, her cousin")
        .record();
    CaseScreen.shown(browser)
        .revise()
        .step(CaseWizardScreen.CHILD)
        .type("child_clothing", "a red raincoat")
        .record()
        .step("revised-twice");

    List<ReceivedPost> posts = walk.awaitPostsTo(page, p -> p.size() == 2);
    assertThat(posts).hasSize(2);
    assertThat(posts.get(1).message()).startsWith("MISE À JOUR");
    JsonObject alert = walk.api.get("/alerts/" + alertId, walk.supervisor).json();
    assertThat(alert.getInt("updatesPosted"))
        .as("the revision of a field the alert does not show posts nothing")
        .isEqualTo(1);
    assertThat(
            walk.api.get("/cases/" + caseId, walk.officer).json().getString("friendsAndContacts"))
        .isEqualTo("also Youssef, her cousin");
  }

  @Test
  void aRefusedRevisionShowsItsMessageBesideTheFieldAndChangesNothing() {
    Walk walk = Walk.on(SharedTifli.get());
    long caseId = openCase(walk, unique("Nour"));
    JsonObject before = walk.api.get("/cases/" + caseId, walk.officer).json();

    ConsoleScreen console = browser.signIn("officer", Walk.PASSWORD);
    CaseWizardScreen wizard = CaseScreen.open(browser, caseId).revise();
    wizard.step(CaseWizardScreen.CHILD).type("child_clothing", "a yellow jumper");
    wizard.step(CaseWizardScreen.LAST_SEEN).type("lastSeen_latitude", "95");
    wizard.recordRefused();
    browser.step("refused");

    assertThat(console.path()).isEqualTo("/console/case-new.xhtml");
    assertThat(wizard.stepShown()).isEqualTo(CaseWizardScreen.LAST_SEEN);
    assertThat(wizard.message("lastSeen_latitude")).isEqualTo("A latitude is between -90 and 90.");
    assertThat(console.messages()).contains("The case was not revised");
    assertThat(wizard.value("lastSeen_latitude")).as("what was typed is kept").isEqualTo("95.0");
    assertThat(walk.api.get("/cases/" + caseId, walk.officer).json())
        .as("nothing stored")
        .isEqualTo(before);
  }

  @Test
  void aSupervisorResolvesACaseThatHasNoAlert() {
    Walk walk = Walk.on(SharedTifli.get());
    long caseId = openCase(walk, unique("Ilyas"));
    assertThat(walk.api.get("/cases/" + caseId + "/alerts", walk.officer).json().getInt("total"))
        .isZero();

    browser.signIn("supervisor", Walk.PASSWORD);
    CaseScreen screen = CaseScreen.open(browser, caseId);
    assertThat(browser.findAll(By.id("revise"))).as("an officer's action").isEmpty();
    ConsoleScreen refused = screen.resolveRefused("no outcome chosen").step("refused");
    assertThat(refused.fieldMessage("resolve:outcome")).isEqualTo("This is required.");
    assertThat(walk.api.get("/cases/" + caseId, walk.supervisor).json().getString("status"))
        .as("nothing stored")
        .isEqualTo("OPEN");
    ConsoleScreen page = screen.resolve("FOUND_SAFE", "found at her aunt's, unharmed").step("done");

    assertThat(page.messages()).contains("has been resolved", "Found safe");
    assertThat(page.text("status")).isEqualTo("Resolved");
    assertThat(browser.find(By.id("outcome")).getDomAttribute("data-outcome"))
        .isEqualTo("FOUND_SAFE");
    assertThat(browser.findAll(By.id("resolve:submit"))).as("nothing left to resolve").isEmpty();
    JsonObject stored = walk.api.get("/cases/" + caseId, walk.supervisor).json();
    assertThat(stored.getString("status")).isEqualTo("RESOLVED");
    assertThat(stored.getJsonObject("resolution").getString("outcome")).isEqualTo("FOUND_SAFE");
    assertThat(stored.getJsonObject("resolution").getString("note"))
        .isEqualTo("found at her aunt's, unharmed");
  }

  @Test
  void anOfficerOpensAPhotoInFullWhichNoSessionMeansNoPhoto() {
    Walk walk = Walk.on(SharedTifli.get());
    long caseId = openCase(walk, unique("Rania"));
    byte[] photo = DrawnImage.of("png", 900, 700);
    Answer uploaded =
        walk.api.postMultipart(
            "/cases/" + caseId + "/photos", walk.officer, Map.of("photo", photo));
    assertThat(uploaded.status()).as("uploading: %s", uploaded.body()).isEqualTo(201);

    browser.signIn("officer", Walk.PASSWORD);
    CaseScreen screen = CaseScreen.open(browser, caseId);
    assertThat(screen.fullPhotoAddresses()).hasSize(1);
    String address = screen.fullPhotoAddresses().get(0);
    String cookies =
        browser.driver().manage().getCookies().stream()
            .map(c -> c.getName() + "=" + c.getValue())
            .collect(Collectors.joining("; "));

    HttpResponse<byte[]> signedIn = fetch(address, cookies);
    assertThat(signedIn.statusCode()).isEqualTo(200);
    assertThat(signedIn.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(signedIn.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
    assertThat(signedIn.body()).isEqualTo(photo);

    HttpResponse<byte[]> anonymous = fetch(address, null);
    assertThat(anonymous.statusCode()).as("no session, no photo").isEqualTo(302);
    assertThat(anonymous.headers().firstValue("Location").orElse("")).endsWith("/login.xhtml");
    assertThat(anonymous.headers().firstValue("Content-Type").orElse(""))
        .doesNotStartWith("image/");
    assertThat(anonymous.body()).isNotEqualTo(photo);

    browser.open(address.substring(address.indexOf("/console/")));
    browser.step("full-photo");
    assertThat(browser.script("return document.contentType;")).isEqualTo("image/png");
    assertThat(browser.script("return document.images[0].naturalWidth;")).isEqualTo(900L);
  }

  private static long openCase(Walk walk, String givenName) {
    JsonObjectBuilder json = Walk.fullCase(CASABLANCA[0], CASABLANCA[1]);
    JsonObject sample = json.build();
    JsonObject child =
        Json.createObjectBuilder(sample.getJsonObject("child")).add("givenName", givenName).build();
    return walk.openCase(Json.createObjectBuilder(sample).add("child", child))
        .getJsonNumber("id")
        .longValue();
  }

  private static JsonObject withoutClothing(JsonObject stored) {
    JsonObject child =
        Json.createObjectBuilder(stored.getJsonObject("child")).remove("clothing").build();
    return Json.createObjectBuilder(stored).add("child", child).build();
  }

  /** A GET of an address the page gave (a path from the server's root), with these cookies. */
  private static HttpResponse<byte[]> fetch(String address, String cookies) {
    URI app = URI.create(browser.appUrl());
    HttpRequest.Builder request =
        HttpRequest.newBuilder(app.resolve(address)).timeout(Duration.ofSeconds(30)).GET();
    if (cookies != null) {
      request.header("Cookie", cookies);
    }
    try {
      return HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .build()
          .send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String unique(String name) {
    return name + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
