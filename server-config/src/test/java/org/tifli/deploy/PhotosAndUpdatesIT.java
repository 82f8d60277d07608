package org.tifli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tifli.testing.FakeGraphApi.ReceivedPost;
import org.tifli.testing.TifliClient.Answer;
import org.tifli.testing.TifliClient.Bytes;

/**
 * Photos of a case over HTTP, and the updates an active alert posts when what it shows changes: the
 * format is read from the bytes and the header must be readable; the size is limited; a new
 * publication photo or a revised description posts an update to the channels already reached, and a
 * change of what the public never sees posts nothing.
 */
class PhotosAndUpdatesIT {

  private static final double[] CASABLANCA = {33.5883, -7.6114};

  private static Walk walk;

  @BeforeAll
  static void signIn() {
    walk = Walk.on(SharedTifli.get());
  }

  @Test
  void aJpegAndAPngAreStoredAndReturnedAsUploaded() throws IOException {
    long caseId = openCase();
    byte[] jpeg = image("jpg", 320, 240);
    byte[] png = image("png", 64, 80);

    Answer first = upload(caseId, jpeg, false);
    Answer second = upload(caseId, png, true);

    assertThat(first.status()).as("%s", first.body()).isEqualTo(201);
    assertThat(first.location()).endsWith("/photos/" + first.json().getInt("id"));
    assertThat(first.json().getString("contentType")).isEqualTo("image/jpeg");
    assertThat(first.json().getInt("width")).isEqualTo(320);
    assertThat(first.json().getInt("height")).isEqualTo(240);
    assertThat(second.json().getString("contentType")).isEqualTo("image/png");
    assertThat(second.json().getBoolean("publication")).isTrue();
    Bytes stored = walk.api.getBytes(photoPath(caseId, second), walk.supervisor);
    assertThat(stored.status()).isEqualTo(200);
    assertThat(stored.contentType()).isEqualTo("image/png");
    assertThat(stored.body()).isEqualTo(png);
    List<JsonObject> listed = walk.everyItem("/cases/" + caseId + "/photos", walk.officer);
    assertThat(listed).extracting(p -> p.getBoolean("publication")).containsExactly(false, true);
  }

  @Test
  void onlyOnePhotoIsMarkedForPublication() throws IOException {
    long caseId = openCase();
    Answer first = upload(caseId, image("jpg", 100, 100), true);
    Answer second = upload(caseId, image("jpg", 100, 100), false);

    Answer chosen = walk.api.post(photoPath(caseId, second) + "/publication", walk.officer, "");

    assertThat(chosen.status()).isEqualTo(200);
    assertThat(chosen.json().getBoolean("publication")).isTrue();
    List<JsonObject> listed = walk.everyItem("/cases/" + caseId + "/photos", walk.officer);
    assertThat(listed)
        .filteredOn(p -> p.getBoolean("publication"))
        .extracting(p -> p.getInt("id"))
        .containsExactly(second.json().getInt("id"));
    assertThat(timelineActions(caseId)).contains("PHOTO_ADDED", "PHOTO_PUBLISHED");
  }

  @Test
  void whatIsNotAJpegOrAPngIsRefusedWhateverItsNameSays() throws IOException {
    long caseId = openCase();
    byte[] gif = image("gif", 10, 10);
    byte[] text = "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8);
    byte[] jpeg = image("jpg", 50, 50);
    byte[] damaged = Arrays.copyOf(jpeg, 12);

    for (byte[] refused : List.of(gif, text, damaged, new byte[0])) {
      Answer answer = upload(caseId, refused, false);
      assertThat(answer.status()).isEqualTo(400);
      assertThat(answer.contentType()).startsWith("application/problem+json");
      assertThat(answer.json().getJsonArray("errors").getJsonObject(0).getString("field"))
          .isEqualTo("photo");
    }
    Answer noPhotoPart =
        walk.api.postMultipart(
            "/cases/" + caseId + "/photos", walk.officer, Map.of("publication", "true"));
    assertThat(noPhotoPart.status()).isEqualTo(400);
    Answer json = walk.api.post("/cases/" + caseId + "/photos", walk.officer, "{}");
    assertThat(json.status()).isEqualTo(415);
    assertThat(walk.everyItem("/cases/" + caseId + "/photos", walk.officer)).isEmpty();
  }

  @Test
  void aPhotoOverTheSizeLimitIsRefusedAsTooLarge() throws IOException {
    long caseId = openCase();
    byte[] jpeg = image("jpg", 16, 16);
    byte[] huge = Arrays.copyOf(jpeg, 6 * 1024 * 1024);

    Answer answer = upload(caseId, huge, false);

    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(walk.everyItem("/cases/" + caseId + "/photos", walk.officer)).isEmpty();
  }

  @Test
  void onlyOfficersAndPoliceSystemsUpload() throws IOException {
    long caseId = openCase();
    byte[] jpeg = image("jpg", 20, 20);
    String path = "/cases/" + caseId + "/photos";

    assertThat(walk.api.postMultipart(path, walk.supervisor, Map.of("photo", jpeg)).status())
        .isEqualTo(403);
    assertThat(walk.api.postMultipart(path, null, Map.of("photo", jpeg)).status()).isEqualTo(401);
    assertThat(walk.api.get(path + "/999999", walk.officer).status()).isEqualTo(404);
  }

  @Test
  void aNewPublicationPhotoPostsAnUpdateToTheChannelsAlreadyReached() throws Exception {
    String page = walk.facebookPage("MA-CAS", false);
    long caseId = openCase();
    long alertId = walk.requestAlert(caseId, false).getInt("id");
    walk.approve(alertId);
    assertThat(walk.awaitPostsTo(page, p -> p.size() == 1)).hasSize(1);

    upload(caseId, image("jpg", 200, 300), true);

    List<ReceivedPost> posts = walk.awaitPostsTo(page, p -> p.size() == 2);
    assertThat(posts).hasSize(2);
    assertThat(posts.get(1).message()).startsWith("MISE À JOUR");
    assertThat(posts.get(1).message()).doesNotContain("600 000 000");
    JsonObject alert = walk.api.get("/alerts/" + alertId, walk.supervisor).json();
    List<JsonObject> updates =
        alert.getJsonArray("deliveries").getValuesAs(JsonObject.class).stream()
            .filter(d -> d.getString("purpose").equals("UPDATE"))
            .toList();
    assertThat(updates).isNotEmpty().allMatch(d -> d.getInt("updateNumber") == 1);
  }

  @Test
  void aRevisedDescriptionPostsAnUpdateAndAHiddenFieldDoesNot() throws Exception {
    String page = walk.facebookPage("MA-CAS", false);
    long caseId = openCase();
    long alertId = walk.requestAlert(caseId, false).getInt("id");
    walk.approve(alertId);
    assertThat(walk.awaitPostsTo(page, p -> p.size() == 1)).hasSize(1);
    JsonObject full = Walk.fullCase(CASABLANCA[0], CASABLANCA[1]).build();

    JsonObject hiddenChange =
        Json.createObjectBuilder(full).add("friendsAndContacts", "also Youssef").build();
    assertThat(walk.api.put("/cases/" + caseId, walk.officer, hiddenChange.toString()).status())
        .isEqualTo(200);
    JsonObject newClothing =
        Json.createObjectBuilder(hiddenChange)
            .add(
                "child",
                Json.createObjectBuilder(full.getJsonObject("child"))
                    .add("clothing", "red raincoat"))
            .build();
    assertThat(walk.api.put("/cases/" + caseId, walk.officer, newClothing.toString()).status())
        .isEqualTo(200);

    List<ReceivedPost> posts = walk.awaitPostsTo(page, p -> p.size() == 2);
    assertThat(posts).hasSize(2);
    Thread.sleep(2_000);
    assertThat(walk.postsTo(page)).hasSize(2);
    JsonObject alert = walk.api.get("/alerts/" + alertId, walk.supervisor).json();
    assertThat(alert.getInt("updatesPosted")).isEqualTo(1);
  }

  private static long openCase() {
    return walk.openCase(Walk.fullCase(CASABLANCA[0], CASABLANCA[1])).getInt("id");
  }

  private static Answer upload(long caseId, byte[] content, boolean publication) {
    return walk.api.postMultipart(
        "/cases/" + caseId + "/photos",
        walk.officer,
        Map.of("photo", content, "publication", Boolean.toString(publication)));
  }

  private static String photoPath(long caseId, Answer uploaded) {
    return "/cases/" + caseId + "/photos/" + uploaded.json().getInt("id");
  }

  private static List<String> timelineActions(long caseId) {
    return walk.timeline(caseId).stream().map(e -> e.getString("action")).toList();
  }

  /** A real image in the given format, drawn here. */
  private static byte[] image(String format, int width, int height) throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    var graphics = image.createGraphics();
    graphics.setColor(Color.ORANGE);
    graphics.fillOval(0, 0, width, height);
    graphics.dispose();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ImageIO.write(image, format, bytes);
    return bytes.toByteArray();
  }
}
