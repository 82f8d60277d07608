package org.tifli.geo;

import java.util.List;

/**
 * What carrying out one widening stage means for an alert: the zone it reaches from then on, and
 * the provinces reached for the first time, the only ones whose channels should get the alert.
 *
 * @param stageIndex index of the stage in its schedule
 * @param stage the stage carried out
 * @param reach every province the alert reaches once this stage is done
 * @param newAreas provinces of {@code reach} that no earlier stage reached, in catalog order
 */
public record WideningStep(
    int stageIndex, WideningStage stage, TargetZone reach, List<AdministrativeArea> newAreas) {

  public WideningStep {
    newAreas = List.copyOf(newAreas);
  }

  /** The {@code stagesDone} value to record once this step is carried out. */
  public int stagesDoneAfter() {
    return stageIndex + 1;
  }
}
