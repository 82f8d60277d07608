package org.tifli.geo;

import java.time.Duration;
import java.util.Objects;

/**
 * One stage of a widening schedule: when it falls due, counted from the alert's approval, and how
 * far it reaches.
 *
 * @param offset time after approval, zero or positive
 * @param scope the zone the alert reaches at this stage
 */
public record WideningStage(Duration offset, StageScope scope) {

  public WideningStage {
    Objects.requireNonNull(offset, "offset");
    Objects.requireNonNull(scope, "scope");
    if (offset.isNegative()) {
      throw new IllegalArgumentException("a stage cannot fall due before approval: " + offset);
    }
  }

  /** This stage in the configuration syntax, e.g. {@code PT2H=radius:160}. */
  public String toConfig() {
    return offset + "=" + scope.toConfig();
  }
}
