package org.tifli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.tifli.testing.TifliClient;
import org.tifli.testing.TifliClient.Answer;

/**
 * Users and service accounts administered in the console, in a real browser, against the shared
 * server: an administrator creates a service account, which then gets a token over the API and
 * works with it, and disables it, which stops its tokens; a password too short is refused beside
 * its field; people and service accounts are listed on their own pages.
 */
class ConsoleAccountsIT {

  private static final String PASSWORD = "a long service secret";

  @RegisterExtension static final Browser browser = new Browser();

  @Test
  void aServiceAccountCreatedInTheConsoleGetsATokenUntilItIsDisabled() {
    String username = "records-" + UUID.randomUUID().toString().substring(0, 8);
    ConsoleScreen accounts =
        browser.signIn("admin", Walk.PASSWORD).openFromMenu("SERVICE_ACCOUNTS").step("accounts");

    ConsoleScreen created =
        accounts
            .type("create:username", username)
            .type("create:password", PASSWORD)
            .click("create:submit")
            .step("created");

    assertThat(created.messages()).contains("The account " + username + " has been created.");
    assertThat(row(username).getText()).contains("Police system", "Enabled");
    assertThat(browser.find(By.id("create:username")).getDomProperty("value")).isEmpty();
    TifliClient api = SharedTifli.get().client();
    String token = api.token(username, PASSWORD);
    assertThat(api.get("/cases?size=1", token).status()).isEqualTo(200);

    row(username).findElement(By.cssSelector("button[id$=':disable']")).click();
    browser.find(By.id("accounts:confirmYes")).click();
    ConsoleScreen disabled = browser.settled().step("disabled");

    assertThat(disabled.messages()).contains("The account " + username + " is disabled.");
    assertThat(row(username).getText()).contains("Disabled");
    assertThat(api.get("/cases?size=1", token).status()).isEqualTo(401);
    Answer refused =
        api.post(
            "/tokens",
            null,
            "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}");
    assertThat(refused.status()).isEqualTo(401);
  }

  @Test
  void aPasswordTooShortIsRefusedBesideItsFieldAndNothingIsCreated() {
    String username = "short-" + UUID.randomUUID().toString().substring(0, 8);
    ConsoleScreen users = browser.signIn("admin", Walk.PASSWORD);

    ConsoleScreen refused =
        users
            .type("create:username", username)
            .type("create:password", "too short")
            .click("create:submit")
            .step("refused");

    assertThat(refused.fieldMessage("create:password")).startsWith("At least 12 characters");
    assertThat(refused.fieldMessage("create:roles")).isEmpty();
    assertThat(browser.findAll(By.cssSelector("[data-account='" + username + "']"))).isEmpty();
  }

  @Test
  void aUserNeedsARoleAndGetsTheOnesChecked() {
    String username = "officer-" + UUID.randomUUID().toString().substring(0, 8);
    ConsoleScreen users = browser.signIn("admin", Walk.PASSWORD);
    assertThat(row("officer").getText()).contains("Officer", "Enabled");
    assertThat(row("admin").findElements(By.cssSelector("button[id$=':disable']")))
        .as("no one may disable their own account")
        .isEmpty();

    users.type("create:username", username).type("create:password", PASSWORD);
    ConsoleScreen noRole = users.click("create:submit").step("no-role");
    assertThat(noRole.fieldMessage("create:roles")).isEqualTo("Choose at least one role.");

    browser.find(By.cssSelector("label[for='create:roles:1']")).click();
    noRole.type("create:password", PASSWORD);
    ConsoleScreen created = noRole.click("create:submit").step("created");

    assertThat(created.messages()).contains("The account " + username + " has been created.");
    assertThat(row(username).getText()).contains("Supervisor").doesNotContain("Officer");
    assertThat(SharedTifli.get().client().token(username, PASSWORD)).isNotBlank();
  }

  /** The row of the accounts' table that lists the account. */
  private static WebElement row(String username) {
    return browser
        .find(By.cssSelector("[data-account='" + username + "']"))
        .findElement(By.xpath("ancestor::tr"));
  }
}
