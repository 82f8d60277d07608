package org.tifli.console;

import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.Validator;
import java.io.Serializable;
import java.text.MessageFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.tifli.api.Caller;
import org.tifli.api.SightingJson.Triage;
import org.tifli.application.CaseIntake;
import org.tifli.application.Sightings;
import org.tifli.domain.MissingChildCase;
import org.tifli.domain.Sighting;
import org.tifli.domain.SightingStatus;
import org.tifli.publicpage.PublicPageSettings;

/**
 * The sightings page: what the public reported, across every case (or one, {@code ?case=N}), that
 * no officer has looked at yet, those waiting longest first, a page at a time; each is triaged from
 * the list (relevant or dismissed, with a note) through the same {@link Sightings} use case as
 * {@code POST /api/v1/sightings/{id}/triage}, and then leaves the list. The case page triages its
 * own sightings the same way ({@link #triage(Sightings, Validator, Caller, long, String, String)}).
 */
@Named
@ViewScoped
public class SightingTriage implements Serializable {

  private static final long serialVersionUID = 1L;

  static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  @EJB private transient Sightings sightings;

  @EJB private transient CaseIntake cases;

  @Inject private transient Caller caller;

  @Inject private transient Validator validator;

  @Inject private transient PublicPageSettings settings;

  /** A sighting as the lists of the console show it, with the reporter's contact. */
  public record SightingRow(
      long id,
      long caseId,
      String reference,
      long alertId,
      String received,
      String seenAt,
      double latitude,
      double longitude,
      String province,
      String description,
      String contact,
      String status,
      String triagedBy,
      String note)
      implements Serializable {

    static SightingRow of(Sighting s, ZoneId zone) {
      return new SightingRow(
          s.id(),
          s.alert().missingChildCase().id(),
          s.alert().missingChildCase().reference(),
          s.alert().id(),
          WHEN.format(s.receivedAt().atZone(zone)),
          WHEN.format(s.seenAt().atZone(zone)),
          s.latitude(),
          s.longitude(),
          s.provinceCode() == null ? "" : s.provinceCode(),
          s.description(),
          s.contact() == null ? "" : s.contact(),
          s.status().name(),
          s.triagedBy() == null ? "" : s.triagedBy(),
          s.triageNote() == null ? "" : s.triageNote());
    }

    public boolean isAwaiting() {
      return status.equals(SightingStatus.NEW.name());
    }
  }

  private Long caseId;
  private String caseReference = "";
  private long waiting;
  private final Map<Long, String> notes = new HashMap<>();
  private final LazyDataModel<SightingRow> rows = new WaitingSightings();

  /** The page's view action. */
  public void load() {
    waiting = sightings.countAwaitingTriage(Optional.ofNullable(caseId));
    caseReference =
        caseId == null ? "" : cases.find(caseId).map(MissingChildCase::reference).orElse("");
  }

  /** Gives the verdict, {@code RELEVANT} or {@code DISMISSED}, with the note typed beside it. */
  public void triage(long sightingId, String verdict) {
    if (triage(sightings, validator, caller, sightingId, verdict, notes.get(sightingId))) {
      notes.remove(sightingId);
    }
    load();
  }

  /**
   * The verdict on a sighting, checked as the API checks it; says on the page what became of it.
   *
   * @return whether it was given
   */
  static boolean triage(
      Sightings sightings,
      Validator validator,
      Caller caller,
      long sightingId,
      String verdict,
      String note) {
    FacesContext faces = FacesContext.getCurrentInstance();
    ResourceBundle text = faces.getApplication().getResourceBundle(faces, "text");
    Triage triage = new Triage(verdict, note == null || note.isBlank() ? null : note.strip());
    if (!validator.validate(triage).isEmpty()) {
      faces.addMessage(
          null,
          new FacesMessage(
              FacesMessage.SEVERITY_ERROR, text.getString("sightings.note.tooLong"), ""));
      faces.validationFailed();
      return false;
    }

    sightings.triage(
        sightingId, SightingStatus.valueOf(triage.status()), triage.note(), caller.actor());

    faces.addMessage(
        null,
        new FacesMessage(
            FacesMessage.SEVERITY_INFO,
            MessageFormat.format(
                text.getString("sightings.triaged"),
                String.valueOf(sightingId),
                text.getString("sightings.status." + verdict)),
            ""));
    return true;
  }

  public LazyDataModel<SightingRow> getRows() {
    return rows;
  }

  public Long getCaseId() {
    return caseId;
  }

  public void setCaseId(Long caseId) {
    this.caseId = caseId;
  }

  public String getCaseReference() {
    return caseReference;
  }

  private class WaitingSightings extends LazyDataModel<SightingRow> {

    private static final long serialVersionUID = 1L;

    @Override
    public int count(Map<String, FilterMeta> filters) {
      return (int) sightings.countAwaitingTriage(Optional.ofNullable(caseId));
    }

    @Override
    public List<SightingRow> load(
        int first, int pageSize, Map<String, SortMeta> sort, Map<String, FilterMeta> filters) {
      ZoneId zone = settings.timeZone();
      return sightings.awaitingTriage(Optional.ofNullable(caseId), first, pageSize).stream()
          .map(s -> SightingRow.of(s, zone))
          .toList();
    }

    @Override
    public String getRowKey(SightingRow row) {
      return String.valueOf(row.id());
    }
  }

  public long getWaiting() {
    return waiting;
  }

  public Map<Long, String> getNotes() {
    return notes;
  }
}
