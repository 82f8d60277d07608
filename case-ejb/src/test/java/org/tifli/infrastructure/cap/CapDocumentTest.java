package org.tifli.infrastructure.cap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tifli.geo.AreaCatalog;
import org.tifli.geo.CapShapes;
import org.tifli.geo.GeoPoint;
import org.tifli.testing.CapValidation;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

class CapDocumentTest {

  private static final OffsetDateTime SENT = OffsetDateTime.parse("2026-12-03T09:30:15.123+01:00");
  private static final AreaCatalog MOROCCO = AreaCatalog.morocco();
  private static final CapShapes SHAPES = new CapShapes(40);

  @Test
  void anAlertInThreeLanguagesWithPolygonsAndACircleIsValidCap() throws Exception {
    CapDocument alert = document(CapDocument.MsgType.Alert, List.of());

    Document xml = CapValidation.validate(alert.toXml());

    assertThat(text(xml, "msgType")).isEqualTo("Alert");
    assertThat(text(xml, "sent")).isEqualTo("2026-12-03T09:30:15+01:00");
    assertThat(xml.getElementsByTagNameNS(CapDocument.NAMESPACE, "info").getLength()).isEqualTo(3);
    assertThat(xml.getElementsByTagNameNS(CapDocument.NAMESPACE, "polygon").getLength())
        .isEqualTo(6);
    assertThat(xml.getElementsByTagNameNS(CapDocument.NAMESPACE, "circle").getLength())
        .isEqualTo(3);
  }

  @Test
  void anUpdateAndACancellationReferToEveryEarlierMessage() throws Exception {
    List<CapDocument.Reference> earlier =
        List.of(
            new CapDocument.Reference("tifli@police.example", "tifli-alert-7-1", SENT),
            new CapDocument.Reference(
                "tifli@police.example", "tifli-alert-7-2", SENT.plusHours(2)));

    Document update = CapValidation.validate(document(CapDocument.MsgType.Update, earlier).toXml());
    Document cancel = CapValidation.validate(document(CapDocument.MsgType.Cancel, earlier).toXml());

    assertThat(text(update, "references"))
        .isEqualTo(
            "tifli@police.example,tifli-alert-7-1,2026-12-03T09:30:15+01:00"
                + " tifli@police.example,tifli-alert-7-2,2026-12-03T11:30:15+01:00");
    assertThat(text(cancel, "msgType")).isEqualTo("Cancel");
    assertThat(text(cancel, "urgency")).isEqualTo("Past");
  }

  @Test
  void arabicTextAndMarkupInTextSurviveEscapedAndIntact() throws Exception {
    String headline = "طفل مختفٍ: سلمى <script>alert('x')</script> & \"quotes\"";
    CapDocument document =
        new CapDocument(
            "tifli-alert-7-1",
            "tifli@police.example",
            SENT,
            CapDocument.Status.Exercise,
            CapDocument.MsgType.Alert,
            List.of(),
            List.of(
                new CapDocument.Info(
                    "ar", "طفل مختفٍ", null, headline, null, null, null, null, null, List.of())));

    Document xml = CapValidation.validate(document.toXml());

    assertThat(text(xml, "headline")).isEqualTo(headline);
    assertThat(text(xml, "status")).isEqualTo("Exercise");
    assertThat(document.toXml()).doesNotContain("<script>");
  }

  @Test
  void theValidatorAcceptsTheOasisAmberExampleAndRefusesAHostileDocumentWithoutFetchingIt()
      throws Exception {
    CapValidation.validate(resource("cap12-appendix-A4-amber-alert-child-abduction.xml"));

    String hostile = resource("xxe-external-entities.cap");
    SAXException refused = assertThrows(SAXException.class, () -> CapValidation.parse(hostile));
    assertThat(refused.getMessage()).contains("DOCTYPE");
  }

  @Test
  void aMessageMissingWhatTheSchemaRequiresIsCaught() {
    String noScope =
        document(CapDocument.MsgType.Alert, List.of()).toXml().replace("<scope>Public</scope>", "");

    assertThrows(SAXException.class, () -> CapValidation.validate(noScope));
  }

  private static CapDocument document(
      CapDocument.MsgType type, List<CapDocument.Reference> references) {
    List<CapDocument.Area> areas =
        List.of(
            new CapDocument.Area(
                "Around the place where the child was last seen",
                List.of(CapShapes.circle(new GeoPoint(33.5883, -7.6114), 20)),
                List.of()),
            new CapDocument.Area(
                "Casablanca", List.of(SHAPES.outline(MOROCCO.get("MA-CAS"))), List.of("MA-CAS")),
            new CapDocument.Area(
                "Mohammadia", List.of(SHAPES.outline(MOROCCO.get("MA-MOH"))), List.of("MA-MOH")));
    List<CapDocument.Info> infos =
        List.of("ar", "fr", "en").stream()
            .map(
                language ->
                    new CapDocument.Info(
                        language,
                        "Missing child",
                        "Police (Tifli)",
                        "MISSING CHILD: Salma Bennani, 10 years old",
                        "Salma Bennani, girl, 10 years old. Last seen at the school gate.",
                        "Call the police on 19.",
                        "http://localhost:8080/tifli/alerts/7",
                        "19",
                        SENT.plusHours(72),
                        areas))
            .toList();
    return new CapDocument(
        "tifli-alert-7-" + (references.size() + 1),
        "tifli@police.example",
        SENT,
        CapDocument.Status.Actual,
        type,
        references,
        infos);
  }

  private static String text(Document xml, String element) {
    return xml.getElementsByTagNameNS(CapDocument.NAMESPACE, element).item(0).getTextContent();
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = CapValidation.class.getResourceAsStream("cap/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
