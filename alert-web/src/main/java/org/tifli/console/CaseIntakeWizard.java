package org.tifli.console;

import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.Serializable;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.primefaces.event.FileUploadEvent;
import org.tifli.api.Caller;
import org.tifli.api.CaseJson.CaseRequest;
import org.tifli.application.CaseIntake;
import org.tifli.application.CasePhotos;
import org.tifli.application.CasePhotos.IntakePhoto;
import org.tifli.domain.IllegalTransitionException;
import org.tifli.domain.InvalidRequestException;
import org.tifli.domain.MissingChildCase;
import org.tifli.domain.PhotoFormat;
import org.tifli.domain.Sex;
import org.tifli.publicpage.PublicPageSettings;

/**
 * The intake wizard: an officer records a new case step by step (the child, last seen,
 * circumstances, what helps locate the child, guardians, photos) and records it at the end.
 *
 * <p>What is typed is checked by the API's own rules ({@link CaseRequest} and its Bean Validation,
 * then the case's rules between fields), and each failure is shown beside its field, on the step
 * that holds it, with everything typed kept. Photos are checked as they are chosen, kept in the
 * wizard until the end, and stored with the case in one transaction ({@link CasePhotos#openWith}):
 * a refused case stores no photo, a refused photo no case.
 *
 * <p>Opened as {@code case-new.xhtml?case=N}, the same wizard revises an open case, as {@code PUT
 * /api/v1/cases/{id}} does ({@link CaseIntake#revise}): its steps hold the case as stored, the same
 * rules check what is changed, a refusal changes nothing, and saving goes back to the case's page.
 * Photos are not part of a revision: they are added and chosen on the case's page.
 */
@Named
@ViewScoped
public class CaseIntakeWizard implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(CaseIntakeWizard.class.getName());

  /** The form and the tab view holding the steps: inputs' client ids start with this. */
  static final String STEPS = "intake:steps:";

  /** The steps, in order, each with the first parts of the fields it holds. */
  private static final List<List<String>> STEP_FIELDS =
      List.of(
          List.of("child"),
          List.of("lastSeen"),
          List.of("circumstances", "suspectedAbduction", "suspect", "vehicle", "reportingUnit"),
          List.of("hobbies", "personalProblems", "likelyPlaces", "friendsAndContacts"),
          List.of("guardians", "child.medicalNeeds"),
          List.of("photo"));

  private static final Pattern ROW = Pattern.compile("^(likelyPlaces|guardians)\\[(\\d+)](.*)$");

  /**
   * The photos the wizard keeps until the case is recorded, in the server's memory: more are added
   * from the case's page afterwards.
   */
  static final int MAX_PHOTOS = 10;

  /** Languages offered for the child; the API takes any code of two or three letters. */
  private static final List<String> LANGUAGES = List.of("ar", "zgh", "fr", "en", "es");

  @EJB private transient CasePhotos photos;

  @EJB private transient CaseIntake cases;

  @Inject private transient Caller caller;

  @Inject private transient Validator validator;

  @Inject private transient PublicPageSettings settings;

  /** A photo chosen for the case, with its preview. */
  public record PhotoDraft(byte[] content, PhotoFormat format, String preview)
      implements Serializable {}

  private IntakeForm form = new IntakeForm();
  private String caseParameter;
  private String reference;
  private final List<PhotoDraft> drafts = new ArrayList<>();
  private int publication;
  private int step;

  /**
   * The page's view action: with {@code case=N}, the open case N to revise, as stored; 404 when the
   * address names no case, and back to the case's page when it is no longer open.
   */
  public void load() throws IOException {
    if (caseParameter == null) {
      return;
    }
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext external = faces.getExternalContext();
    Optional<MissingChildCase> revised = revisedCaseId().flatMap(cases::find);
    if (revised.isEmpty()) {
      external.responseSendError(HttpServletResponse.SC_NOT_FOUND, null);
      faces.responseComplete();
      return;
    }
    MissingChildCase stored = revised.get();
    if (!stored.isOpen()) {
      backToClosedCase(faces, stored.id());
      return;
    }
    form = IntakeForm.of(stored, settings.timeZone());
    reference = stored.reference();
  }

  /** Takes a chosen photo, if {@link CasePhotos} would accept it. */
  public void upload(FileUploadEvent event) {
    FacesContext faces = FacesContext.getCurrentInstance();
    if (drafts.size() >= MAX_PHOTOS) {
      ResourceBundle text = faces.getApplication().getResourceBundle(faces, "text");
      faces.addMessage(
          STEPS + "photoUpload",
          new FacesMessage(
              FacesMessage.SEVERITY_ERROR,
              MessageFormat.format(text.getString("caseNew.photo.tooMany"), MAX_PHOTOS),
              null));
      faces.validationFailed();
      return;
    }
    byte[] content = event.getFile().getContent();
    try {
      PhotoFormat format = photos.check(content);
      drafts.add(new PhotoDraft(content, format, PhotoPreview.of(content)));
    } catch (InvalidRequestException e) {
      refusePhoto(faces);
    }
  }

  public void removePhoto(int index) {
    drafts.remove(index);
    if (publication >= drafts.size()) {
      publication = 0;
    }
  }

  public void addPlace() {
    form.addPlace();
  }

  public void removePlace(int index) {
    form.removePlace(index);
  }

  public void addGuardian() {
    form.addGuardian();
  }

  public void removeGuardian(int index) {
    form.removeGuardian(index);
  }

  /**
   * Records the case with its photos and opens its page; when something is refused, stays on the
   * step of the first field refused, with a message beside each.
   */
  public String record() {
    FacesContext faces = FacesContext.getCurrentInstance();
    ResourceBundle text = faces.getApplication().getResourceBundle(faces, "text");
    FieldMessages messages = new FieldMessages(faces, this::clientIdOf);
    CaseRequest request = form.toRequest(settings.timeZone());

    Set<ConstraintViolation<CaseRequest>> violations = validator.validate(request);
    if (!violations.isEmpty()) {
      violations.stream()
          .sorted(Comparator.comparing(FieldMessages::fieldOf))
          .forEach(messages::add);
      refuse(faces, text, violations.stream().map(FieldMessages::fieldOf).toList());
      return null;
    }

    if (isRevising()) {
      return revise(faces, text, messages, request);
    }

    MissingChildCase opened;
    try {
      opened = photos.openWith(request.toDetails(), intakePhotos(), caller.actor());
    } catch (InvalidRequestException refused) {
      explain(refused, messages);
      refuse(faces, text, fieldsOf(refused));
      return null;
    }

    faces.getExternalContext().getFlash().setKeepMessages(true);
    faces.addMessage(
        null,
        new FacesMessage(
            FacesMessage.SEVERITY_INFO,
            MessageFormat.format(text.getString("caseNew.recorded"), opened.reference()),
            ""));
    LOG.fine(() -> "Case " + opened.id() + " recorded from the console");
    return ConsolePage.CASE.viewId() + "?faces-redirect=true&id=" + opened.id();
  }

  /** Replaces the case's details with what the steps hold, then opens the case's page. */
  private String revise(
      FacesContext faces, ResourceBundle text, FieldMessages messages, CaseRequest request) {
    Optional<Long> revisedId = revisedCaseId();
    if (revisedId.isEmpty()) {
      faces.addMessage(
          null,
          new FacesMessage(FacesMessage.SEVERITY_ERROR, text.getString("caseRevise.refused"), ""));
      return null;
    }
    long id = revisedId.get();

    MissingChildCase revised;
    try {
      revised = cases.revise(id, request.toDetails(), caller.actor());
    } catch (InvalidRequestException refused) {
      explain(refused, messages);
      refuse(faces, text, fieldsOf(refused));
      return null;
    } catch (IllegalTransitionException closed) {
      keepClosedMessage(faces);
      return ConsolePage.CASE.viewId() + "?faces-redirect=true&id=" + id;
    }

    faces.getExternalContext().getFlash().setKeepMessages(true);
    faces.addMessage(
        null,
        new FacesMessage(
            FacesMessage.SEVERITY_INFO,
            MessageFormat.format(text.getString("caseRevise.saved"), revised.reference()),
            ""));
    LOG.fine(() -> "Case " + id + " revised from the console");
    return ConsolePage.CASE.viewId() + "?faces-redirect=true&id=" + id;
  }

  /** The case's page, with a message saying that the case can no longer be revised. */
  private void backToClosedCase(FacesContext faces, long id) throws IOException {
    keepClosedMessage(faces);
    ExternalContext external = faces.getExternalContext();
    external.redirect(external.getRequestContextPath() + ConsolePage.CASE.viewId() + "?id=" + id);
    faces.responseComplete();
  }

  private static void keepClosedMessage(FacesContext faces) {
    ResourceBundle text = faces.getApplication().getResourceBundle(faces, "text");
    faces.getExternalContext().getFlash().setKeepMessages(true);
    faces.addMessage(
        null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text.getString("case.closed"), null));
  }

  /** The id of the case revised, from the address (or the form, which carries it too). */
  private Optional<Long> revisedCaseId() {
    try {
      return caseParameter == null
          ? Optional.empty()
          : Optional.of(Long.valueOf(caseParameter.strip()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** The case's rules between fields, in the console's words. */
  private void explain(InvalidRequestException refused, FieldMessages messages) {
    for (InvalidRequestException.FieldProblem problem : refused.problems()) {
      String field = problem.field();
      String key =
          switch (field) {
            case "lastSeen.at" -> "caseNew.invalid.seenBeforeBirth";
            case "child.dateOfBirth" -> "caseNew.invalid.bornTooEarly";
            case "lastSeen" -> "caseNew.invalid.lastSeenUnplaced";
            case "photo" -> "caseNew.photo.refused";
            default ->
                field.startsWith("likelyPlaces[") ? "caseNew.invalid.placeCoordinates" : null;
          };
      if (key == null) {
        messages.add(field, problem.message());
      } else if (field.equals("photo")) {
        messages.addKey(field, key, getMaxPhotoMegabytes());
      } else {
        messages.addKey(field, key);
      }
    }
  }

  private void refuse(FacesContext faces, ResourceBundle text, List<String> fields) {
    fields.stream().mapToInt(CaseIntakeWizard::stepOf).min().ifPresent(first -> step = first);
    String key = isRevising() ? "caseRevise.refused" : "caseNew.refused";
    faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text.getString(key), ""));
  }

  private static List<String> fieldsOf(InvalidRequestException refused) {
    return refused.problems().stream().map(InvalidRequestException.FieldProblem::field).toList();
  }

  private void refusePhoto(FacesContext faces) {
    ResourceBundle text = faces.getApplication().getResourceBundle(faces, "text");
    faces.addMessage(
        STEPS + "photoUpload",
        new FacesMessage(
            FacesMessage.SEVERITY_ERROR,
            MessageFormat.format(text.getString("caseNew.photo.refused"), getMaxPhotoMegabytes()),
            null));
    faces.validationFailed();
  }

  private List<IntakePhoto> intakePhotos() {
    List<IntakePhoto> chosen = new ArrayList<>();
    for (int i = 0; i < drafts.size(); i++) {
      chosen.add(new IntakePhoto(drafts.get(i).content(), i == publication));
    }
    return chosen;
  }

  /** The step that holds a field of the request (the last for a field it does not know). */
  static int stepOf(String field) {
    for (int i = STEP_FIELDS.size() - 1; i >= 0; i--) {
      for (String prefix : STEP_FIELDS.get(i)) {
        if (field.equals(prefix)
            || field.startsWith(prefix + ".")
            || field.startsWith(prefix + "[")) {
          return i;
        }
      }
    }
    return STEP_FIELDS.size() - 1;
  }

  /**
   * The client id of the input that shows a field of the request: {@code child.givenName} is {@code
   * child_givenName}; the n-th row the request kept of a list is the row shown at that place among
   * the rows not left empty. A field no input shows (a list too long) goes to the page.
   */
  String clientIdOf(String field) {
    Matcher row = ROW.matcher(field);
    if (row.matches()) {
      String list = row.group(1);
      int kept = Integer.parseInt(row.group(2));
      List<Integer> shown =
          list.equals("likelyPlaces") ? form.shownPlaceRows() : form.shownGuardianRows();
      if (kept >= shown.size()) {
        return null;
      }
      String part = row.group(3).isEmpty() ? ".latitude" : row.group(3);
      return STEPS + list + ":" + shown.get(kept) + ":" + part.substring(1);
    }
    return switch (field) {
      case "lastSeen" -> STEPS + "lastSeen_latitude";
      case "photo" -> STEPS + "photoUpload";
      case "likelyPlaces", "guardians", "child" -> null;
      // An element of a list typed in one input (hobbies, languages) is that input.
      default -> STEPS + field.replaceAll("\\[\\d+]$", "").replace('.', '_');
    };
  }

  /** Whether the wizard revises a stored case rather than recording a new one. */
  public boolean isRevising() {
    return caseParameter != null;
  }

  /** The {@code case} of the address, as it came: the case revised. */
  public String getCaseParameter() {
    return caseParameter;
  }

  public void setCaseParameter(String caseParameter) {
    this.caseParameter = caseParameter == null || caseParameter.isBlank() ? null : caseParameter;
  }

  /** The reference of the case revised. */
  public String getReference() {
    return reference;
  }

  public IntakeForm getForm() {
    return form;
  }

  public List<PhotoDraft> getPhotos() {
    return drafts;
  }

  public int getPublication() {
    return publication;
  }

  public void setPublication(int publication) {
    this.publication = publication;
  }

  public int getStep() {
    return step;
  }

  public void setStep(int step) {
    this.step = step;
  }

  public Sex[] getSexes() {
    return Sex.values();
  }

  public List<String> getLanguageChoices() {
    return LANGUAGES;
  }

  public int getMaxPhotoBytes() {
    return photos.maxBytes();
  }

  public long getMaxPhotoMegabytes() {
    return Math.max(1, photos.maxBytes() / (1024 * 1024));
  }

  /** The settings of the maps that pick places, for the page's script. */
  public String getMapSettings() {
    return Json.createObjectBuilder()
        .add("tiles", settings.tileUrl())
        .add(
            "areasUrl",
            FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath()
                + AreaMap.PATH)
        .build()
        .toString();
  }
}
