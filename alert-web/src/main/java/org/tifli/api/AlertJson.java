package org.tifli.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.tifli.domain.Alert;
import org.tifli.domain.Delivery;
import org.tifli.domain.InvalidRequestException;
import org.tifli.domain.TargetArea;

/** The JSON shapes of alerts, their decisions and their deliveries. */
public final class AlertJson {

  private AlertJson() {}

  public record CriteriaJson(
      boolean minor, boolean danger, boolean descriptionSufficient, boolean guardianConsent) {}

  public record AlertRequest(
      @NotNull(message = "the criteria checklist is required") @Valid CriteriaJson criteria,
      @Size(max = Alert.TEXT_LENGTH) String justification,
      boolean exercise) {}

  public record Decision(
      @NotNull(message = "APPROVE or REJECT")
          @Pattern(regexp = "APPROVE|REJECT", message = "APPROVE or REJECT")
          String decision,
      @Size(max = Alert.TEXT_LENGTH) String reason) {

    boolean approves() {
      return "APPROVE".equals(decision);
    }
  }

  public record StageView(int stage, List<String> areas) {}

  public record DeliveryView(
      long id,
      long channel,
      String platform,
      String area,
      int stage,
      String status,
      String externalId,
      int attempts,
      String lastError,
      Instant queuedAt,
      Instant sentAt) {

    static DeliveryView of(Delivery d) {
      return new DeliveryView(
          d.id(),
          d.channel().id(),
          d.platform().name(),
          d.areaCode(),
          d.stage(),
          d.status().name(),
          d.externalId(),
          d.attempts(),
          d.lastError(),
          d.queuedAt(),
          d.sentAt());
    }
  }

  public record AlertView(
      long id,
      long caseId,
      String caseReference,
      String status,
      boolean exercise,
      CriteriaJson criteria,
      String justification,
      String requestedBy,
      Instant requestedAt,
      String decidedBy,
      Instant decidedAt,
      String rejectionReason,
      List<StageView> stages,
      List<String> targetAreas,
      List<DeliveryView> deliveries) {

    static AlertView of(Alert alert, List<Delivery> deliveries) {
      Map<Integer, List<String>> byStage =
          alert.targetAreas().stream()
              .collect(
                  Collectors.groupingBy(
                      TargetArea::stage,
                      TreeMap::new,
                      Collectors.mapping(TargetArea::areaCode, Collectors.toList())));
      return new AlertView(
          alert.id(),
          alert.missingChildCase().id(),
          alert.missingChildCase().reference(),
          alert.status().name(),
          alert.exercise(),
          new CriteriaJson(
              alert.criteria().minor(),
              alert.criteria().danger(),
              alert.criteria().descriptionSufficient(),
              alert.criteria().guardianConsent()),
          alert.justification(),
          alert.requestedBy(),
          alert.requestedAt(),
          alert.decidedBy(),
          alert.decidedAt(),
          alert.rejectionReason(),
          byStage.entrySet().stream().map(e -> new StageView(e.getKey(), e.getValue())).toList(),
          alert.targetAreas().stream().map(TargetArea::areaCode).toList(),
          deliveries.stream().map(DeliveryView::of).toList());
    }
  }

  /** Checked apart from the shape, since it depends on the decision. */
  static void requireReasonForRejection(Decision decision) {
    if (!decision.approves() && (decision.reason() == null || decision.reason().isBlank())) {
      throw new InvalidRequestException("reason", "a rejection needs a reason");
    }
  }
}
