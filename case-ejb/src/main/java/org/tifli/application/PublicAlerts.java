package org.tifli.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tifli.domain.Alert;
import org.tifli.domain.AlertStatus;
import org.tifli.domain.Appearance;
import org.tifli.domain.CasePhoto;
import org.tifli.domain.Child;
import org.tifli.domain.LastSeen;
import org.tifli.domain.MissingChildCase;
import org.tifli.domain.PhotoFormat;

/**
 * What the public may see of an alert, for its public page: while the alert is active, the child's
 * names, age, sex and appearance, where and when they were last seen, and the publication photo;
 * once it has ended, only how it ended. Never a guardian, a contact, medical needs, the
 * circumstances or anything else of the case.
 *
 * <p>An alert that was never made public (pending, rejected) does not exist for the public.
 */
@Stateless
public class PublicAlerts {

  @PersistenceContext private EntityManager em;

  @Inject
  @ConfigProperty(name = "tifli.time-zone", defaultValue = "Africa/Casablanca")
  String timeZone;

  /** The public face of an alert. {@code child} is empty once the alert has ended. */
  public record PublicAlert(
      long id,
      AlertStatus status,
      boolean exercise,
      String caseReference,
      Optional<ChildDescription> child) {

    public boolean active() {
      return status == AlertStatus.ACTIVE;
    }

    /** The alert ended because the child was found. */
    public boolean found() {
      return status == AlertStatus.RESOLVED;
    }
  }

  /** The description an active alert publishes. */
  public record ChildDescription(
      String givenName,
      String familyName,
      String givenNameAr,
      String familyNameAr,
      int age,
      String sex,
      Integer heightCm,
      String build,
      String hair,
      String eyes,
      String distinguishingMarks,
      String clothing,
      Instant lastSeenAt,
      String lastSeenPlace,
      double lastSeenLatitude,
      double lastSeenLongitude,
      boolean hasPhoto) {}

  /** The publication photo of an active alert. */
  public record PublicPhoto(PhotoFormat format, byte[] content) {}

  public Optional<PublicAlert> find(long alertId) {
    Alert alert = em.find(Alert.class, alertId);
    if (alert == null || alert.decidedAt() == null || !wasPublic(alert.status())) {
      return Optional.empty();
    }
    MissingChildCase missing = alert.missingChildCase();
    Optional<ChildDescription> child =
        alert.isActive()
            ? Optional.of(describe(missing, publicationPhoto(missing).isPresent()))
            : Optional.empty();
    return Optional.of(
        new PublicAlert(alert.id(), alert.status(), alert.exercise(), missing.reference(), child));
  }

  /** The photo an active alert shows; nothing once the alert has ended. */
  public Optional<PublicPhoto> photo(long alertId) {
    Alert alert = em.find(Alert.class, alertId);
    if (alert == null || !alert.isActive()) {
      return Optional.empty();
    }
    return publicationPhoto(alert.missingChildCase())
        .map(p -> new PublicPhoto(p.format(), p.content()));
  }

  private Optional<CasePhoto> publicationPhoto(MissingChildCase missing) {
    List<CasePhoto> photos =
        em.createNamedQuery(CasePhoto.OF_CASE, CasePhoto.class)
            .setParameter("caseId", missing.id())
            .getResultList();
    return photos.stream().filter(CasePhoto::forPublication).findFirst();
  }

  private ChildDescription describe(MissingChildCase missing, boolean hasPhoto) {
    Child child = missing.child();
    Appearance looks = child.appearance();
    LastSeen seen = missing.lastSeen();
    return new ChildDescription(
        child.givenName(),
        child.familyName(),
        child.givenNameAr(),
        child.familyNameAr(),
        child.ageOn(LocalDate.now(ZoneId.of(timeZone))),
        child.sex().name(),
        looks.heightCm(),
        looks.build(),
        looks.hair(),
        looks.eyes(),
        looks.distinguishingMarks(),
        looks.clothing(),
        seen.at(),
        seen.place(),
        seen.latitude(),
        seen.longitude(),
        hasPhoto);
  }

  private static boolean wasPublic(AlertStatus status) {
    return status == AlertStatus.ACTIVE
        || status == AlertStatus.RESOLVED
        || status == AlertStatus.CANCELLED
        || status == AlertStatus.EXPIRED;
  }
}
