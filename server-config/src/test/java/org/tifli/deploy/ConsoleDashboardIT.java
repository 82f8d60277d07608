package org.tifli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The dashboard in a real browser, against the shared server: an alert approved over the API shows
 * among the active alerts with its stage, the time since approval and its deliveries, and on the
 * map with the provinces it reaches, drawn from the application's own area shapes since the test
 * server has no tile server.
 */
class ConsoleDashboardIT {

  private static final double[] CASABLANCA = {33.5883, -7.6114};

  @RegisterExtension static final Browser browser = new Browser();

  @Test
  void anAlertApprovedOverTheApiShowsWithItsStageDeliveriesAndAreasOnTheMap() throws Exception {
    Walk walk = Walk.on(SharedTifli.get());
    String page = walk.facebookPage("MA-CAS", false);
    long caseId =
        walk.openCase(Walk.fullCase(CASABLANCA[0], CASABLANCA[1])).getJsonNumber("id").longValue();
    long alertId = walk.requestAlert(caseId, false).getJsonNumber("id").longValue();
    String reference = walk.approve(alertId).getString("caseReference");
    walk.awaitPostsTo(page, posts -> !posts.isEmpty());
    PublicReporter.fresh(browser.appUrl())
        .post(
            "/alerts/" + alertId + "/sightings",
            Json.createObjectBuilder()
                .add("seenAt", Instant.now().minus(10, ChronoUnit.MINUTES).toString())
                .add("latitude", CASABLANCA[0])
                .add("longitude", CASABLANCA[1])
                .add("description", "a girl in a blue smock near the market"));

    ConsoleScreen dashboard = browser.signIn("officer", Walk.PASSWORD);
    WebElement map = browser.find(By.id("alertMap"));
    browser.until(d -> map.getDomAttribute("data-areas-drawn"));
    dashboard.step("dashboard");

    WebElement link =
        browser.find(By.cssSelector("#dashboard\\:alerts a[data-alert='" + alertId + "']"));
    assertThat(link.getText()).isEqualTo(reference);
    WebElement row = link.findElement(By.xpath("ancestor::tr"));
    // Other tests' channels serve Casablanca too: this alert's own page counts among the sent.
    assertThat(row.getText())
        .contains("Casablanca", "1 of 4: 20 km around", "0 h ")
        .containsPattern("[1-9][0-9]* sent · [0-9]+ queued · [0-9]+ failed");
    assertThat(Long.parseLong(dashboard.text("dashboard:sent"))).isGreaterThanOrEqualTo(1);
    assertThat(Long.parseLong(dashboard.text("dashboard:awaitingTriage")))
        .isGreaterThanOrEqualTo(1);
    assertThat(browser.findAll(By.cssSelector("#alertMap path.tifli-area.tifli-alert-" + alertId)))
        .as("the provinces the alert reaches, drawn on the map")
        .isNotEmpty();
    assertThat(browser.findAll(By.cssSelector("#alertMap path.tifli-seen.tifli-alert-" + alertId)))
        .as("where the child was last seen")
        .hasSize(1);
  }

  @Test
  void theDashboardSpeaksArabicRightToLeft() {
    ConsoleScreen dashboard = browser.signIn("supervisor", Walk.PASSWORD).switchLanguage("ar");

    dashboard.step("arabic");

    assertThat(dashboard.direction()).isEqualTo("rtl");
    assertThat(browser.find(By.id("alertsTitle")).getText()).isEqualTo("التنبيهات النشطة");
  }
}
