package org.tifli.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.Iterator;
import java.util.List;
import java.util.logging.Logger;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tifli.domain.Actor;
import org.tifli.domain.AuditEntry.Subject;
import org.tifli.domain.CaseDetails;
import org.tifli.domain.CasePhoto;
import org.tifli.domain.IllegalTransitionException;
import org.tifli.domain.InvalidRequestException;
import org.tifli.domain.MissingChildCase;
import org.tifli.domain.PhotoFormat;
import org.tifli.domain.RecordNotFoundException;

/**
 * Photos of a case: upload, listing, and choosing the one photo an alert publishes.
 *
 * <p>An upload is accepted only as a JPEG or PNG recognised from its bytes, within the size limit
 * ({@code tifli.photos.max-bytes}, default 5 MiB), whose image header can be read and gives
 * sensible dimensions; the image is not decoded, so a crafted file cannot make the server unpack a
 * huge bitmap. A new publication photo of a case with an active alert is an update of that alert.
 */
@Stateless
public class CasePhotos {

  private static final Logger LOG = Logger.getLogger(CasePhotos.class.getName());

  /** Wider or taller than this is no photograph from a phone or a camera. */
  private static final int MAX_SIDE = 20_000;

  @PersistenceContext private EntityManager em;

  @EJB CaseIntake cases;

  @EJB AlertUpdates updates;

  @EJB AuditTrail audit;

  @Inject
  @ConfigProperty(name = "tifli.photos.max-bytes", defaultValue = "5242880")
  int maxBytes;

  private final Clock clock = Clock.systemUTC();

  /** The largest photo accepted, in bytes. */
  public int maxBytes() {
    return maxBytes;
  }

  /** A photo taken with a case's intake, before the case exists. */
  public record IntakePhoto(byte[] content, boolean forPublication) {}

  /**
   * Opens a case together with the photos its intake brought, in one transaction: a photo refused
   * refuses the case with it, so that nothing is stored half.
   */
  public MissingChildCase openWith(CaseDetails details, List<IntakePhoto> photos, Actor officer) {
    MissingChildCase opened = cases.open(details, officer);

    for (IntakePhoto photo : photos) {
      add(opened.id(), photo.content(), photo.forPublication(), officer);
    }
    return opened;
  }

  /**
   * Checks a photo as {@link #add} would, without storing it: the console's intake checks each
   * photo as it is chosen, long before the case exists.
   *
   * @throws InvalidRequestException on the field {@code photo} when it would be refused
   */
  public PhotoFormat check(byte[] content) {
    PhotoFormat format = recognise(content);
    dimensions(content);
    return format;
  }

  /**
   * Stores a photo of an open case; with {@code forPublication}, it becomes the photo alerts show,
   * in place of any earlier one.
   */
  public CasePhoto add(long caseId, byte[] content, boolean forPublication, Actor officer) {
    MissingChildCase photographed = cases.get(caseId);
    if (!photographed.isOpen()) {
      throw new IllegalTransitionException(
          "case " + caseId + " is " + photographed.status() + " and takes no more photos");
    }
    PhotoFormat format = recognise(content);
    int[] size = dimensions(content);

    CasePhoto photo =
        new CasePhoto(
            photographed, format, size[0], size[1], content, officer.name(), clock.instant());
    em.persist(photo);
    em.flush();
    audit.record(
        officer,
        Subject.CASE,
        caseId,
        caseId,
        "PHOTO_ADDED",
        Changes.of("photo", photo.id())
            .set("format", format)
            .set("bytes", content.length)
            .set("width", size[0])
            .set("height", size[1]));
    if (forPublication) {
      publish(photo, officer);
    }

    LOG.info(() -> "Photo " + photo.id() + " added to case " + photographed.reference());
    return photo;
  }

  /** Makes the photo the one its case's alerts show; the case's active alerts post an update. */
  public CasePhoto markForPublication(long caseId, long photoId, Actor officer) {
    CasePhoto photo = get(caseId, photoId);
    if (!photo.missingChildCase().isOpen()) {
      throw new IllegalTransitionException("case " + caseId + " is no longer open");
    }
    if (!photo.forPublication()) {
      publish(photo, officer);
    }
    return photo;
  }

  public List<CasePhoto> ofCase(long caseId) {
    cases.get(caseId);
    return em.createNamedQuery(CasePhoto.OF_CASE, CasePhoto.class)
        .setParameter("caseId", caseId)
        .getResultList();
  }

  /** One page of a case's photos, in the order they were uploaded. */
  public List<CasePhoto> ofCase(long caseId, int first, int max) {
    cases.get(caseId);
    return em.createNamedQuery(CasePhoto.OF_CASE, CasePhoto.class)
        .setParameter("caseId", caseId)
        .setFirstResult(first)
        .setMaxResults(max)
        .getResultList();
  }

  public long countOfCase(long caseId) {
    return em.createNamedQuery(CasePhoto.COUNT_OF_CASE, Long.class)
        .setParameter("caseId", caseId)
        .getSingleResult();
  }

  /** The photo, if it belongs to the case. */
  public CasePhoto get(long caseId, long photoId) {
    CasePhoto photo = em.find(CasePhoto.class, photoId);
    if (photo == null || photo.missingChildCase().id() != caseId) {
      throw new RecordNotFoundException("photo", photoId);
    }
    return photo;
  }

  private void publish(CasePhoto chosen, Actor officer) {
    MissingChildCase photographed = chosen.missingChildCase();
    Long before = null;
    for (CasePhoto other : ofCase(photographed.id())) {
      if (other.forPublication()) {
        before = other.id();
        other.markForPublication(false);
      }
    }

    chosen.markForPublication(true);
    audit.record(
        officer,
        Subject.CASE,
        photographed.id(),
        photographed.id(),
        "PHOTO_PUBLISHED",
        Changes.none().change("publicationPhoto", before, chosen.id()));

    updates.postUpdate(photographed, "photo", officer);
  }

  private PhotoFormat recognise(byte[] content) {
    if (content.length == 0) {
      throw new InvalidRequestException("photo", "the photo is empty");
    }
    if (content.length > maxBytes) {
      throw new InvalidRequestException("photo", "a photo is at most " + maxBytes + " bytes");
    }
    return PhotoFormat.of(content)
        .orElseThrow(() -> new InvalidRequestException("photo", "a photo must be JPEG or PNG"));
  }

  /** Width and height from the image header, which must be readable. */
  private static int[] dimensions(byte[] content) {
    try (ImageInputStream input =
        ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
      if (!readers.hasNext()) {
        throw unreadable();
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(input, true, true);
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) {
          throw new InvalidRequestException(
              "photo", "a photo is between 1 and " + MAX_SIDE + " pixels on each side");
        }
        return new int[] {width, height};
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof InvalidRequestException invalid) {
        throw invalid;
      }
      throw unreadable();
    }
  }

  private static InvalidRequestException unreadable() {
    return new InvalidRequestException("photo", "the image cannot be read: damaged or not a photo");
  }
}
