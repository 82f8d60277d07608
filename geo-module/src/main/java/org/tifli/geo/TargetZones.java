package org.tifli.geo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Computes the provinces an alert targets at each stage of its widening schedule.
 *
 * <p>A stage's own zone is given by its {@link StageScope}, always together with the provinces of
 * the last-seen point and of the likely places. The <em>reach</em> after a stage is the union of
 * the zones of that stage and of every earlier one, so an alert never shrinks, and passing over
 * overdue stages loses no province. The provinces new at a stage are its reach minus the reach
 * already done: each province is therefore new in exactly one stage, and nobody is alerted twice.
 *
 * <p>Radius distances are great-circle ground distances from the last-seen point to the province
 * boundary (an azimuthal equidistant projection centred on the point), not degrees.
 *
 * <p>Immutable and thread-safe.
 */
public final class TargetZones {

  private final AreaLocator locator;
  private final AreaCatalog catalog;

  public TargetZones(AreaLocator locator) {
    this.locator = locator;
    this.catalog = locator.catalog();
  }

  /**
   * The zone of one scope on its own, including the provinces of the last-seen and likely places.
   */
  public TargetZone zone(StageScope scope, SearchOrigin origin) {
    Set<String> codes = new HashSet<>();
    List<Placement> places = placements(origin);
    places.forEach(p -> p.province().ifPresent(province -> codes.add(province.code())));
    if (scope instanceof StageScope.Radius radius) {
      locator.provincesWithin(origin.point(), radius.km()).forEach(p -> codes.add(p.code()));
    } else if (scope instanceof StageScope.Regions) {
      for (Placement place : places) {
        place
            .region()
            .ifPresent(r -> catalog.provincesOf(r.code()).forEach(p -> codes.add(p.code())));
      }
    } else {
      catalog.provinces().forEach(p -> codes.add(p.code()));
    }
    return inCatalogOrder(p -> codes.contains(p.code()));
  }

  /**
   * Every province reached once the stage at {@code stageIndex} is done: the union of the zones of
   * stages 0 to {@code stageIndex}.
   */
  public TargetZone reach(WideningSchedule schedule, int stageIndex, SearchOrigin origin) {
    List<WideningStage> stages = schedule.stages();
    if (stageIndex < 0 || stageIndex >= stages.size()) {
      throw new IllegalArgumentException(
          "stage index must be between 0 and " + (stages.size() - 1) + ", was " + stageIndex);
    }
    Set<String> codes = new HashSet<>();
    for (int i = 0; i <= stageIndex; i++) {
      codes.addAll(zone(stages.get(i).scope(), origin).codes());
    }
    return inCatalogOrder(p -> codes.contains(p.code()));
  }

  /**
   * The step that carries out the stage at {@code stageIndex} after {@code stagesDone} stages.
   *
   * @throws IllegalArgumentException if {@code stageIndex} is not a stage still to do
   */
  public WideningStep step(
      WideningSchedule schedule, int stageIndex, int stagesDone, SearchOrigin origin) {
    if (stageIndex < stagesDone) {
      throw new IllegalArgumentException(
          "stage " + stageIndex + " is already done (" + stagesDone + " stages done)");
    }
    TargetZone reach = reach(schedule, stageIndex, origin);
    Set<String> before =
        stagesDone == 0 ? Set.of() : new HashSet<>(reach(schedule, stagesDone - 1, origin).codes());
    List<AdministrativeArea> newAreas =
        reach.provinces().stream().filter(p -> !before.contains(p.code())).toList();
    return new WideningStep(stageIndex, schedule.stages().get(stageIndex), reach, newAreas);
  }

  /**
   * The step due now for an alert approved at {@code approvedAt}, if a stage has fallen due.
   *
   * @see WideningSchedule#dueStage(Instant, int, Instant)
   */
  public Optional<WideningStep> dueStep(
      WideningSchedule schedule,
      SearchOrigin origin,
      Instant approvedAt,
      int stagesDone,
      Instant now) {
    return schedule.dueStage(approvedAt, stagesDone, now).stream()
        .mapToObj(i -> step(schedule, i, stagesDone, origin))
        .findFirst();
  }

  /** A supervisor's "widen now": the next stage, whatever the time, if any stage is left. */
  public Optional<WideningStep> widenNow(
      WideningSchedule schedule, SearchOrigin origin, int stagesDone) {
    return schedule.nextStage(stagesDone).stream()
        .mapToObj(i -> step(schedule, i, stagesDone, origin))
        .findFirst();
  }

  private List<Placement> placements(SearchOrigin origin) {
    List<Placement> places = new ArrayList<>();
    places.add(locator.locate(origin.point()));
    origin.likelyPlaces().forEach(p -> places.add(locator.locate(p)));
    return places;
  }

  private TargetZone inCatalogOrder(Predicate<AdministrativeArea> included) {
    return new TargetZone(catalog.provinces().stream().filter(included).toList());
  }
}
