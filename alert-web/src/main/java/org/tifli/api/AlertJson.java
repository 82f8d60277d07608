package org.tifli.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tifli.domain.ActivationCriteria;
import org.tifli.domain.Alert;
import org.tifli.domain.Delivery;
import org.tifli.domain.InvalidRequestException;
import org.tifli.domain.TargetArea;
import org.tifli.geo.WideningSchedule;
import org.tifli.geo.WideningStage;

/** The JSON shapes of alerts, their decisions and their deliveries. */
public final class AlertJson {

  private AlertJson() {}

  /** The activation checklist; a criterion left out is not met. */
  public record CriteriaJson(
      Boolean minor, Boolean danger, Boolean descriptionSufficient, Boolean guardianConsent) {

    public ActivationCriteria toCriteria() {
      return new ActivationCriteria(
          Boolean.TRUE.equals(minor),
          Boolean.TRUE.equals(danger),
          Boolean.TRUE.equals(descriptionSufficient),
          Boolean.TRUE.equals(guardianConsent));
    }
  }

  /** An officer's request; without {@code exercise} it is a real alert. */
  public record AlertRequest(
      @NotNull(message = "the criteria checklist is required") @Valid CriteriaJson criteria,
      @Size(max = Alert.TEXT_LENGTH, message = "at most {max} characters") String justification,
      Boolean exercise) {

    public boolean isExercise() {
      return Boolean.TRUE.equals(exercise);
    }
  }

  public record Hold(
      @NotNull(message = "true to hold the zone, false to release it") Boolean held) {}

  public record Cancellation(
      @NotBlank(message = "say why the alert is withdrawn")
          @Size(max = Alert.TEXT_LENGTH, message = "at most {max} characters")
          String reason) {}

  public record Decision(
      @NotNull(message = "APPROVE or REJECT")
          @Pattern(regexp = "APPROVE|REJECT", message = "APPROVE or REJECT")
          String decision,
      @Size(max = Alert.TEXT_LENGTH, message = "at most {max} characters") String reason) {

    boolean approves() {
      return "APPROVE".equals(decision);
    }
  }

  /** A stage of the schedule: what it reaches and, once applied, the areas that were new in it. */
  public record StageView(
      int stage, String offset, String scope, boolean applied, Instant dueAt, List<String> areas) {}

  public record DeliveryView(
      long id,
      long channel,
      String platform,
      String area,
      int stage,
      String purpose,
      int updateNumber,
      String status,
      String externalId,
      int attempts,
      String lastError,
      Instant queuedAt,
      Instant sentAt,
      Instant nextAttemptAt,
      boolean possibleDuplicate,
      boolean awaitingFix,
      Long retracts) {

    static DeliveryView of(Delivery d) {
      return new DeliveryView(
          d.id(),
          d.channel().id(),
          d.platform().name(),
          d.areaCode(),
          d.stage(),
          d.purpose().name(),
          d.updateNumber(),
          d.status().name(),
          d.externalId(),
          d.attempts(),
          d.lastError(),
          d.queuedAt(),
          d.sentAt(),
          d.nextAttemptAt().orElse(null),
          d.possibleDuplicate(),
          d.awaitingFix(),
          d.target().map(Delivery::id).orElse(null));
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
      int stagesDone,
      boolean held,
      Instant expiresAt,
      String endedBy,
      Instant endedAt,
      String endReason,
      int updatesPosted,
      List<StageView> stages,
      List<String> targetAreas,
      List<DeliveryView> deliveries,
      long sightings) {

    /**
     * @param sightings how many sightings the public has reported for the alert
     */
    static AlertView of(
        Alert alert, List<Delivery> deliveries, WideningSchedule schedule, long sightings) {
      Map<Integer, List<String>> byStage = alert.areasByStage();
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
          alert.stagesDone(),
          alert.held(),
          alert.expiresAt(),
          alert.endedBy(),
          alert.endedAt(),
          alert.endReason(),
          alert.updatesPosted(),
          stagesOf(alert, schedule, byStage),
          alert.targetAreas().stream().map(TargetArea::areaCode).toList(),
          deliveries.stream().map(DeliveryView::of).toList(),
          sightings);
    }
  }

  private static List<StageView> stagesOf(
      Alert alert, WideningSchedule schedule, Map<Integer, List<String>> byStage) {
    List<StageView> stages = new ArrayList<>();
    List<WideningStage> planned = schedule.stages();
    for (int i = 0; i < planned.size(); i++) {
      WideningStage stage = planned.get(i);
      stages.add(
          new StageView(
              i,
              stage.offset().toString(),
              stage.scope().toConfig(),
              i < alert.stagesDone(),
              alert.decidedAt() == null ? null : alert.decidedAt().plus(stage.offset()),
              byStage.getOrDefault(i, List.of())));
    }
    return stages;
  }

  /** Checked apart from the shape, since it depends on the decision. */
  static void requireReasonForRejection(Decision decision) {
    if (!decision.approves() && (decision.reason() == null || decision.reason().isBlank())) {
      throw new InvalidRequestException("reason", "a rejection needs a reason");
    }
  }
}
