package org.tifli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Every field of every console page has a name that assistive technology reads out, as the browser
 * computes it (a label, {@code aria-label} or {@code aria-labelledby}), in each role's pages: the
 * pages of its menu and the pages reached from them (a case, an alert, a request waiting for
 * approval). A field that the keyboard cannot reach ({@code tabindex="-1"}), is disabled or is
 * hidden from assistive technology is left out: nobody can land on it. So is a field not shown at
 * the moment (inside a closed pop-up or a step of the intake wizard not open), which has no name
 * until it shows; ConsoleCaseIntakeIT checks each of the wizard's steps.
 */
class ConsoleAccessibilityIT {

  private static final double[] MARRAKECH = {31.6295, -7.9811};

  private static final String FIELDS =
      "input:not([type='hidden']):not([type='submit']):not([type='button'])"
          + ":not([type='reset']):not([type='image']), select, textarea";

  @RegisterExtension static final Browser browser = new Browser();

  @Test
  void everyFieldAnOfficerMeetsHasAName() {
    Walk walk = Walk.on(SharedTifli.get());
    long caseId = openCase(walk);
    long alertId = walk.requestAlert(caseId, false).getJsonNumber("id").longValue();

    List<String> unnamed =
        unnamedFields(
            "officer", "/console/case.xhtml?id=" + caseId, "/console/alert.xhtml?id=" + alertId);

    assertThat(unnamed).isEmpty();
  }

  @Test
  void everyFieldASupervisorMeetsHasAName() {
    Walk walk = Walk.on(SharedTifli.get());
    long caseId = openCase(walk);
    long pending = walk.requestAlert(caseId, false).getJsonNumber("id").longValue();
    long other = openCase(walk);
    long active = walk.requestAlert(other, false).getJsonNumber("id").longValue();
    walk.approve(active);

    List<String> unnamed =
        unnamedFields(
            "supervisor",
            "/console/approvals.xhtml?alert=" + pending,
            "/console/alert.xhtml?id=" + active,
            "/console/case.xhtml?id=" + caseId);

    assertThat(unnamed).isEmpty();
  }

  @Test
  void everyFieldAnAdministratorMeetsHasAName() {
    assertThat(unnamedFields("admin")).isEmpty();
  }

  @Test
  void theLoginPageNamesItsFields() {
    browser.open("/login.xhtml");

    assertThat(unnamedOnThisPage("/login.xhtml")).isEmpty();
  }

  private static long openCase(Walk walk) {
    return walk.openCase(Walk.fullCase(MARRAKECH[0], MARRAKECH[1])).getJsonNumber("id").longValue();
  }

  /**
   * Signs in, opens every page of the menu and then the other pages given, and returns the fields
   * without a name, each as "page: field".
   */
  private static List<String> unnamedFields(String username, String... reachedPages) {
    ConsoleScreen screen = browser.signIn(username, Walk.PASSWORD);
    List<String> unnamed = new ArrayList<>();
    List<String> menu = screen.menu();
    assertThat(menu).as("the menu of " + username).isNotEmpty();
    for (String page : menu) {
      ConsoleScreen opened = screen.openFromMenu(page).step(username + "-" + page);
      unnamed.addAll(unnamedOnThisPage(opened.path()));
      screen = opened;
    }
    for (String path : reachedPages) {
      browser.open(path).step(username + "-" + path.replaceAll("[^a-z0-9]+", "-"));
      unnamed.addAll(unnamedOnThisPage(path));
    }
    return unnamed;
  }

  private static List<String> unnamedOnThisPage(String page) {
    List<String> unnamed = new ArrayList<>();
    for (WebElement field : browser.findAll(By.cssSelector(FIELDS))) {
      if (reachable(field) && field.getAccessibleName().isBlank()) {
        unnamed.add(page + ": " + describe(field));
      }
    }
    return unnamed;
  }

  /** Whether someone using the keyboard or a screen reader can land on the field. */
  private static boolean reachable(WebElement field) {
    return Boolean.TRUE.equals(
        browser.script(
            "const f = arguments[0];"
                + " return !f.disabled && f.getAttribute('tabindex') !== '-1'"
                + " && f.closest('[aria-hidden=\"true\"]') === null"
                + " && f.getClientRects().length > 0;",
            field));
  }

  private static String describe(WebElement field) {
    return field.getTagName()
        + "[type="
        + field.getDomAttribute("type")
        + ", id="
        + field.getDomAttribute("id")
        + ", name="
        + field.getDomAttribute("name")
        + "]";
  }
}
