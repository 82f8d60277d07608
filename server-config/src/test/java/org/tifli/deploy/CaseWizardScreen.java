package org.tifli.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The intake wizard ({@code /console/case-new.xhtml}) as an officer uses it, for any test that
 * needs a case recorded through the console: fill the steps, add photos, record. Inputs are found
 * by their ids, which follow the API's field names ({@code child.givenName} is {@code
 * intake:steps:child_givenName}), so tests read the same in every language.
 *
 * <pre>
 * CaseWizardScreen wizard = CaseWizardScreen.open(browser, console);
 * ConsoleScreen recorded = wizard.fill(Intake.sample("Amina")).addPhoto(jpeg).record();
 * long caseId = CaseWizardScreen.caseId(browser);
 * </pre>
 */
final class CaseWizardScreen {

  static final String STEPS = "intake:steps:";

  /** The steps, by their index in the tab view. */
  static final int CHILD = 0;

  static final int LAST_SEEN = 1;
  static final int CIRCUMSTANCES = 2;
  static final int LOCATE = 3;
  static final int GUARDIANS = 4;
  static final int PHOTOS = 5;

  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  /** What a test types into the wizard: the fields a case needs, and a few that help. */
  record Intake(
      String givenName,
      String familyName,
      String givenNameAr,
      String familyNameAr,
      String dateOfBirth,
      String lastSeenAt,
      double latitude,
      double longitude,
      String place,
      String guardianName,
      String guardianPhone) {

    /**
     * A girl born in 2017, last seen two hours ago in Casablanca; {@code givenName} makes the case
     * the test's own.
     */
    static Intake sample(String givenName) {
      String twoHoursAgo =
          MINUTE.format(LocalDateTime.now(ZoneId.of("Africa/Casablanca")).minusHours(2));
      return new Intake(
          givenName,
          "Alaoui",
          "أمينة",
          "العلوي",
          "2017-04-02",
          twoHoursAgo,
          33.5731,
          -7.5898,
          "Derb Ghallef, by the market",
          "Fatima Alaoui",
          "+212 611 223 344");
    }

    Intake withFamilyName(String name) {
      return new Intake(
          givenName,
          name,
          givenNameAr,
          familyNameAr,
          dateOfBirth,
          lastSeenAt,
          latitude,
          longitude,
          place,
          guardianName,
          guardianPhone);
    }

    Intake withLatitude(double newLatitude) {
      return new Intake(
          givenName,
          familyName,
          givenNameAr,
          familyNameAr,
          dateOfBirth,
          lastSeenAt,
          newLatitude,
          longitude,
          place,
          guardianName,
          guardianPhone);
    }

    Intake withLastSeenAt(String at) {
      return new Intake(
          givenName,
          familyName,
          givenNameAr,
          familyNameAr,
          dateOfBirth,
          at,
          latitude,
          longitude,
          place,
          guardianName,
          guardianPhone);
    }

    Intake withArabicNames(String given, String family) {
      return new Intake(
          givenName,
          familyName,
          given,
          family,
          dateOfBirth,
          lastSeenAt,
          latitude,
          longitude,
          place,
          guardianName,
          guardianPhone);
    }
  }

  private final Browser browser;

  private CaseWizardScreen(Browser browser) {
    this.browser = browser;
  }

  /** Opens the wizard from the menu of a signed-in officer. */
  static CaseWizardScreen open(Browser browser, ConsoleScreen console) {
    console.openFromMenu("NEW_CASE");
    return new CaseWizardScreen(browser);
  }

  /** The wizard already shown (after a refusal, say). */
  static CaseWizardScreen shown(Browser browser) {
    return new CaseWizardScreen(browser);
  }

  /** Shows a step by its tab, as a click would, and waits until its inputs can be used. */
  CaseWizardScreen step(int index) {
    WebElement panel =
        browser.find(
            By.cssSelector(
                "[id='intake:steps'] .ui-tabs-panels > .ui-tabs-panel:nth-child("
                    + (index + 1)
                    + ")"));
    if (stepShown() != index || !panel.isDisplayed()) {
      browser
          .find(
              By.cssSelector(
                  "[id='intake:steps'] ul[role='tablist'] > li:nth-child(" + (index + 1) + ") a"))
          .click();
    }
    browser.until(d -> stepShown() == index && panel.isDisplayed());
    browser.settled();
    return this;
  }

  /** The index of the step shown: its tab is the active one. */
  int stepShown() {
    List<WebElement> tabs =
        browser.findAll(By.cssSelector("[id='intake:steps'] ul[role='tablist'] > li"));
    for (int i = 0; i < tabs.size(); i++) {
      WebElement tab = tabs.get(i);
      String classes = String.valueOf(tab.getDomAttribute("class"));
      if (classes.contains("ui-state-active")
          || "true".equals(tab.getDomAttribute("aria-selected"))
          || !tab.findElements(By.cssSelector("[aria-selected='true']")).isEmpty()) {
        return i;
      }
    }
    throw new IllegalStateException(
        "no active step in "
            + browser.find(By.cssSelector("[id='intake:steps'] ul")).getDomProperty("outerHTML"));
  }

  /** Types the whole intake, step by step. */
  CaseWizardScreen fill(Intake intake) {
    step(CHILD);
    type("child_givenName", intake.givenName());
    type("child_familyName", intake.familyName());
    type("child_givenNameAr", intake.givenNameAr());
    type("child_familyNameAr", intake.familyNameAr());
    typeDate("child_dateOfBirth", intake.dateOfBirth());
    chooseFirstSex();
    type("child_heightCm", "121");
    type("child_clothing", "a red coat and white trainers");

    step(LAST_SEEN);
    typeDate("lastSeen_at", intake.lastSeenAt());
    type("lastSeen_place", intake.place());
    type("lastSeen_latitude", String.valueOf(intake.latitude()));
    type("lastSeen_longitude", String.valueOf(intake.longitude()));

    step(CIRCUMSTANCES);
    type("circumstances", "Went to buy bread and did not come back");

    step(GUARDIANS);
    type("guardians:0:name", intake.guardianName());
    type("guardians:0:relation", "mother");
    type("guardians:0:phone", intake.guardianPhone());
    return this;
  }

  /**
   * Replaces the text of an input of the wizard, by its id without {@code intake:steps:}, and waits
   * until the input holds it.
   */
  CaseWizardScreen type(String id, String text) {
    WebElement input = browser.find(By.id(STEPS + id));
    input.clear();
    input.sendKeys(text);
    browser.until(d -> text.equals(input.getDomProperty("value")));
    return this;
  }

  /**
   * Types into a date picker (its calendar opens from its button only, so typing is not disturbed)
   * and waits until the input holds the text and no calendar is open.
   */
  CaseWizardScreen typeDate(String id, String text) {
    WebElement input = browser.find(By.id(STEPS + id + "_input"));
    input.clear();
    input.sendKeys(text);
    browser.until(d -> text.equals(input.getDomProperty("value")));
    browser.until(
        d ->
            d.findElements(By.id(STEPS + id + "_panel")).stream()
                .noneMatch(WebElement::isDisplayed));
    return this;
  }

  /** The value an input of the wizard holds now. */
  String value(String id) {
    return browser.find(By.id(STEPS + id)).getDomProperty("value");
  }

  /** The validation message beside an input of the wizard. */
  String message(String id) {
    return new ConsoleScreen(browser).fieldMessage(STEPS + id);
  }

  /** Chooses the first sex of the list (a girl) and waits until the menu holds it. */
  private void chooseFirstSex() {
    WebElement chosen = browser.find(By.id(STEPS + "child_sex_input"));
    browser.until(
        d -> {
          if (!"FEMALE".equals(chosen.getDomProperty("value"))) {
            List<WebElement> items =
                d.findElements(By.cssSelector("[id='intake:steps:child_sex_items'] li"));
            if (items.size() > 1 && items.get(1).isDisplayed()) {
              items.get(1).click();
            } else {
              d.findElement(By.id(STEPS + "child_sex")).click();
            }
          }
          return "FEMALE".equals(chosen.getDomProperty("value"));
        });
    browser.until(
        d ->
            d.findElements(By.cssSelector("[id='intake:steps:child_sex_panel']")).stream()
                .noneMatch(WebElement::isDisplayed));
  }

  /** Adds a likely place, picking its coordinates on the wizard's map at the map's centre. */
  CaseWizardScreen addLikelyPlacePickedOnMap(String description) {
    step(LOCATE);
    int rows = browser.findAll(By.cssSelector("[data-place]")).size();
    browser.find(By.id(STEPS + "addPlace")).click();
    browser.until(d -> d.findElements(By.cssSelector("[data-place]")).size() == rows + 1);
    browser.settled();
    type("likelyPlaces:" + rows + ":description", description);
    browser.find(By.cssSelector("[data-place='" + rows + "'] button.tifli-pick")).click();
    WebElement map = browser.find(By.id("placesMap"));
    browser.until(d -> map.getSize().getHeight() > 0);
    map.click();
    browser.until(d -> !value("likelyPlaces:" + rows + ":latitude").isEmpty());
    return this;
  }

  /** Chooses a photo file and waits until the wizard shows its preview. */
  CaseWizardScreen addPhoto(byte[] image, String suffix) {
    step(PHOTOS);
    int before =
        browser.findAll(By.cssSelector("[id='intake:steps:photoList'] [data-photo]")).size();
    Path file;
    try {
      file = Files.createTempFile("tifli-photo-", suffix);
      Files.write(file, image);
      file.toFile().deleteOnExit();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    browser.find(By.id(STEPS + "photoUpload_input")).sendKeys(file.toString());
    browser.until(
        d ->
            d.findElements(By.cssSelector("[id='intake:steps:photoList'] [data-photo]")).size()
                > before);
    browser.settled();
    return this;
  }

  /** Records the case, which the wizard accepts: the case's page. */
  ConsoleScreen record() {
    return new ConsoleScreen(browser).clickAndLoad("intake:record");
  }

  /** Records the case, which the wizard refuses: the wizard again, with its messages. */
  CaseWizardScreen recordRefused() {
    new ConsoleScreen(browser).click("intake:record");
    return this;
  }

  /** The id of the case whose page is shown. */
  static long caseId(Browser browser) {
    return Long.parseLong(browser.find(By.cssSelector(".tifli-case")).getDomAttribute("data-case"));
  }
}
