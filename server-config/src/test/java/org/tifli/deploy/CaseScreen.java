package org.tifli.deploy;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A case's page ({@code /console/case.xhtml?id=N}) as an officer uses it, for tests that go on from
 * a case recorded through the wizard: its id and reference, and the request for an alert.
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

  private final Browser browser;

  private CaseScreen(Browser browser) {
    this.browser = browser;
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
}
