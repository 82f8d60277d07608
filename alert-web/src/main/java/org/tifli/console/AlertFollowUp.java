package org.tifli.console;

import jakarta.ejb.EJB;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import org.tifli.api.Caller;
import org.tifli.application.AlertPolicy;
import org.tifli.application.AlertWorkflow;
import org.tifli.application.AreaDirectory;
import org.tifli.application.CaseResolution;
import org.tifli.domain.Alert;
import org.tifli.domain.AlertStatus;
import org.tifli.domain.CaseOutcome;
import org.tifli.domain.Delivery;
import org.tifli.domain.DeliveryStatus;
import org.tifli.domain.IllegalTransitionException;
import org.tifli.domain.MissingChildCase;
import org.tifli.domain.Role;
import org.tifli.geo.WideningStage;
import org.tifli.publicpage.PublicPageSettings;

/**
 * One alert, for officers and supervisors ({@code alert.xhtml?id=N}): its status, the stages of its
 * widening with the areas each reached (and a map of them), and its delivery ledger, read again
 * every few seconds while anything can still change. Supervisors act on it here through the same
 * use cases as the API: widen now, hold or release the zone, renew, cancel with a reason, and
 * resolve the case with its outcome, which ends the alert and takes its posts down.
 */
@Named
@ViewScoped
public class AlertFollowUp implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  @EJB private transient AlertWorkflow alerts;

  @EJB private transient CaseResolution resolutions;

  @Inject private transient AreaDirectory areas;

  @Inject private transient AlertPolicy policy;

  @Inject private transient Caller caller;

  @Inject private transient PublicPageSettings settings;

  /** The alert as the page's heading and summary show it. */
  public record Summary(
      long id,
      long caseId,
      String reference,
      String status,
      boolean exercise,
      boolean held,
      boolean active,
      boolean caseOpen,
      int stagesDone,
      int stages,
      String requestedBy,
      String decidedBy,
      String decidedAt,
      String expiresAt,
      String endReason)
      implements Serializable {}

  /** A stage of the schedule: applied or not, when it falls due, the areas it reached. */
  public record StageRow(
      int number, String scope, boolean applied, String dueAt, List<String> areas)
      implements Serializable {}

  /** A line of the delivery ledger. */
  public record DeliveryRow(
      long id,
      long channel,
      String platform,
      String area,
      int stage,
      String purpose,
      String status,
      String externalId,
      int attempts,
      String lastError,
      boolean possibleDuplicate,
      boolean awaitingFix)
      implements Serializable {}

  private long id;
  private Summary summary;
  private List<StageRow> stages = List.of();
  private List<DeliveryRow> deliveries = List.of();
  private Map<DeliveryStatus, Long> counts = Map.of();
  private String mapData = "{}";

  private String cancelReason;
  private String outcome;
  private String note;

  /** The view action: the alert of {@code ?id=}, or the "not found" page. */
  public void load() throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    if (alerts.find(id).isEmpty()) {
      faces.getExternalContext().responseSendError(404, null);
      faces.responseComplete();
      return;
    }
    ConsoleText.showCarried(faces);
    refresh();
  }

  /** Reads the alert and its ledger again: the view action, the poll and every action. */
  public void refresh() {
    FacesContext faces = FacesContext.getCurrentInstance();
    ResourceBundle text = ConsoleText.bundle(faces);
    Alert alert = alerts.get(id);
    MissingChildCase missing = alert.missingChildCase();
    List<WideningStage> planned = policy.schedule().stages();

    summary =
        new Summary(
            alert.id(),
            missing.id(),
            missing.reference(),
            alert.status().name(),
            alert.exercise(),
            alert.held(),
            alert.isActive(),
            missing.isOpen(),
            Math.min(alert.stagesDone(), planned.size()),
            planned.size(),
            alert.requestedBy(),
            alert.decidedBy() == null ? "" : alert.decidedBy(),
            when(alert.decidedAt()),
            when(alert.expiresAt()),
            endReason(alert, text));
    Map<Integer, List<String>> reached = alert.areasByStage();
    List<StageRow> rows = new ArrayList<>();
    List<StageMap.Stage> drawn = new ArrayList<>();
    for (int i = 0; i < planned.size(); i++) {
      List<String> codes = reached.getOrDefault(i, List.of());
      String scope = ConsoleText.scope(planned.get(i).scope(), text);
      rows.add(
          new StageRow(
              i + 1,
              scope,
              i < alert.stagesDone(),
              alert.decidedAt() == null
                  ? ""
                  : when(alert.decidedAt().plus(planned.get(i).offset())),
              codes.stream().map(code -> ConsoleText.areaName(areas, code)).toList()));
      drawn.add(new StageMap.Stage(i + 1, scope, codes));
    }
    stages = List.copyOf(rows);
    mapData =
        StageMap.json(
            faces,
            areas,
            settings,
            missing.lastSeen().latitude(),
            missing.lastSeen().longitude(),
            drawn);
    List<Delivery> ledger = alerts.deliveries(id);
    deliveries = ledger.stream().map(this::row).toList();
    counts =
        ledger.stream().collect(Collectors.groupingBy(Delivery::status, Collectors.counting()));
  }

  /** How the alert ended: the case's outcome in words when it ended with its case. */
  private static String endReason(Alert alert, ResourceBundle text) {
    String reason = alert.endReason();
    if (reason == null) {
      return "";
    }
    boolean outcome = Arrays.stream(CaseOutcome.values()).anyMatch(o -> o.name().equals(reason));
    return outcome ? text.getString("outcome." + reason) : reason;
  }

  /**
   * Whether the page should keep reading the ledger: the alert may still widen or be decided, or a
   * delivery is still on its way. Once it has ended and every delivery is settled, nothing changes.
   */
  public boolean isChanging() {
    if (summary == null) {
      return false;
    }
    AlertStatus status = AlertStatus.valueOf(summary.status());
    return status == AlertStatus.ACTIVE
        || status == AlertStatus.PENDING_APPROVAL
        || counts.getOrDefault(DeliveryStatus.QUEUED, 0L) > 0;
  }

  public String widenNow() {
    return act(alertId -> alerts.widenNow(alertId, caller.actor()), "alert.widened");
  }

  public String hold() {
    return act(alertId -> alerts.hold(alertId, true, caller.actor()), "alert.heldDone");
  }

  public String release() {
    return act(alertId -> alerts.hold(alertId, false, caller.actor()), "alert.released");
  }

  public String renew() {
    return act(alertId -> alerts.renew(alertId, caller.actor()), "alert.renewed");
  }

  /** Withdraws the alert; a reason is required, and said beside its field when missing. */
  public String cancel() {
    FacesContext faces = FacesContext.getCurrentInstance();
    if (cancelReason == null || cancelReason.isBlank()) {
      ConsoleText.error(faces, "cancellation:cancelReason", "alert.cancel.reason.required");
      return null;
    }
    if (cancelReason.length() > Alert.TEXT_LENGTH) {
      ConsoleText.error(
          faces, "cancellation:cancelReason", "alert.text.tooLong", Alert.TEXT_LENGTH);
      return null;
    }
    String reason = cancelReason.trim();
    return act(alertId -> alerts.cancel(alertId, reason, caller.actor()), "alert.cancelled");
  }

  /** Resolves the alert's case with the outcome chosen: every alert of it ends, posts come down. */
  public String resolve() {
    FacesContext faces = FacesContext.getCurrentInstance();
    CaseOutcome chosen =
        Arrays.stream(CaseOutcome.values())
            .filter(o -> o.name().equals(outcome))
            .findFirst()
            .orElse(null);
    if (chosen == null) {
      ConsoleText.error(faces, "resolution:outcome", "alert.resolve.outcome.required");
      return null;
    }
    if (note != null && note.length() > MissingChildCase.NOTE_LENGTH) {
      ConsoleText.error(
          faces, "resolution:note", "alert.text.tooLong", MissingChildCase.NOTE_LENGTH);
      return null;
    }
    long caseId = summary.caseId();
    String written = note == null || note.isBlank() ? null : note.trim();
    return act(
        alertId -> resolutions.resolve(caseId, chosen, written, caller.actor()), "alert.resolved");
  }

  /**
   * Carries out a supervisor's action on the alert and shows the alert again, saying that it was
   * done, or why it could not be (the alert or its case changed meanwhile).
   */
  private String act(LongConsumer action, String doneKey) {
    FacesContext faces = FacesContext.getCurrentInstance();
    if (!isSupervisor()) {
      ConsoleText.error(faces, null, "alert.supervisorsOnly");
      return null;
    }
    try {
      action.accept(id);
    } catch (IllegalTransitionException e) {
      ConsoleText.error(faces, null, "alert.notPossible", summary.reference());
      refresh();
      return null;
    }

    ConsoleText.infoAfterRedirect(faces, doneKey, summary.reference());
    return ConsolePage.ALERT.viewId() + "?faces-redirect=true&id=" + id;
  }

  public boolean isSupervisor() {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    return external.isUserInRole(Role.SUPERVISOR.groupName());
  }

  private DeliveryRow row(Delivery delivery) {
    return new DeliveryRow(
        delivery.id(),
        delivery.channel().id(),
        delivery.platform().name(),
        ConsoleText.areaName(areas, delivery.areaCode()),
        delivery.stage() + 1,
        delivery.purpose().name(),
        delivery.status().name(),
        delivery.externalId() == null ? "" : delivery.externalId(),
        delivery.attempts(),
        delivery.lastError() == null ? "" : delivery.lastError(),
        delivery.possibleDuplicate(),
        delivery.awaitingFix());
  }

  private String when(Instant instant) {
    return instant == null ? "" : WHEN.format(instant.atZone(settings.timeZone()));
  }

  public long deliveries(DeliveryStatus status) {
    return counts.getOrDefault(status, 0L);
  }

  public List<CaseOutcome> getOutcomes() {
    return List.of(CaseOutcome.values());
  }

  public long getId() {
    return id;
  }

  public void setId(long id) {
    this.id = id;
  }

  public Summary getSummary() {
    return summary;
  }

  public List<StageRow> getStages() {
    return stages;
  }

  public List<DeliveryRow> getDeliveries() {
    return deliveries;
  }

  public String getMapData() {
    return mapData;
  }

  public String getCancelReason() {
    return cancelReason;
  }

  public void setCancelReason(String cancelReason) {
    this.cancelReason = cancelReason;
  }

  public String getOutcome() {
    return outcome;
  }

  public void setOutcome(String outcome) {
    this.outcome = outcome;
  }

  public String getNote() {
    return note;
  }

  public void setNote(String note) {
    this.note = note;
  }
}
