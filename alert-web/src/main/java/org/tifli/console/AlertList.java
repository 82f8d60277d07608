package org.tifli.console;

import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.tifli.application.AlertPolicy;
import org.tifli.application.AlertWorkflow;
import org.tifli.application.DeliveryLedger;
import org.tifli.domain.Alert;
import org.tifli.domain.DeliveryStatus;
import org.tifli.geo.WideningStage;

/**
 * The supervisors' list of alerts: every alert a supervisor decided, the latest decision first, a
 * page at a time, with its case, status, stage, the time since approval and its deliveries by
 * status; each links to the alert's own page.
 */
@Named
@ViewScoped
public class AlertList implements Serializable {

  private static final long serialVersionUID = 1L;

  @EJB private transient AlertWorkflow alerts;

  @EJB private transient DeliveryLedger ledger;

  @Inject private transient AlertPolicy policy;

  /** One alert as the list shows it. */
  public record AlertRow(
      long id,
      long caseId,
      String reference,
      String status,
      boolean exercise,
      boolean held,
      int stage,
      int stages,
      String scope,
      String sinceApproval,
      Map<DeliveryStatus, Long> deliveries)
      implements Serializable {

    public long deliveries(DeliveryStatus status) {
      return deliveries.getOrDefault(status, 0L);
    }
  }

  private final LazyDataModel<AlertRow> rows = new Rows();

  public LazyDataModel<AlertRow> getRows() {
    return rows;
  }

  private List<AlertRow> page(int first, int max) {
    FacesContext faces = FacesContext.getCurrentInstance();
    ResourceBundle text = ConsoleText.bundle(faces);
    Instant now = Clock.systemUTC().instant();

    List<Alert> decided = alerts.decided(first, max);
    Map<Long, Map<DeliveryStatus, Long>> counts =
        ledger.countsByStatus(decided.stream().map(Alert::id).toList());
    return decided.stream()
        .map(alert -> row(alert, counts.getOrDefault(alert.id(), Map.of()), text, now))
        .toList();
  }

  private AlertRow row(
      Alert alert, Map<DeliveryStatus, Long> deliveries, ResourceBundle text, Instant now) {
    List<WideningStage> stages = policy.schedule().stages();
    int stage = Math.min(alert.stagesDone(), stages.size());
    boolean approved = alert.wasMadePublic();
    Instant until = alert.endedAt() == null ? now : alert.endedAt();
    return new AlertRow(
        alert.id(),
        alert.missingChildCase().id(),
        alert.missingChildCase().reference(),
        alert.status().name(),
        alert.exercise(),
        alert.held(),
        stage,
        stages.size(),
        stage == 0 ? "" : ConsoleText.scope(stages.get(stage - 1).scope(), text),
        approved ? ConsoleText.elapsed(Duration.between(alert.decidedAt(), until), text) : "",
        Map.copyOf(deliveries));
  }

  /** The alerts a page at a time, as the table asks for them. */
  private final class Rows extends LazyDataModel<AlertRow> {

    private static final long serialVersionUID = 1L;

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
      return (int) Math.min(alerts.countDecided(), Integer.MAX_VALUE);
    }

    private List<AlertRow> shown = List.of();

    @Override
    public List<AlertRow> load(
        int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
      shown = page(first, pageSize);
      return shown;
    }

    @Override
    public String getRowKey(AlertRow row) {
      return Long.toString(row.id());
    }

    @Override
    public AlertRow getRowData(String rowKey) {
      return shown.stream()
          .filter(row -> Long.toString(row.id()).equals(rowKey))
          .findFirst()
          .orElse(null);
    }
  }
}
