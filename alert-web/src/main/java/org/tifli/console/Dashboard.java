package org.tifli.console;

import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import org.tifli.application.AlertPolicy;
import org.tifli.application.AlertWorkflow;
import org.tifli.application.AreaDirectory;
import org.tifli.application.DeliveryLedger;
import org.tifli.application.Sightings;
import org.tifli.domain.Alert;
import org.tifli.domain.DeliveryStatus;
import org.tifli.domain.MissingChildCase;
import org.tifli.domain.Sighting;
import org.tifli.domain.TargetArea;
import org.tifli.geo.AreaLevel;
import org.tifli.geo.WideningStage;
import org.tifli.publicpage.PublicPageSettings;

/**
 * What officers and supervisors see first: the alerts now public, each with its stage of the
 * widening schedule, the time since approval and its deliveries by status; the deliveries of all of
 * them by status; the sightings no one has triaged yet; and the map of the alerts and their target
 * areas. Read when the page opens and again each time it refreshes itself.
 */
@Named
@ViewScoped
public class Dashboard implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final int SIGHTINGS_SHOWN = 10;
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  @EJB private transient AlertWorkflow alerts;

  @EJB private transient DeliveryLedger ledger;

  @EJB private transient Sightings sightings;

  @Inject private transient AreaDirectory areas;

  @Inject private transient AlertPolicy policy;

  @Inject private transient PublicPageSettings settings;

  /** One active alert as the dashboard lists it. */
  public record AlertRow(
      long id,
      long caseId,
      String reference,
      boolean exercise,
      boolean held,
      int stage,
      int stages,
      String scope,
      String sinceApproval,
      String province,
      Map<DeliveryStatus, Long> deliveries,
      double latitude,
      double longitude,
      List<String> provinces)
      implements Serializable {

    public long deliveries(DeliveryStatus status) {
      return deliveries.getOrDefault(status, 0L);
    }
  }

  /** A sighting waiting for triage. */
  public record SightingRow(
      long id, long caseId, String reference, String received, String province)
      implements Serializable {}

  private List<AlertRow> activeAlerts = List.of();
  private Map<DeliveryStatus, Long> deliveryTotals = new EnumMap<>(DeliveryStatus.class);
  private List<SightingRow> waitingSightings = List.of();
  private long awaitingTriage;
  private String mapData = "{}";

  /** Reads everything the page shows; the page's view action, and its periodic refresh. */
  public void load() {
    FacesContext faces = FacesContext.getCurrentInstance();
    ResourceBundle text = ConsoleText.bundle(faces);
    Instant now = Clock.systemUTC().instant();

    List<Alert> active = alerts.active();
    Map<Long, Map<DeliveryStatus, Long>> counts =
        ledger.countsByStatus(active.stream().map(Alert::id).toList());
    activeAlerts =
        active.stream()
            .map(alert -> row(alert, counts.getOrDefault(alert.id(), Map.of()), text, now))
            .toList();
    deliveryTotals = new EnumMap<>(DeliveryStatus.class);
    counts
        .values()
        .forEach(c -> c.forEach((status, n) -> deliveryTotals.merge(status, n, Long::sum)));
    awaitingTriage = sightings.countAwaitingTriage();
    waitingSightings = sightings.awaitingTriage(SIGHTINGS_SHOWN).stream().map(this::row).toList();
    mapData = mapData(faces);
  }

  private AlertRow row(
      Alert alert, Map<DeliveryStatus, Long> deliveries, ResourceBundle text, Instant now) {
    MissingChildCase missing = alert.missingChildCase();
    List<WideningStage> stages = policy.schedule().stages();
    int stage = Math.min(alert.stagesDone(), stages.size());
    String scope = stage == 0 ? "" : ConsoleText.scope(stages.get(stage - 1).scope(), text);
    return new AlertRow(
        alert.id(),
        missing.id(),
        missing.reference(),
        alert.exercise(),
        alert.held(),
        stage,
        stages.size(),
        scope,
        alert.decidedAt() == null
            ? ""
            : ConsoleText.elapsed(Duration.between(alert.decidedAt(), now), text),
        ConsoleText.areaName(areas, missing.provinceCode()),
        Map.copyOf(deliveries),
        missing.lastSeen().latitude(),
        missing.lastSeen().longitude(),
        alert.targetAreas().stream()
            .map(TargetArea::areaCode)
            .filter(
                code -> areas.find(code).map(a -> a.level() == AreaLevel.PROVINCE).orElse(false))
            .toList());
  }

  private SightingRow row(Sighting sighting) {
    MissingChildCase missing = sighting.alert().missingChildCase();
    return new SightingRow(
        sighting.id(),
        missing.id(),
        missing.reference(),
        WHEN.format(sighting.receivedAt().atZone(settings.timeZone())),
        ConsoleText.areaName(areas, sighting.provinceCode()));
  }

  /** What the map script draws, as JSON in a data attribute: no script in the page. */
  private String mapData(FacesContext faces) {
    JsonArrayBuilder list = Json.createArrayBuilder();
    for (AlertRow alert : activeAlerts) {
      list.add(
          Json.createObjectBuilder()
              .add("id", alert.id())
              .add("reference", alert.reference())
              .add("exercise", alert.exercise())
              .add("latitude", alert.latitude())
              .add("longitude", alert.longitude())
              .add("areas", Json.createArrayBuilder(alert.provinces())));
    }
    return Json.createObjectBuilder()
        .add("tiles", settings.tileUrl())
        .add("areasUrl", faces.getExternalContext().getRequestContextPath() + AreaMap.PATH)
        .add("alerts", list)
        .build()
        .toString();
  }

  public List<AlertRow> getActiveAlerts() {
    return activeAlerts;
  }

  public long deliveries(DeliveryStatus status) {
    return deliveryTotals.getOrDefault(status, 0L);
  }

  public List<SightingRow> getWaitingSightings() {
    return waitingSightings;
  }

  public long getAwaitingTriage() {
    return awaitingTriage;
  }

  public String getMapData() {
    return mapData;
  }
}
