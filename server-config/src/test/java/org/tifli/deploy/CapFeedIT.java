package org.tifli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tifli.testing.CapValidation;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The CAP 1.2 side of alerts, for aggregators, against the shared server: every message Tifli
 * serves is valid against the OASIS schema; approval issues an Alert, widening an Update that
 * refers to what it replaces, resolution a Cancel that names nobody; exercises say so; the Atom
 * feed lists current alerts; and no guardian's contact appears anywhere.
 */
class CapFeedIT {

  private static final String CAP = "urn:oasis:names:tc:emergency:cap:1.2";
  private static final String ATOM = "http://www.w3.org/2005/Atom";
  private static final double[] CASABLANCA = {33.5883, -7.6114};

  private static Walk walk;
  private static String appUrl;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void signIn() {
    walk = Walk.on(SharedTifli.get());
    appUrl = SharedTifli.get().appUrl();
  }

  @Test
  void anApprovedAlertIsAValidCapAlertInThreeLanguagesWithItsAreas() throws Exception {
    long alertId = approvedAlert(false);

    Document cap = capOf(alertId);

    assertThat(text(cap, "msgType")).isEqualTo("Alert");
    assertThat(text(cap, "status")).isEqualTo("Actual");
    assertThat(text(cap, "identifier")).isEqualTo("tifli-alert-" + alertId + "-1");
    assertThat(values(cap, "language")).containsExactly("ar", "fr", "en");
    assertThat(values(cap, "headline")).anyMatch(h -> h.contains("Salma Bennani"));
    assertThat(values(cap, "headline")).anyMatch(h -> h.contains("سلمى"));
    assertThat(values(cap, "value")).contains("MA-CAS", "MA-MOH");
    assertThat(cap.getElementsByTagNameNS(CAP, "circle").getLength()).isEqualTo(3);
    assertThat(values(cap, "web")).allMatch(w -> w.endsWith("/alerts/" + alertId));
  }

  @Test
  void wideningIssuesAnUpdateReferringToTheAlertWithWholeRegionsNamedAsSuch() throws Exception {
    long alertId = approvedAlert(false);

    walk.api.post("/alerts/" + alertId + "/widening", walk.supervisor, "{}");
    Document cap = capOf(alertId);

    assertThat(text(cap, "msgType")).isEqualTo("Update");
    assertThat(text(cap, "references")).contains(",tifli-alert-" + alertId + "-1,");
    // 160 km from Casablanca reach every province of Casablanca-Settat, named as the region.
    assertThat(values(cap, "value")).contains("MA-06", "MA-BEM").doesNotContain("MA-CAS");
  }

  @Test
  void resolutionIssuesACancellationThatNamesNobody() throws Exception {
    long alertId = approvedAlert(false);
    long caseId = walk.api.get("/alerts/" + alertId, walk.supervisor).json().getInt("caseId");

    walk.api.post(
        "/cases/" + caseId + "/resolution", walk.supervisor, "{\"outcome\":\"FOUND_SAFE\"}");
    String xml = capText(alertId);
    Document cap = CapValidation.validate(xml);

    assertThat(text(cap, "msgType")).isEqualTo("Cancel");
    assertThat(text(cap, "references")).contains("tifli-alert-" + alertId + "-1");
    assertThat(xml).doesNotContain("Salma", "Bennani", "سلمى", "scar", "smock");
    assertThat(values(cap, "headline")).anyMatch(h -> h.contains("found"));
  }

  @Test
  void anExerciseHasTheStatusExercise() throws Exception {
    long alertId = approvedAlert(true);

    assertThat(text(capOf(alertId), "status")).isEqualTo("Exercise");
  }

  @Test
  void aRequestNotYetApprovedHasNoCapMessage() throws Exception {
    long caseId = walk.openCase(Walk.fullCase(CASABLANCA[0], CASABLANCA[1])).getInt("id");
    long alertId = walk.requestAlert(caseId, false).getInt("id");

    HttpResponse<String> answer = get("/api/v1/alerts/" + alertId + "/cap");

    assertThat(answer.statusCode()).isEqualTo(404);
    assertThat(answer.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
  }

  @Test
  void theAtomFeedListsCurrentAlertsWithLinksToValidCapMessages() throws Exception {
    long alertId = approvedAlert(false);

    HttpResponse<String> answer = get("/cap/alerts.atom");

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/atom+xml");
    Document feed = CapValidation.parse(answer.body());
    List<String> links = new ArrayList<>();
    NodeList found = feed.getElementsByTagNameNS(ATOM, "link");
    for (int i = 0; i < found.getLength(); i++) {
      Element link = (Element) found.item(i);
      if (link.getAttribute("rel").equals("alternate")) {
        links.add(link.getAttribute("href"));
      }
    }
    String mine = "/api/v1/alerts/" + alertId + "/cap";
    assertThat(links).anyMatch(l -> l.endsWith(mine));
    for (String link : links) {
      HttpResponse<String> message =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(link)).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(message.statusCode()).as(link).isEqualTo(200);
      assertThat(message.body()).doesNotContain("600 000 000");
      CapValidation.validate(message.body());
    }
    assertThat(answer.body()).doesNotContain("Salma", "600 000 000");
  }

  private static long approvedAlert(boolean exercise) {
    long caseId = walk.openCase(Walk.fullCase(CASABLANCA[0], CASABLANCA[1])).getInt("id");
    long alertId = walk.requestAlert(caseId, exercise).getInt("id");
    JsonObject approved = walk.approve(alertId);
    assertThat(approved.getString("status")).isEqualTo("ACTIVE");
    return alertId;
  }

  /** The alert's CAP message, checked against the schema and for the guardian's phone number. */
  private static Document capOf(long alertId) throws Exception {
    String xml = capText(alertId);
    assertThat(xml).doesNotContain("600 000 000", "Khadija", "asthma");
    return CapValidation.validate(xml);
  }

  private static String capText(long alertId) throws Exception {
    HttpResponse<String> answer = get("/api/v1/alerts/" + alertId + "/cap");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/cap+xml");
    return answer.body();
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(appUrl + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String text(Document xml, String element) {
    return xml.getElementsByTagNameNS(CAP, element).item(0).getTextContent();
  }

  private static List<String> values(Document xml, String element) {
    NodeList found = xml.getElementsByTagNameNS(CAP, element);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < found.getLength(); i++) {
      texts.add(found.item(i).getTextContent());
    }
    return texts;
  }
}
