package org.tifli.infrastructure.cap;

import java.io.StringWriter;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.tifli.geo.AreaShape;

/**
 * One OASIS CAP 1.2 message, as aggregators read it: the {@code alert} envelope, one {@code info}
 * per language, and the areas it concerns as polygons or circles.
 *
 * <p>It holds only what the caller puts in; it knows nothing of cases, so what is published is
 * decided in one place, by whoever builds it. {@link #toXml()} writes the elements in the order the
 * schema requires and escapes all text.
 *
 * @param identifier unique per sender, without spaces, commas or restricted characters
 * @param references earlier messages this one updates or cancels, oldest first
 */
public record CapDocument(
    String identifier,
    String sender,
    OffsetDateTime sent,
    Status status,
    MsgType msgType,
    List<Reference> references,
    List<Info> infos) {

  public static final String NAMESPACE = "urn:oasis:names:tc:emergency:cap:1.2";

  /** CAP forbids "Z" and fractions of a second: {@code 2026-12-03T09:30:00+01:00}. */
  private static final DateTimeFormatter CAP_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

  public enum Status {
    Actual,
    Exercise
  }

  public enum MsgType {
    Alert,
    Update,
    Cancel
  }

  /** An earlier message, as CAP's {@code references} names it. */
  public record Reference(String sender, String identifier, OffsetDateTime sent) {

    String toCap() {
      return sender + "," + identifier + "," + format(sent);
    }
  }

  /** An area of an {@code info}: its names and shapes, with the ISO 3166-2 codes as geocodes. */
  public record Area(String description, List<AreaShape> shapes, List<String> isoCodes) {

    public Area {
      Objects.requireNonNull(description);
      shapes = List.copyOf(shapes);
      isoCodes = List.copyOf(isoCodes);
    }
  }

  /** What one language says. {@code web} is the public page; {@code contact} a public number. */
  public record Info(
      String language,
      String event,
      String senderName,
      String headline,
      String description,
      String instruction,
      String web,
      String contact,
      OffsetDateTime expires,
      List<Area> areas) {

    public Info {
      Objects.requireNonNull(language);
      Objects.requireNonNull(event);
      areas = List.copyOf(areas);
    }
  }

  public CapDocument {
    Objects.requireNonNull(identifier);
    Objects.requireNonNull(sender);
    Objects.requireNonNull(sent);
    Objects.requireNonNull(status);
    Objects.requireNonNull(msgType);
    references = List.copyOf(references);
    infos = List.copyOf(infos);
  }

  static String format(OffsetDateTime time) {
    return CAP_TIME.format(time.withNano(0));
  }

  /** The message as CAP 1.2 XML, UTF-8 declared. */
  public String toXml() {
    StringWriter text = new StringWriter();
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeStartElement("alert");
      xml.writeDefaultNamespace(NAMESPACE);
      element(xml, "identifier", identifier);
      element(xml, "sender", sender);
      element(xml, "sent", format(sent));
      element(xml, "status", status.name());
      element(xml, "msgType", msgType.name());
      element(xml, "scope", "Public");
      if (!references.isEmpty()) {
        element(
            xml,
            "references",
            String.join(" ", references.stream().map(Reference::toCap).toList()));
      }
      for (Info info : infos) {
        writeInfo(xml, info);
      }
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write a CAP message", e);
    }
    return text.toString();
  }

  private void writeInfo(XMLStreamWriter xml, Info info) throws XMLStreamException {
    xml.writeStartElement("info");
    element(xml, "language", info.language());
    element(xml, "category", "Rescue");
    element(xml, "event", info.event());
    element(xml, "responseType", msgType == MsgType.Cancel ? "AllClear" : "Monitor");
    element(xml, "urgency", msgType == MsgType.Cancel ? "Past" : "Immediate");
    element(xml, "severity", msgType == MsgType.Cancel ? "Minor" : "Severe");
    element(xml, "certainty", msgType == MsgType.Cancel ? "Observed" : "Likely");
    if (info.expires() != null) {
      element(xml, "expires", format(info.expires()));
    }
    element(xml, "senderName", info.senderName());
    element(xml, "headline", info.headline());
    element(xml, "description", info.description());
    element(xml, "instruction", info.instruction());
    element(xml, "web", info.web());
    element(xml, "contact", info.contact());
    for (Area area : info.areas()) {
      xml.writeStartElement("area");
      element(xml, "areaDesc", area.description());
      // The schema wants every polygon before any circle.
      for (AreaShape shape : area.shapes()) {
        if (shape instanceof AreaShape.Outline) {
          element(xml, "polygon", shape.toCap());
        }
      }
      for (AreaShape shape : area.shapes()) {
        if (shape instanceof AreaShape.Circle) {
          element(xml, "circle", shape.toCap());
        }
      }
      for (String code : area.isoCodes()) {
        xml.writeStartElement("geocode");
        element(xml, "valueName", "ISO 3166-2");
        element(xml, "value", code);
        xml.writeEndElement();
      }
      xml.writeEndElement();
    }
    xml.writeEndElement();
  }

  /** Writes the element only when there is something to say: CAP has no empty optional fields. */
  private static void element(XMLStreamWriter xml, String name, String value)
      throws XMLStreamException {
    if (value == null || value.isBlank()) {
      return;
    }
    xml.writeStartElement(name);
    xml.writeCharacters(value);
    xml.writeEndElement();
  }

  /** The time in UTC, as CAP writes it. */
  public static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
