package org.tifli.console;

import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.Serializable;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.logging.Logger;
import org.primefaces.event.FileUploadEvent;
import org.tifli.api.AlertJson.AlertRequest;
import org.tifli.api.AlertJson.CriteriaJson;
import org.tifli.api.Caller;
import org.tifli.api.CaseResource.Resolution;
import org.tifli.application.AlertWorkflow;
import org.tifli.application.AreaDirectory;
import org.tifli.application.AuditTrail;
import org.tifli.application.CaseIntake;
import org.tifli.application.CasePhotos;
import org.tifli.application.CaseResolution;
import org.tifli.application.Sightings;
import org.tifli.console.SightingTriage.SightingRow;
import org.tifli.domain.Alert;
import org.tifli.domain.AuditEntry;
import org.tifli.domain.CaseOutcome;
import org.tifli.domain.CasePhoto;
import org.tifli.domain.IllegalTransitionException;
import org.tifli.domain.InvalidRequestException;
import org.tifli.domain.MissingChildCase;
import org.tifli.domain.Role;
import org.tifli.publicpage.PublicPageSettings;

/**
 * The page of one case ({@code case.xhtml?id=N}), for officers and supervisors: the intake's
 * details with the guardians' contacts (police only, shown nowhere else), its province and region,
 * its photos (add one, choose the one alerts publish), its timeline from the audit trail, its
 * sightings with their triage, its alerts with a link to each; and, for an officer while the case
 * is open, the request for an alert with its criteria checklist and a link to revise the intake
 * (the wizard in its revising mode, {@link CaseIntakeWizard}); for a supervisor while the case is
 * open, its resolution with an outcome and a note. Every action goes through the same use cases as
 * the API.
 */
@Named
@ViewScoped
public class CaseOverview implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(CaseOverview.class.getName());

  /** The most of a case's timeline, sightings or photos the page shows. */
  // TODO [console] A case with more than this many entries shows only its first: page them here.
  private static final int MOST = 500;

  @EJB private transient CaseIntake cases;

  @EJB private transient CasePhotos photos;

  @EJB private transient CaseResolution resolutions;

  @EJB private transient AlertWorkflow alerts;

  @EJB private transient AuditTrail audit;

  @EJB private transient Sightings sightings;

  @Inject private transient AreaDirectory areas;

  @Inject private transient Caller caller;

  @Inject private transient Validator validator;

  @Inject private transient PublicPageSettings settings;

  @Inject private ConsoleLanguage language;

  /** A photo of the case, with its preview. */
  public record PhotoRow(long id, String preview, boolean publication, String size, String uploaded)
      implements Serializable {}

  /** One entry of the timeline. */
  public record TimelineRow(
      long id,
      String at,
      String actor,
      String origin,
      String subject,
      String action,
      String changes)
      implements Serializable {}

  /** An alert of the case. */
  public record AlertRow(
      long id,
      String status,
      boolean exercise,
      String requestedBy,
      String requestedAt,
      String decidedBy,
      String reason)
      implements Serializable {}

  private String idParameter;
  private Long id;
  private transient MissingChildCase shown;
  private String province = "";
  private String region = "";
  private List<PhotoRow> photoRows = List.of();
  private List<TimelineRow> timeline = List.of();
  private List<SightingRow> sightingRows = List.of();
  private List<AlertRow> alertRows = List.of();
  private final Map<Long, String> notes = new HashMap<>();

  private boolean newPhotoForPublication;

  private boolean minor;
  private boolean danger;
  private boolean descriptionSufficient;
  private boolean guardianConsent;
  private String justification;
  private boolean exercise;

  private String outcome;
  private String resolutionNote;

  /** The page's view action: the case, or 404 when the address names none. */
  public void load() throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    try {
      id = idParameter == null ? null : Long.valueOf(idParameter.strip());
    } catch (NumberFormatException e) {
      id = null;
    }
    if (id == null || cases.find(id).isEmpty()) {
      ExternalContext external = faces.getExternalContext();
      external.responseSendError(HttpServletResponse.SC_NOT_FOUND, null);
      faces.responseComplete();
      return;
    }
    refresh();
  }

  private void refresh() {
    ZoneId zone = settings.timeZone();
    shown = cases.get(id);
    province = areaName(shown.provinceCode());
    region = areaName(shown.regionCode());
    photoRows = photos.ofCase(id, 0, MOST).stream().map(p -> photoRow(p, zone)).toList();
    timeline = audit.ofCase(id, 0, MOST).stream().map(e -> timelineRow(e, zone)).toList();
    sightingRows =
        sightings.ofCase(id, 0, MOST).stream().map(s -> SightingRow.of(s, zone)).toList();
    alertRows = alerts.ofCase(id).stream().map(a -> alertRow(a, zone)).toList();
  }

  /** Adds a chosen photo to the case, as the one alerts publish when so ticked. */
  public void addPhoto(FileUploadEvent event) {
    FacesContext faces = FacesContext.getCurrentInstance();
    ResourceBundle text = ConsoleText.bundle(faces);
    try {
      photos.add(id, event.getFile().getContent(), newPhotoForPublication, caller.actor());
      ConsoleText.say(faces, text.getString("case.photo.added"));
    } catch (InvalidRequestException e) {
      ConsoleText.refuse(
          faces,
          "photos:photoUpload",
          MessageFormat.format(
              text.getString("caseNew.photo.refused"),
              String.valueOf(Math.max(1, photos.maxBytes() / (1024 * 1024)))));
    } catch (IllegalTransitionException e) {
      ConsoleText.refuse(faces, null, text.getString("case.closed"));
    }
    refresh();
  }

  /** Makes the photo the one the case's alerts publish. */
  public void publish(long photoId) {
    FacesContext faces = FacesContext.getCurrentInstance();
    try {
      photos.markForPublication(id, photoId, caller.actor());
      ConsoleText.say(faces, ConsoleText.bundle(faces).getString("case.photo.published"));
    } catch (IllegalTransitionException e) {
      ConsoleText.refuse(faces, null, ConsoleText.bundle(faces).getString("case.closed"));
    }
    refresh();
  }

  /** A verdict on one of the case's sightings, with the note typed beside it. */
  public void triage(long sightingId, String verdict) {
    if (SightingTriage.triage(
        sightings, validator, caller, sightingId, verdict, notes.get(sightingId))) {
      notes.remove(sightingId);
    }
    refresh();
  }

  /**
   * Asks for an alert on the case, with the criteria checklist: checked by the API's own request
   * shape, then by the workflow (a criterion not met needs a justification).
   */
  public void requestAlert() {
    FacesContext faces = FacesContext.getCurrentInstance();
    ResourceBundle text = ConsoleText.bundle(faces);
    FieldMessages messages = new FieldMessages(faces, field -> "request:" + field);
    AlertRequest request =
        new AlertRequest(
            new CriteriaJson(minor, danger, descriptionSufficient, guardianConsent),
            justification == null || justification.isBlank() ? null : justification.strip(),
            exercise);
    Set<ConstraintViolation<AlertRequest>> violations = validator.validate(request);
    if (!violations.isEmpty()) {
      violations.forEach(messages::add);
      return;
    }

    Alert requested;
    try {
      requested =
          alerts.request(
              id,
              request.criteria().toCriteria(),
              request.justification(),
              request.isExercise(),
              caller.actor());
    } catch (InvalidRequestException e) {
      messages.addKey("justification", "case.request.justificationRequired");
      return;
    } catch (IllegalTransitionException e) {
      ConsoleText.refuse(faces, null, text.getString("case.closed"));
      refresh();
      return;
    }

    ConsoleText.say(
        faces,
        MessageFormat.format(text.getString("case.request.done"), String.valueOf(requested.id())));
    LOG.fine(() -> "Alert " + requested.id() + " requested from the console");
    justification = null;
    exercise = false;
    refresh();
  }

  /**
   * Resolves the case with the outcome and note chosen, as {@code POST
   * /api/v1/cases/{id}/resolution} does: checked by the API's own request shape, then ended with
   * every alert of it by {@link CaseResolution}.
   */
  public String resolve() {
    FacesContext faces = FacesContext.getCurrentInstance();
    ResourceBundle text = ConsoleText.bundle(faces);
    FieldMessages messages = new FieldMessages(faces, field -> "resolve:" + field);
    Resolution resolution =
        new Resolution(
            outcome,
            resolutionNote == null || resolutionNote.isBlank() ? null : resolutionNote.strip());
    Set<ConstraintViolation<Resolution>> violations = validator.validate(resolution);
    if (!violations.isEmpty()) {
      violations.forEach(messages::add);
      return null;
    }

    faces.getExternalContext().getFlash().setKeepMessages(true);
    try {
      MissingChildCase resolved =
          resolutions.resolve(
              id, CaseOutcome.valueOf(resolution.outcome()), resolution.note(), caller.actor());
      ConsoleText.say(
          faces,
          MessageFormat.format(
              text.getString("case.resolve.done"),
              resolved.reference(),
              text.getString("outcome." + resolution.outcome())));
      LOG.fine(() -> "Case " + id + " resolved from the console");
    } catch (IllegalTransitionException e) {
      faces.addMessage(
          null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text.getString("case.closed"), null));
    }
    // The whole page changes with the case's status: it is loaded afresh.
    return ConsolePage.CASE.viewId() + "?faces-redirect=true&id=" + id;
  }

  /** Whether the signed-in user may ask for an alert: an officer, while the case is open. */
  public boolean isRequestAllowed() {
    return shown != null
        && shown.isOpen()
        && FacesContext.getCurrentInstance()
            .getExternalContext()
            .isUserInRole(Role.OFFICER.groupName());
  }

  /** Whether the signed-in user may revise the intake: an officer, while the case is open. */
  public boolean isReviseAllowed() {
    return isRequestAllowed();
  }

  /** Whether the signed-in user may resolve the case: a supervisor, while the case is open. */
  public boolean isResolveAllowed() {
    return shown != null
        && shown.isOpen()
        && FacesContext.getCurrentInstance()
            .getExternalContext()
            .isUserInRole(Role.SUPERVISOR.groupName());
  }

  /** The outcomes a case may end with, in the order the form offers them. */
  public CaseOutcome[] getOutcomes() {
    return CaseOutcome.values();
  }

  /** The address of a photo of the case in full ({@link CasePhotoImage}). */
  public String fullPhoto(long photoId) {
    return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath()
        + CasePhotoImage.address(id, photoId);
  }

  /** Whether the signed-in user may add or choose photos: an officer, while the case is open. */
  public boolean isPhotosAllowed() {
    return isRequestAllowed();
  }

  /** A moment as the console shows it, in the installation's time zone. */
  public String when(Instant at) {
    return at == null ? "" : SightingTriage.WHEN.format(at.atZone(settings.timeZone()));
  }

  /** A list as one line. */
  public String joined(List<String> items) {
    return items == null ? "" : String.join(", ", items);
  }

  public int getMaxPhotoBytes() {
    return photos.maxBytes();
  }

  private String areaName(String code) {
    if (code == null) {
      return "";
    }
    return areas
        .find(code)
        .map(a -> "ar".equals(language.getCode()) ? a.nameAr() : a.nameFr())
        .map(name -> name + " (" + code + ")")
        .orElse(code);
  }

  private static PhotoRow photoRow(CasePhoto photo, ZoneId zone) {
    return new PhotoRow(
        photo.id(),
        PhotoPreview.of(photo.content()),
        photo.forPublication(),
        photo.width() + " × " + photo.height() + " · " + photo.format(),
        photo.uploadedBy() + " · " + SightingTriage.WHEN.format(photo.uploadedAt().atZone(zone)));
  }

  private static TimelineRow timelineRow(AuditEntry entry, ZoneId zone) {
    return new TimelineRow(
        entry.id(),
        SightingTriage.WHEN.format(entry.occurredAt().atZone(zone)),
        entry.actor().name(),
        entry.actor().origin() == null ? "" : entry.actor().origin(),
        entry.subjectType().name(),
        entry.action(),
        entry.changes());
  }

  private static AlertRow alertRow(Alert alert, ZoneId zone) {
    String reason = alert.rejectionReason() != null ? alert.rejectionReason() : alert.endReason();
    return new AlertRow(
        alert.id(),
        alert.status().name(),
        alert.exercise(),
        alert.requestedBy(),
        SightingTriage.WHEN.format(alert.requestedAt().atZone(zone)),
        alert.decidedBy() == null ? "" : alert.decidedBy(),
        reason == null ? "" : reason);
  }

  public Long getId() {
    return id;
  }

  /** The {@code id} of the address, as it came: anything but a case's id is answered 404. */
  public String getIdParameter() {
    return idParameter;
  }

  public void setIdParameter(String idParameter) {
    this.idParameter = idParameter;
  }

  public MissingChildCase getCase() {
    return shown;
  }

  public String getProvince() {
    return province;
  }

  public String getRegion() {
    return region;
  }

  public List<PhotoRow> getPhotos() {
    return photoRows;
  }

  public List<TimelineRow> getTimeline() {
    return timeline;
  }

  public List<SightingRow> getSightings() {
    return sightingRows;
  }

  public List<AlertRow> getAlerts() {
    return alertRows;
  }

  public Map<Long, String> getNotes() {
    return notes;
  }

  public boolean isNewPhotoForPublication() {
    return newPhotoForPublication;
  }

  public void setNewPhotoForPublication(boolean newPhotoForPublication) {
    this.newPhotoForPublication = newPhotoForPublication;
  }

  public boolean isMinor() {
    return minor;
  }

  public void setMinor(boolean minor) {
    this.minor = minor;
  }

  public boolean isDanger() {
    return danger;
  }

  public void setDanger(boolean danger) {
    this.danger = danger;
  }

  public boolean isDescriptionSufficient() {
    return descriptionSufficient;
  }

  public void setDescriptionSufficient(boolean descriptionSufficient) {
    this.descriptionSufficient = descriptionSufficient;
  }

  public boolean isGuardianConsent() {
    return guardianConsent;
  }

  public void setGuardianConsent(boolean guardianConsent) {
    this.guardianConsent = guardianConsent;
  }

  public String getJustification() {
    return justification;
  }

  public void setJustification(String justification) {
    this.justification = justification;
  }

  public String getOutcome() {
    return outcome;
  }

  public void setOutcome(String outcome) {
    this.outcome = outcome;
  }

  public String getResolutionNote() {
    return resolutionNote;
  }

  public void setResolutionNote(String resolutionNote) {
    this.resolutionNote = resolutionNote;
  }

  public boolean isExercise() {
    return exercise;
  }

  public void setExercise(boolean exercise) {
    this.exercise = exercise;
  }
}
