package org.tifli.deploy;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A case's page ({@code /console/case.xhtml?id=N}) as the police use it, for tests that go on from
 * a case recorded through the wizard: its id and reference, the request for an alert, the revision
 * of the intake (the wizard in its revising mode), the resolution, and the photos' full addresses.
 *
 * <pre>
 * CaseScreen page = CaseScreen.shown(browser);
 * long alertId = page.requestAlert(true, true, true, true, null);
 * </pre>
 */
final class CaseScreen {

  private static final String[] CRITERIA = {
    "minor", "danger", "descriptionSufficient", "guardianConsent"
  };

  /** The outcomes in the order the resolution's menu lists them, after "Choose". */
  private static final List<String> OUTCOMES =
      List.of("FOUND_SAFE", "FOUND_HARMED", "FOUND_DECEASED", "RETURNED_HOME", "UNFOUNDED");

  private final Browser browser;

  private CaseScreen(Browser browser) {
    this.browser = browser;
  }

  /** Opens the page of a case, for whoever is signed in. */
  static CaseScreen open(Browser browser, long caseId) {
    browser.open("/console/case.xhtml?id=" + caseId);
    return new CaseScreen(browser);
  }

  /** The case page shown now. */
  static CaseScreen shown(Browser browser) {
    return new CaseScreen(browser);
  }

  long caseId() {
    return Long.parseLong(browser.find(By.cssSelector(".tifli-case")).getDomAttribute("data-case"));
  }

  String reference() {
    return new ConsoleScreen(browser).text("reference");
  }

  /**
   * Ticks the criteria met (minor, danger, description sufficient, guardians' consent), writes the
   * justification if any, sends the request and returns the id of the alert it made, the newest of
   * the case's alerts.
   */
  long requestAlert(boolean... met) {
    return requestAlert(null, met);
  }

  /** As {@link #requestAlert(boolean...)}, with a justification. */
  long requestAlert(String justification, boolean... met) {
    int before = browser.findAll(By.cssSelector("#alerts a[data-alert]")).size();
    for (int i = 0; i < CRITERIA.length; i++) {
      WebElement box =
          browser.find(By.cssSelector("[id='request:" + CRITERIA[i] + "'] .ui-chkbox-box"));
      boolean ticked = box.getDomAttribute("class").contains("ui-state-active");
      if (i < met.length && met[i] != ticked) {
        box.click();
      }
    }
    ConsoleScreen page = new ConsoleScreen(browser);
    if (justification != null) {
      page.type("request:justification", justification);
    }
    page.click("request:submit");
    browser.until(d -> d.findElements(By.cssSelector("#alerts a[data-alert]")).size() > before);
    var links = browser.findAll(By.cssSelector("#alerts a[data-alert]"));
    return Long.parseLong(links.get(links.size() - 1).getDomAttribute("data-alert"));
  }

  /** Follows the link that revises the intake: the wizard, holding the case as stored. */
  CaseWizardScreen revise() {
    new ConsoleScreen(browser).clickAndLoad("revise");
    return CaseWizardScreen.shown(browser);
  }

  /**
   * Chooses the outcome (as in the API, such as {@code FOUND_SAFE}) and writes the note, sends the
   * resolution, confirms it in the dialog and waits for the page of the resolved case.
   */
  ConsoleScreen resolve(String outcome, String note) {
    WebElement chosen = browser.find(By.id("resolve:outcome_input"));
    browser.until(
        d -> {
          if (!outcome.equals(chosen.getDomProperty("value"))) {
            var items = d.findElements(By.cssSelector("[id='resolve:outcome_items'] li"));
            int index = OUTCOMES.indexOf(outcome) + 1;
            if (items.size() > index && items.get(index).isDisplayed()) {
              items.get(index).click();
            } else {
              d.findElement(By.id("resolve:outcome")).click();
            }
          }
          return outcome.equals(chosen.getDomProperty("value"));
        });
    return browser.loading(() -> sendResolution(note));
  }

  /** Sends the resolution with no outcome chosen, confirmed: the page again, with its messages. */
  ConsoleScreen resolveRefused(String note) {
    sendResolution(note);
    return browser.settled();
  }

  private void sendResolution(String note) {
    new ConsoleScreen(browser).type("resolve:note", note);
    browser.find(By.id("resolve:submit")).click();
    WebElement yes = browser.find(By.id("resolve:confirmYes"));
    browser.until(d -> yes.isDisplayed());
    yes.click();
  }

  /** The address of each photo in full, as the page links its previews, in the page's order. */
  List<String> fullPhotoAddresses() {
    return browser.findAll(By.cssSelector("[data-photo] a.tifli-full-photo")).stream()
        .map(a -> a.getDomAttribute("href"))
        .toList();
  }
}
