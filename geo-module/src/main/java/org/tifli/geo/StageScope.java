package org.tifli.geo;

import java.math.BigDecimal;

/**
 * How far a widening stage reaches. Every scope also includes the provinces of the likely places
 * recorded at intake.
 *
 * <ul>
 *   <li>{@link Radius}: the provinces within a ground distance of the last-seen point;
 *   <li>{@link Regions}: every province of the regions of the last-seen point and likely places;
 *   <li>{@link National}: every province of the country.
 * </ul>
 */
public sealed interface StageScope {

  /** This scope in the configuration syntax of {@link WideningSchedule#parse(String)}. */
  String toConfig();

  /**
   * Provinces that some part of lies within {@code km} of the last-seen point.
   *
   * @param km positive, finite ground distance in kilometres
   */
  record Radius(double km) implements StageScope {
    public Radius {
      if (!(km > 0) || Double.isInfinite(km)) {
        throw new IllegalArgumentException("radius must be a positive number of km, was " + km);
      }
    }

    @Override
    public String toConfig() {
      return "radius:" + BigDecimal.valueOf(km).stripTrailingZeros().toPlainString();
    }
  }

  /** Whole regions: those of the last-seen point and of the likely places. */
  record Regions() implements StageScope {
    @Override
    public String toConfig() {
      return "regions";
    }
  }

  /** The whole country. */
  record National() implements StageScope {
    @Override
    public String toConfig() {
      return "national";
    }
  }
}
