package org.tifli.publicpage;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.tifli.application.CapMessages;
import org.tifli.domain.CapMessage;

/**
 * The Atom index of current CAP messages at {@code /cap/alerts.atom}, as alert aggregators poll it:
 * one entry per alert that is active or ended in the last two days, linking to the alert's latest
 * CAP message. Public; entries carry no personal detail beyond the CAP message's own title.
 */
@WebServlet("/cap/alerts.atom")
public class CapFeedServlet extends HttpServlet {

  public static final String CAP_MEDIA_TYPE = "application/cap+xml";
  public static final String ATOM_MEDIA_TYPE = "application/atom+xml";
  private static final String ATOM = "http://www.w3.org/2005/Atom";
  private static final DateTimeFormatter RFC_3339 = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

  @EJB CapMessages cap;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    List<CapMessage> current = cap.current();
    String base =
        request.getScheme()
            + "://"
            + request.getServerName()
            + ":"
            + request.getServerPort()
            + request.getContextPath();

    response.setContentType(ATOM_MEDIA_TYPE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setHeader("Cache-Control", "no-cache");
    try (Writer out = response.getWriter()) {
      write(out, base, current);
    } catch (XMLStreamException e) {
      throw new IOException("cannot write the CAP feed", e);
    }
  }

  private static void write(Writer out, String base, List<CapMessage> current)
      throws XMLStreamException {
    Instant updated = current.isEmpty() ? Instant.EPOCH : current.get(0).sentAt();
    XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
    xml.writeStartDocument("UTF-8", "1.0");
    xml.writeStartElement("feed");
    xml.writeDefaultNamespace(ATOM);
    text(xml, "id", base + "/cap/alerts.atom");
    text(xml, "title", "Tifli: current missing-child alerts (CAP 1.2)");
    text(xml, "updated", time(updated));
    xml.writeStartElement("author");
    text(xml, "name", "Tifli");
    xml.writeEndElement();
    link(xml, "self", ATOM_MEDIA_TYPE, base + "/cap/alerts.atom");
    for (CapMessage message : current) {
      String capUrl = base + "/api/v1/alerts/" + message.alert().id() + "/cap";
      xml.writeStartElement("entry");
      text(xml, "id", "urn:tifli:cap:" + message.identifier());
      text(xml, "title", title(message));
      text(xml, "updated", time(message.sentAt()));
      link(xml, "alternate", CapFeedServlet.CAP_MEDIA_TYPE, capUrl);
      xml.writeEndElement();
    }
    xml.writeEndElement();
    xml.writeEndDocument();
    xml.flush();
  }

  /** Kind and number only: a child's name in a feed title would outlive the alert in readers. */
  private static String title(CapMessage message) {
    String kind =
        switch (message.type()) {
          case ALERT -> "Missing child alert";
          case UPDATE -> "Missing child alert, update";
          case CANCEL -> "Missing child alert ended";
        };
    return kind + " " + message.alert().id() + "-" + message.number();
  }

  private static void link(XMLStreamWriter xml, String rel, String type, String href)
      throws XMLStreamException {
    xml.writeEmptyElement("link");
    xml.writeAttribute("rel", rel);
    xml.writeAttribute("type", type);
    xml.writeAttribute("href", href);
  }

  private static void text(XMLStreamWriter xml, String name, String value)
      throws XMLStreamException {
    xml.writeStartElement(name);
    xml.writeCharacters(value);
    xml.writeEndElement();
  }

  private static String time(Instant instant) {
    return RFC_3339.format(instant.atOffset(ZoneOffset.UTC));
  }
}
