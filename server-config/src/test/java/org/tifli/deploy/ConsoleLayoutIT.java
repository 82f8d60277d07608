package org.tifli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * The console's layout in a real browser, against the shared server: signing in and out, the menu
 * of each role, the pages a role may not open, the language switch (Arabic right to left), the
 * error pages, and a page sent after it expired coming back with what was typed.
 */
class ConsoleLayoutIT {

  @RegisterExtension static final Browser browser = new Browser();

  @Test
  void aWrongPasswordIsRefusedWithAMessageAndTheUsernameKept() {
    ConsoleScreen login = browser.open("/login.xhtml").step("login");

    ConsoleScreen refused = login.signIn("officer", "not-the-password").step("refused");

    assertThat(refused.path()).isEqualTo("/login.xhtml");
    assertThat(refused.messages()).contains("The username or the password is wrong.");
    assertThat(browser.find(By.id("login:username")).getDomProperty("value")).isEqualTo("officer");
    assertThat(refused.has(By.id("menu"))).isFalse();
  }

  @Test
  void aServiceAccountCannotSignInToTheConsole() {
    String username = "console-" + UUID.randomUUID().toString().substring(0, 8);
    Walk walk = Walk.on(SharedTifli.get());
    String account =
        "{\"username\":\""
            + username
            + "\",\"password\":\"a long service secret\","
            + "\"roles\":[\"system\"]}";
    assertThat(walk.api.post("/accounts", walk.admin, account).status()).isEqualTo(201);

    ConsoleScreen refused =
        browser.open("/login.xhtml").signIn(username, "a long service secret").step("refused");

    assertThat(refused.path()).isEqualTo("/login.xhtml");
    assertThat(refused.messages()).contains("cannot use the console");
    assertThat(browser.open("/console/dashboard.xhtml").path()).isEqualTo("/login.xhtml");
  }

  @Test
  void anEmptyFormIsRefusedFieldByField() {
    ConsoleScreen login = browser.open("/login.xhtml");

    ConsoleScreen refused = login.clickAndLoad("login:signIn").step("empty");

    assertThat(refused.fieldMessage("login:username")).isEqualTo("Enter your username.");
    assertThat(refused.fieldMessage("login:password")).isEqualTo("Enter your password.");
  }

  @Test
  void eachRoleStartsOnItsOwnMenuAndSignsOut() {
    ConsoleScreen officer = browser.signIn("officer", Walk.PASSWORD).step("officer");
    assertThat(officer.path()).isEqualTo("/console/dashboard.xhtml");
    assertThat(officer.user()).isEqualTo("officer");
    assertThat(officer.menu()).containsExactly("DASHBOARD", "CASES", "NEW_CASE", "SIGHTINGS");
    ConsoleScreen signedOut = officer.signOut().step("signed-out");
    assertThat(signedOut.path()).isEqualTo("/login.xhtml");
    assertThat(browser.open("/console/dashboard.xhtml").path()).isEqualTo("/login.xhtml");

    ConsoleScreen supervisor = browser.signIn("supervisor", Walk.PASSWORD).step("supervisor");
    assertThat(supervisor.menu()).containsExactly("DASHBOARD", "APPROVALS", "CASES", "ALERTS");
    supervisor.signOut();

    ConsoleScreen admin = browser.signIn("admin", Walk.PASSWORD).step("admin");
    assertThat(admin.path()).isEqualTo("/console/admin/users.xhtml");
    assertThat(admin.menu())
        .containsExactly("USERS", "SERVICE_ACCOUNTS", "CHANNELS", "MESSAGE_TEMPLATES");
  }

  @Test
  void everyMenuEntryOpensItsPage() {
    ConsoleScreen console = browser.signIn("supervisor", Walk.PASSWORD);

    for (String page : console.menu()) {
      ConsoleScreen opened = console.openFromMenu(page);
      assertThat(opened.title()).as(page).isNotBlank();
      assertThat(
              browser
                  .find(By.cssSelector("#menu a[data-page='" + page + "']"))
                  .getDomAttribute("aria-current"))
          .as(page)
          .isEqualTo("page");
    }
  }

  @Test
  void anOfficerOpeningAnAdministrationPageGetsTheForbiddenPage() {
    browser.signIn("officer", Walk.PASSWORD);

    ConsoleScreen forbidden = browser.open("/console/admin/users.xhtml").step("forbidden");

    assertThat(forbidden.title()).isEqualTo("Not allowed");
    assertThat(forbidden.text("explanation")).contains("may not open this page");
    assertThat(forbidden.has(By.id("accounts"))).isFalse();
    ConsoleScreen back = forbidden.clickAndLoad("back");
    assertThat(back.path()).isEqualTo("/console/dashboard.xhtml");
  }

  @Test
  void anUnknownPageIsNotFound() {
    browser.signIn("officer", Walk.PASSWORD);

    ConsoleScreen missing = browser.open("/console/no-such-page.xhtml").step("not-found");

    assertThat(missing.title()).isEqualTo("Page not found");
    assertThat(missing.menu()).contains("DASHBOARD");
  }

  @Test
  void theLanguageSwitchTurnsThePageRightToLeftInArabicAndIsKeptForTheSession() {
    ConsoleScreen english = browser.signIn("officer", Walk.PASSWORD);
    assertThat(english.direction()).isEqualTo("ltr");
    assertThat(english.title()).isEqualTo("Dashboard");

    ConsoleScreen arabic = english.switchLanguage("ar").step("arabic");
    assertThat(arabic.direction()).isEqualTo("rtl");
    assertThat(arabic.language()).isEqualTo("ar");
    assertThat(arabic.title()).isEqualTo("لوحة القيادة");
    assertThat(browser.find(By.cssSelector("#menu a[data-page='CASES']")).getText())
        .isEqualTo("الملفات");

    ConsoleScreen cases = arabic.openFromMenu("CASES").step("arabic-cases");
    assertThat(cases.direction()).isEqualTo("rtl");
    assertThat(cases.title()).isEqualTo("الملفات");

    ConsoleScreen french = cases.switchLanguage("fr").step("french");
    assertThat(french.direction()).isEqualTo("ltr");
    assertThat(french.title()).isEqualTo("Dossiers");
    ConsoleScreen signedOut = french.signOut();
    assertThat(signedOut.title()).isEqualTo("Connexion");
  }

  @Test
  void theMenuAndTheFormsWorkWithTheKeyboard() {
    browser.open("/login.xhtml");
    browser.find(By.id("login:username")).sendKeys("officer", Keys.TAB);
    browser.driver().switchTo().activeElement().sendKeys(Walk.PASSWORD);

    ConsoleScreen dashboard =
        browser.loading(() -> browser.driver().switchTo().activeElement().sendKeys(Keys.ENTER));

    assertThat(dashboard.path()).isEqualTo("/console/dashboard.xhtml");
    browser.find(By.tagName("body")).sendKeys(Keys.TAB);
    assertThat(browser.driver().switchTo().activeElement().getDomAttribute("href"))
        .isEqualTo("#main");
  }

  @Test
  void aFormSentAfterItsPageExpiredComesBackWithWhatWasTyped() {
    ConsoleScreen login = browser.open("/login.xhtml");
    login.type("login:username", "supervisor").type("login:password", Walk.PASSWORD);
    // The server no longer knows this page's state, as after a redeployment.
    browser.script(
        "document.querySelector(\"input[name='jakarta.faces.ViewState']\").value = arguments[0];",
        "-1:-1");

    ConsoleScreen again = login.clickAndLoad("login:signIn").step("expired");

    assertThat(again.path()).isEqualTo("/login.xhtml");
    assertThat(again.messages()).contains("This page had expired: what you typed is kept.");
    assertThat(browser.find(By.id("login:username")).getDomProperty("value"))
        .isEqualTo("supervisor");
    ConsoleScreen signedIn =
        again.type("login:password", Walk.PASSWORD).clickAndLoad("login:signIn");
    assertThat(signedIn.path()).isEqualTo("/console/dashboard.xhtml");
  }
}
