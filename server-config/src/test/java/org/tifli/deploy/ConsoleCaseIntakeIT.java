package org.tifli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.tifli.deploy.CaseWizardScreen.Intake;
import org.tifli.testing.TifliClient;
import org.tifli.testing.TifliClient.Answer;

/**
 * The officer's screens of a case in a real browser, against the shared server: the intake wizard
 * records a case with its photo and lands on the case's page, where the officer requests an alert
 * (checked over the API); the same in Arabic, right to left; a refusal shows each message beside
 * its field with everything typed kept and nothing stored; a sighting reported through the public
 * API is triaged from the sightings page; a request that fails a criterion needs a justification;
 * and the wizard can be worked with the keyboard.
 */
class ConsoleCaseIntakeIT {

  private static final double[] CASABLANCA = {33.5883, -7.6114};

  @RegisterExtension static final Browser browser = new Browser();

  @Test
  void anOfficerRecordsACaseWithAPhotoAndRequestsAnAlert() {
    String name = unique("Amina");
    ConsoleScreen console = browser.signIn("officer", Walk.PASSWORD);
    CaseWizardScreen wizard = CaseWizardScreen.open(browser, console);

    wizard.fill(Intake.sample(name)).addLikelyPlacePickedOnMap("her aunt's house");
    wizard.addPhoto(DrawnImage.of("jpg", 640, 480), ".jpg");
    browser.step("filled");
    ConsoleScreen page = wizard.record().step("recorded");

    long caseId = CaseWizardScreen.caseId(browser);
    String reference = page.text("reference");
    assertThat(page.path()).isEqualTo("/console/case.xhtml");
    assertThat(reference).matches("MC-\\d{4}-\\d{6}");
    assertThat(page.messages()).contains("The case " + reference + " has been recorded.");
    assertThat(page.text("province")).contains("MA-CAS");
    assertThat(page.text("guardians")).contains("Fatima Alaoui", "+212 611 223 344");
    assertThat(browser.findAll(By.cssSelector("[data-photo][data-publication='true'] img")))
        .hasSize(1);

    TifliClient api = SharedTifli.get().client();
    String officer = api.token("officer", Walk.PASSWORD);
    JsonObject stored = api.get("/cases/" + caseId, officer).json();
    assertThat(stored.getString("reference")).isEqualTo(reference);
    assertThat(stored.getJsonObject("child").getString("givenName")).isEqualTo(name);
    assertThat(stored.getJsonObject("child").getString("sex")).isEqualTo("FEMALE");
    assertThat(stored.getJsonArray("areas").getString(0)).isEqualTo("MA-CAS");
    assertThat(stored.getJsonArray("guardians").getJsonObject(0).getString("phone"))
        .isEqualTo("+212 611 223 344");
    JsonObject place = stored.getJsonArray("likelyPlaces").getJsonObject(0);
    assertThat(place.getString("description")).isEqualTo("her aunt's house");
    assertThat(place.getJsonNumber("latitude")).as("picked on the map").isNotNull();
    JsonObject photos = api.get("/cases/" + caseId + "/photos", officer).json();
    assertThat(photos.getInt("total")).isEqualTo(1);
    assertThat(photos.getJsonArray("items").getJsonObject(0).getBoolean("publication")).isTrue();

    long alertId = CaseScreen.shown(browser).requestAlert(true, true, true, true);
    ConsoleScreen requested = new ConsoleScreen(browser).step("requested");

    assertThat(requested.messages()).contains("waits for a supervisor");
    WebElement alertLink = browser.find(By.cssSelector("#alerts a[data-alert]"));
    assertThat(alertLink.getDomAttribute("data-status")).isEqualTo("PENDING_APPROVAL");
    assertThat(alertLink.getDomAttribute("href")).contains("/console/alert.xhtml?id=");
    JsonObject alerts = api.get("/cases/" + caseId + "/alerts", officer).json();
    assertThat(alerts.getInt("total")).isEqualTo(1);
    JsonObject alert = alerts.getJsonArray("items").getJsonObject(0);
    assertThat(alert.getString("status")).isEqualTo("PENDING_APPROVAL");
    assertThat(alert.getJsonNumber("id").longValue()).isEqualTo(alertId);
    assertThat(browser.find(By.id("timeline")).getText())
        .contains("OPENED", "PHOTO_ADDED", "PHOTO_PUBLISHED", "REQUESTED");
  }

  @Test
  void anOfficerRecordsACaseInArabicRightToLeft() {
    String name = unique("Yasmine");
    ConsoleScreen console = browser.signIn("officer", Walk.PASSWORD);
    CaseWizardScreen.open(browser, console);
    ConsoleScreen arabic = console.switchLanguage("ar").step("arabic");
    assertThat(arabic.direction()).isEqualTo("rtl");
    assertThat(arabic.title()).isEqualTo("ملف جديد");

    CaseWizardScreen wizard = CaseWizardScreen.shown(browser);
    wizard.fill(Intake.sample(name).withArabicNames("ياسمين", "الإدريسي"));
    wizard.addPhoto(DrawnImage.of("png", 300, 400), ".png");
    ConsoleScreen page = wizard.record().step("recorded");

    assertThat(page.direction()).isEqualTo("rtl");
    assertThat(page.text("childNameAr")).isEqualTo("ياسمين الإدريسي");
    assertThat(page.messages()).contains("تم تسجيل الملف");
    long caseId = CaseWizardScreen.caseId(browser);
    TifliClient api = SharedTifli.get().client();
    JsonObject child =
        api.get("/cases/" + caseId, api.token("officer", Walk.PASSWORD))
            .json()
            .getJsonObject("child");
    assertThat(child.getString("givenNameAr")).isEqualTo("ياسمين");
    assertThat(child.getString("familyNameAr")).isEqualTo("الإدريسي");
    assertThat(child.getString("givenName")).isEqualTo(name);
  }

  @Test
  void aRefusedIntakeKeepsWhatWasTypedShowsEachMessageBesideItsFieldAndStoresNothing() {
    String name = unique("Refused");
    ConsoleScreen console = browser.signIn("officer", Walk.PASSWORD);
    CaseWizardScreen wizard = CaseWizardScreen.open(browser, console);
    wizard.fill(Intake.sample(name).withFamilyName("").withLatitude(95));
    wizard.addPhoto(DrawnImage.of("jpg", 320, 240), ".jpg");
    wizard.recordRefused();
    browser.step("refused");

    assertThat(console.path()).isEqualTo("/console/case-new.xhtml");
    assertThat(wizard.stepShown()).as("the first step with a refusal").isEqualTo(0);
    assertThat(wizard.message("child_familyName")).isEqualTo("This is required.");
    assertThat(wizard.value("child_givenName")).isEqualTo(name);
    assertThat(wizard.value("child_givenNameAr")).isEqualTo("أمينة");
    assertThat(console.messages()).contains("The case was not recorded");
    wizard.step(CaseWizardScreen.LAST_SEEN);
    assertThat(wizard.message("lastSeen_latitude")).isEqualTo("A latitude is between -90 and 90.");
    assertThat(wizard.value("lastSeen_latitude")).isEqualTo("95.0");
    assertThat(wizard.value("lastSeen_place")).isEqualTo("Derb Ghallef, by the market");
    wizard.step(CaseWizardScreen.GUARDIANS);
    assertThat(wizard.value("guardians:0:phone")).isEqualTo("+212 611 223 344");
    wizard.step(CaseWizardScreen.PHOTOS);
    assertThat(browser.findAll(By.cssSelector("[id='intake:steps:photoList'] [data-photo]")))
        .as("the photo chosen is still there")
        .hasSize(1);
    assertThat(casesNamed(name)).as("nothing stored").isZero();

    wizard.step(CaseWizardScreen.CHILD).type("child_familyName", "Berrada");
    wizard.step(CaseWizardScreen.LAST_SEEN).type("lastSeen_latitude", "33.5731");
    ConsoleScreen page = wizard.record().step("recorded");

    assertThat(page.path()).isEqualTo("/console/case.xhtml");
    assertThat(casesNamed(name)).isEqualTo(1);
    assertThat(browser.findAll(By.cssSelector("[data-photo]"))).hasSize(1);
  }

  @Test
  void aCaseRuleBetweenFieldsIsShownBesideTheFieldItNames() {
    String name = unique("Before");
    ConsoleScreen console = browser.signIn("officer", Walk.PASSWORD);
    CaseWizardScreen wizard = CaseWizardScreen.open(browser, console);
    wizard.fill(Intake.sample(name).withLastSeenAt("2016-01-01 10:00"));

    wizard.step(CaseWizardScreen.PHOTOS).recordRefused();
    browser.step("refused");

    assertThat(wizard.stepShown()).isEqualTo(CaseWizardScreen.LAST_SEEN);
    assertThat(wizard.message("lastSeen_at"))
        .isEqualTo("The child cannot have been last seen before being born.");
    assertThat(casesNamed(name)).isZero();
  }

  @Test
  void aRequestWithACriterionNotMetNeedsAJustification() {
    Walk walk = Walk.on(SharedTifli.get());
    long caseId =
        walk.openCase(Walk.fullCase(CASABLANCA[0], CASABLANCA[1])).getJsonNumber("id").longValue();
    browser.signIn("officer", Walk.PASSWORD);
    ConsoleScreen page = browser.open("/console/case.xhtml?id=" + caseId);
    browser.find(By.cssSelector("[id='request:minor'] .ui-chkbox-box")).click();

    ConsoleScreen refused = page.click("request:submit").step("refused");

    assertThat(refused.fieldMessage("request:justification"))
        .isEqualTo("A criterion is not met: say why the alert is still needed.");
    TifliClient api = SharedTifli.get().client();
    String officer = api.token("officer", Walk.PASSWORD);
    assertThat(api.get("/cases/" + caseId + "/alerts", officer).json().getInt("total")).isZero();

    refused.type("request:justification", "the guardians cannot be reached tonight");
    ConsoleScreen requested = refused.click("request:submit").step("requested");

    assertThat(requested.messages()).contains("waits for a supervisor");
    JsonObject alert =
        api.get("/cases/" + caseId + "/alerts", officer)
            .json()
            .getJsonArray("items")
            .getJsonObject(0);
    assertThat(alert.getString("status")).isEqualTo("PENDING_APPROVAL");
    assertThat(alert.getString("justification"))
        .isEqualTo("the guardians cannot be reached tonight");
  }

  @Test
  void theCasePageOfNoCaseSaysSo() {
    browser.signIn("supervisor", Walk.PASSWORD);

    ConsoleScreen missing = browser.open("/console/case.xhtml?id=987654321").step("missing");
    assertThat(missing.title()).isEqualTo("Page not found");

    ConsoleScreen malformed = browser.open("/console/case.xhtml?id=abc").step("malformed");
    assertThat(malformed.title()).isEqualTo("Page not found");
  }

  @Test
  void aSupervisorSeesTheCaseWithoutTheOfficersForms() {
    Walk walk = Walk.on(SharedTifli.get());
    long caseId =
        walk.openCase(Walk.fullCase(CASABLANCA[0], CASABLANCA[1])).getJsonNumber("id").longValue();
    browser.signIn("supervisor", Walk.PASSWORD);

    ConsoleScreen page = browser.open("/console/case.xhtml?id=" + caseId).step("supervisor");

    assertThat(page.text("childNameAr")).isEqualTo("سلمى بناني");
    assertThat(page.text("guardians")).contains("Khadija Bennani", "+212 600 000 000");
    assertThat(page.text("province")).contains("MA-CAS");
    assertThat(page.text("region")).contains("MA-06");
    assertThat(browser.findAll(By.id("request"))).as("only an officer requests").isEmpty();
    assertThat(browser.findAll(By.id("photos:photoUpload"))).isEmpty();
  }

  @Test
  void aSightingFromThePublicIsTriagedFromTheSightingsPage() {
    Walk walk = Walk.on(SharedTifli.get());
    long caseId =
        walk.openCase(Walk.fullCase(CASABLANCA[0], CASABLANCA[1])).getJsonNumber("id").longValue();
    long alertId = walk.requestAlert(caseId, false).getJsonNumber("id").longValue();
    walk.approve(alertId);
    String seen = unique("a boy in a green cap near the tram stop");
    PublicReporter.Reply reply =
        PublicReporter.fresh(browser.appUrl())
            .post(
                "/alerts/" + alertId + "/sightings",
                Json.createObjectBuilder()
                    .add("seenAt", Instant.now().minus(5, ChronoUnit.MINUTES).toString())
                    .add("latitude", CASABLANCA[0])
                    .add("longitude", CASABLANCA[1])
                    .add("description", seen)
                    .add("contact", "+212 622 334 455"));
    assertThat(reply.status()).as(reply.body()).isEqualTo(202);
    long sightingId =
        Json.createReader(new java.io.StringReader(reply.body()))
            .readObject()
            .getJsonNumber("id")
            .longValue();

    ConsoleScreen all = browser.signIn("officer", Walk.PASSWORD).openFromMenu("SIGHTINGS");
    assertThat(all.title()).isEqualTo("Sightings");
    // Other tests leave many sightings waiting: this one is found among its case's.
    ConsoleScreen sightings = browser.open("/console/sightings.xhtml?case=" + caseId);
    sightings.step("sightings");
    WebElement row = row(sightingId);
    assertThat(row.getText()).contains(seen, "+212 622 334 455");
    String noteId = row.findElement(By.cssSelector("input[id$=':note']")).getDomAttribute("id");
    String relevantId =
        row.findElement(By.cssSelector("button[id$=':relevant']")).getDomAttribute("id");
    sightings.type(noteId, "called back: same cap");
    ConsoleScreen triaged = sightings.click(relevantId).step("triaged");

    assertThat(triaged.messages()).contains("Sighting " + sightingId + ": Relevant.");
    assertThat(browser.findAll(By.cssSelector("[data-sighting='" + sightingId + "']")))
        .as("no longer waiting")
        .isEmpty();
    TifliClient api = SharedTifli.get().client();
    JsonObject stored =
        api.get("/sightings/" + sightingId, api.token("officer", Walk.PASSWORD)).json();
    assertThat(stored.getString("status")).isEqualTo("RELEVANT");
    assertThat(stored.getString("triageNote")).isEqualTo("called back: same cap");

    ConsoleScreen casePage = browser.open("/console/case.xhtml?id=" + caseId).step("case");
    assertThat(casePage.text("caseSightings")).contains(seen, "called back: same cap");
    assertThat(
            browser
                .find(By.cssSelector("[data-sighting='" + sightingId + "']"))
                .getDomAttribute("data-status"))
        .isEqualTo("RELEVANT");
  }

  @Test
  void everyInputOfTheWizardHasALabelAndTheStepsWorkWithTheKeyboard() {
    ConsoleScreen console = browser.signIn("officer", Walk.PASSWORD);
    CaseWizardScreen wizard = CaseWizardScreen.open(browser, console);
    // Every step has rows to show: a likely place too.
    wizard.step(CaseWizardScreen.LOCATE);
    browser.find(By.id(CaseWizardScreen.STEPS + "addPlace")).click();
    browser.until(d -> !d.findElements(By.cssSelector("[data-place]")).isEmpty());
    browser.settled();

    List<String> unlabelled =
        browser
            .findAll(
                By.cssSelector(
                    "#intake input:not([type='hidden']), #intake textarea, #intake select"))
            .stream()
            .filter(input -> !labelled(input))
            .map(input -> input.getDomAttribute("id") + " " + input.getDomAttribute("type"))
            .toList();
    assertThat(unlabelled).isEmpty();

    wizard.step(CaseWizardScreen.CHILD);
    WebElement given = browser.find(By.id(CaseWizardScreen.STEPS + "child_givenName"));
    given.click();
    given.sendKeys("Nour", Keys.TAB);
    WebElement family = browser.driver().switchTo().activeElement();
    assertThat(family.getDomAttribute("id")).isEqualTo(CaseWizardScreen.STEPS + "child_familyName");
    family.sendKeys("Idrissi", Keys.ENTER);
    browser.until(d -> wizard.stepShown() == CaseWizardScreen.LAST_SEEN);
    browser.find(By.id(CaseWizardScreen.STEPS + "lastSeen_place")).sendKeys("Agdal", Keys.ENTER);
    browser.until(d -> wizard.stepShown() == CaseWizardScreen.CIRCUMSTANCES);
    browser.settled();
    browser.step("keyboard");

    assertThat(wizard.value("child_givenName")).isEqualTo("Nour");
    assertThat(wizard.value("child_familyName")).isEqualTo("Idrissi");
    assertThat(browser.findAll(By.cssSelector("[data-place]")))
        .as("Enter moves to the next step and presses no other button")
        .hasSize(1);
  }

  private static boolean labelled(WebElement input) {
    String id = input.getDomAttribute("id");
    if (input.getDomAttribute("aria-label") != null
        || input.getDomAttribute("aria-labelledby") != null
        || "true".equals(input.getDomAttribute("aria-hidden"))) {
      return true;
    }
    if (id == null) {
      return !input.findElements(By.xpath("ancestor::label")).isEmpty();
    }
    return !browser.findAll(By.cssSelector("label[for='" + id + "']")).isEmpty()
        || !input.findElements(By.xpath("ancestor::label")).isEmpty();
  }

  private static WebElement row(long sightingId) {
    return browser
        .find(By.cssSelector("[data-sighting='" + sightingId + "']"))
        .findElement(By.xpath("ancestor::tr"));
  }

  /** How many cases have a child of this given name, over the API. */
  private static long casesNamed(String givenName) {
    TifliClient api = SharedTifli.get().client();
    Answer cases = api.get("/cases?size=100", api.token("officer", Walk.PASSWORD));
    return cases.json().getJsonArray("items").stream()
        .map(item -> item.asJsonObject().getJsonObject("child").getString("givenName"))
        .filter(givenName::equals)
        .count();
  }

  private static String unique(String text) {
    return text + " " + UUID.randomUUID().toString().substring(0, 6);
  }
}
