package org.tifli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The public page of an alert, as a member of the public gets it, against the shared server: while
 * the alert is active it shows the child, the publication photo, the map and the sighting form, and
 * nothing private of the case; once the case is resolved it says the child was found and shows
 * nothing personal, and the photo is gone.
 */
class PublicPageIT {

  private static final double[] CASABLANCA = {33.5883, -7.6114};
  private static final String[] PRIVATE = {
    "600 000 000", "Khadija", "asthma", "caretaker", "argued", "Imane", "Maârif"
  };

  private static Walk walk;
  private static String appUrl;

  @BeforeAll
  static void signIn() {
    walk = Walk.on(SharedTifli.get());
    appUrl = SharedTifli.get().appUrl();
  }

  @Test
  void anActiveAlertShowsTheChildThePhotoAndTheMapAndNothingPrivate() throws Exception {
    Published alert = publishedWithPhoto();

    HttpResponse<String> page = get(http(), "/alerts/" + alert.alertId());

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Salma Bennani", "blue school smock", "128 cm");
    assertThat(page.body()).contains("/alerts/" + alert.alertId() + "/photo");
    assertThat(page.body()).contains("data-map=", "leaflet.js");
    assertThat(page.body()).doesNotContain(PRIVATE);
    HttpResponse<byte[]> photo =
        http()
            .send(
                request("/alerts/" + alert.alertId() + "/photo").build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(photo.statusCode()).isEqualTo(200);
    assertThat(photo.headers().firstValue("Content-Type")).contains("image/jpeg");
    assertThat(photo.body()).isEqualTo(alert.photo());
  }

  @Test
  void linkPreviewsShowTheChildAndThePhotoWhileActiveAndNothingPersonalOnceEnded()
      throws Exception {
    Published alert = publishedWithPhoto();
    String path = "/alerts/" + alert.alertId();

    Map<String, String> active = previewTags(get(http(), path + "?lang=en").body());

    assertThat(active.get("og:title")).isEqualTo("Missing child: Salma Bennani");
    assertThat(active.get("og:description"))
        .contains("years old", "school gate, Boulevard Zerktouni", "19");
    assertThat(active.get("og:url")).endsWith(path);
    assertThat(active.get("og:image")).endsWith(path + "/photo");
    assertThat(active.get("twitter:image")).isEqualTo(active.get("og:image"));
    assertThat(active.get("twitter:card")).isEqualTo("summary_large_image");
    assertThat(active.get("twitter:title")).isEqualTo(active.get("og:title"));
    assertThat(String.join(" ", active.values())).doesNotContain(PRIVATE);
    assertThat(previewTags(get(http(), path + "?lang=ar").body()).get("og:title"))
        .isEqualTo("طفل مختفٍ: سلمى بناني");

    walk.api.post(
        "/cases/" + alert.caseId() + "/resolution",
        walk.supervisor,
        "{\"outcome\":\"FOUND_SAFE\"}");
    Map<String, String> ended = previewTags(get(http(), path + "?lang=en").body());

    assertThat(ended).doesNotContainKeys("og:image", "twitter:image", "og:image:alt");
    assertThat(ended.get("og:title")).isEqualTo("The child has been found");
    assertThat(ended.get("twitter:card")).isEqualTo("summary");
    assertThat(String.join(" ", ended.values()))
        .doesNotContain("Salma", "Bennani", "school gate")
        .doesNotContain(PRIVATE);
  }

  @Test
  void theArabicPageIsRightToLeftWithTheArabicName() throws Exception {
    Published alert = publishedWithPhoto();

    HttpResponse<String> page = get(http(), "/alerts/" + alert.alertId() + "?lang=ar");

    assertThat(page.body()).contains("dir=\"rtl\"", "lang=\"ar\"", "سلمى بناني");
  }

  @Test
  void theMapLibraryIsServedByTifliItself() throws Exception {
    HttpResponse<String> page = get(http(), "/alerts/" + publishedWithPhoto().alertId());
    Matcher script = Pattern.compile("src=\"([^\"]*leaflet\\.js[^\"]*)\"").matcher(page.body());
    assertThat(script.find()).isTrue();

    HttpResponse<String> leaflet =
        http()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            appUrl.replace("/tifli", "") + script.group(1).replace("&amp;", "&")))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(leaflet.statusCode()).isEqualTo(200);
    assertThat(leaflet.body()).contains("Leaflet");
  }

  @Test
  void aSightingSentWithTheFormReachesThePolice() throws Exception {
    Published alert = publishedWithPhoto();
    HttpClient browser = http();
    HttpResponse<String> page = get(browser, "/alerts/" + alert.alertId());

    HttpResponse<String> answer =
        submit(
            browser,
            page.body(),
            Map.of(
                "sighting:seenAt", "2026-12-01T10:30",
                "sighting:latitude", "33.59",
                "sighting:longitude", "-7.60",
                "sighting:description", "A girl in a blue smock near the tram stop",
                "sighting:contact", "+212 611 111 111"));

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).contains("Your sighting has been sent to the police");
    String sightings =
        walk.api.get("/alerts/" + alert.alertId() + "/sightings", walk.officer).body().toString();
    assertThat(sightings).contains("tram stop", "+212 611 111 111", "MA-CAS");
  }

  @Test
  void aFormWithAnImpossiblePlaceIsShownAgainWithTheErrorAndNothingIsStored() throws Exception {
    Published alert = publishedWithPhoto();
    HttpClient browser = http();
    HttpResponse<String> page = get(browser, "/alerts/" + alert.alertId());

    HttpResponse<String> answer =
        submit(
            browser,
            page.body(),
            Map.of(
                "sighting:seenAt", "2026-12-01T10:30",
                "sighting:latitude", "95",
                "sighting:longitude", "-7.60",
                "sighting:description", "somewhere",
                "sighting:contact", ""));

    assertThat(answer.body()).contains("the coordinates are wrong");
    assertThat(answer.body()).doesNotContain("Your sighting has been sent");
    assertThat(
            walk.api
                .get("/alerts/" + alert.alertId() + "/sightings", walk.officer)
                .json()
                .getInt("total"))
        .isZero();
  }

  @Test
  void afterResolutionThePageSaysTheChildWasFoundAndShowsNothingPersonal() throws Exception {
    Published alert = publishedWithPhoto();
    walk.api.post(
        "/cases/" + alert.caseId() + "/resolution",
        walk.supervisor,
        "{\"outcome\":\"FOUND_SAFE\"}");

    HttpResponse<String> page = get(http(), "/alerts/" + alert.alertId());
    HttpResponse<String> photo = get(http(), "/alerts/" + alert.alertId() + "/photo");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("The child has been found");
    assertThat(page.body()).doesNotContain("Salma", "Bennani", "smock", "/photo", "sighting");
    assertThat(page.body()).doesNotContain(PRIVATE);
    assertThat(photo.statusCode()).isEqualTo(404);
  }

  @Test
  void anAlertNotYetApprovedHasNoPublicPage() throws Exception {
    long caseId = walk.openCase(Walk.fullCase(CASABLANCA[0], CASABLANCA[1])).getInt("id");
    long alertId = walk.requestAlert(caseId, false).getInt("id");

    assertThat(get(http(), "/alerts/" + alertId).statusCode()).isEqualTo(404);
    assertThat(get(http(), "/alerts/" + alertId + "/photo").statusCode()).isEqualTo(404);
    assertThat(get(http(), "/alerts/99999999").statusCode()).isEqualTo(404);
    assertThat(get(http(), "/alerts/not-a-number").statusCode()).isEqualTo(404);
  }

  /** The page's Open Graph and X card tags, by property or name, their content unescaped. */
  private static Map<String, String> previewTags(String page) {
    Map<String, String> tags = new LinkedHashMap<>();
    Matcher meta =
        Pattern.compile("<meta (?:property|name)=\"((?:og|twitter):[^\"]+)\" content=\"([^\"]*)\"")
            .matcher(page);
    while (meta.find()) {
      tags.put(meta.group(1), unescape(meta.group(2)));
    }
    return tags;
  }

  private static String unescape(String html) {
    Matcher entity = Pattern.compile("&#(x?)([0-9a-fA-F]+);").matcher(html);
    StringBuilder text = new StringBuilder();
    while (entity.find()) {
      int codePoint = Integer.parseInt(entity.group(2), entity.group(1).isEmpty() ? 10 : 16);
      entity.appendReplacement(text, Matcher.quoteReplacement(Character.toString(codePoint)));
    }
    entity.appendTail(text);
    return text.toString()
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
  }

  private record Published(long caseId, long alertId, byte[] photo) {}

  private static Published publishedWithPhoto() throws Exception {
    long caseId = walk.openCase(Walk.fullCase(CASABLANCA[0], CASABLANCA[1])).getInt("id");
    BufferedImage image = new BufferedImage(60, 80, BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
    ImageIO.write(image, "jpg", jpeg);
    walk.api.postMultipart(
        "/cases/" + caseId + "/photos",
        walk.officer,
        Map.of("photo", jpeg.toByteArray(), "publication", "true"));
    long alertId = walk.requestAlert(caseId, false).getInt("id");
    walk.approve(alertId);
    return new Published(caseId, alertId, jpeg.toByteArray());
  }

  /** Posts the sighting form as a browser would: its hidden fields, the given ones, the button. */
  private static HttpResponse<String> submit(
      HttpClient browser, String page, Map<String, String> fields) throws Exception {
    Matcher action = Pattern.compile("<form id=\"sighting\"[^>]*action=\"([^\"]+)\"").matcher(page);
    assertThat(action.find()).as("the sighting form").isTrue();
    Matcher state =
        Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"").matcher(page);
    assertThat(state.find()).as("the view state").isTrue();
    Map<String, String> form = new LinkedHashMap<>();
    form.put("sighting", "sighting");
    form.putAll(fields);
    form.put("sighting:send", "send");
    form.put("jakarta.faces.ViewState", state.group(1).replace("&#58;", ":"));
    String body =
        form.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    String target = appUrl.replace("/tifli", "") + action.group(1).replace("&amp;", "&");
    return browser.send(
        HttpRequest.newBuilder(URI.create(target))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpClient http() {
    return HttpClient.newBuilder()
        .cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();
  }

  private static HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(appUrl + path));
  }

  private static HttpResponse<String> get(HttpClient client, String path) throws Exception {
    return client.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
  }
}
