package org.tifli.geo;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * When an approved alert widens, and how far: an ordered list of {@link WideningStage}s.
 *
 * <p>Invariants: at least one stage; offsets are strictly increasing. Immutable.
 *
 * <p><b>Configuration syntax</b> ({@link #parse(String)}): stages separated by {@code ;}, each
 * {@code OFFSET=SCOPE}, where
 *
 * <ul>
 *   <li>{@code OFFSET} is an ISO-8601 duration after approval as read by {@link Duration#parse}:
 *       {@code PT0H}, {@code PT90M}, {@code PT2H}, {@code P1D};
 *   <li>{@code SCOPE} is {@code radius:KM} (provinces within KM ground kilometres of the last-seen
 *       point, a positive decimal such as {@code 20} or {@code 7.5}), {@code regions} (the whole
 *       regions of the last-seen point and likely places) or {@code national}.
 * </ul>
 *
 * <p>Blanks around the separators are ignored and keywords are case-insensitive. The product
 * default is {@value #PRODUCT_DEFAULT}.
 *
 * <p><b>Progress</b> is counted as {@code stagesDone}: the number of leading stages already carried
 * out or passed over, which is also the index of the next stage. When several stages are overdue
 * (the alert was held, or the server was down), only the latest is due: it covers the others, since
 * a stage's zone includes every earlier one (see {@link TargetZones}). Holding an alert is the
 * caller not acting on a due stage; widening early is acting on {@link #nextStage(int)}.
 */
public final class WideningSchedule {

  /** The product's default schedule: 20 km, 160 km at +2 h, regions at +6 h, national at +24 h. */
  public static final String PRODUCT_DEFAULT =
      "PT0H=radius:20;PT2H=radius:160;PT6H=regions;PT24H=national";

  private static final WideningSchedule DEFAULT = parse(PRODUCT_DEFAULT);

  private final List<WideningStage> stages;

  private WideningSchedule(List<WideningStage> stages) {
    if (stages.isEmpty()) {
      throw new IllegalArgumentException("a widening schedule needs at least one stage");
    }
    for (int i = 1; i < stages.size(); i++) {
      if (stages.get(i).offset().compareTo(stages.get(i - 1).offset()) <= 0) {
        throw new IllegalArgumentException(
            "stage offsets must increase: "
                + stages.get(i).toConfig()
                + " comes after "
                + stages.get(i - 1).toConfig());
      }
    }
    this.stages = List.copyOf(stages);
  }

  /**
   * A schedule of the given stages, in order.
   *
   * @throws IllegalArgumentException if there are none or their offsets do not strictly increase
   */
  public static WideningSchedule of(List<WideningStage> stages) {
    return new WideningSchedule(stages);
  }

  /** The product default, {@value #PRODUCT_DEFAULT}. */
  public static WideningSchedule productDefault() {
    return DEFAULT;
  }

  /**
   * Reads a schedule in the configuration syntax described on this class.
   *
   * @throws ScheduleFormatException naming the offending stage if the text does not follow it
   */
  public static WideningSchedule parse(String config) {
    if (config == null || config.isBlank()) {
      throw new ScheduleFormatException("the widening schedule is empty");
    }
    List<WideningStage> stages = new ArrayList<>();
    for (String part : config.split(";")) {
      if (!part.isBlank()) {
        stages.add(parseStage(part.strip()));
      }
    }
    try {
      return new WideningSchedule(stages);
    } catch (IllegalArgumentException e) {
      throw new ScheduleFormatException("widening schedule '" + config + "': " + e.getMessage(), e);
    }
  }

  private static WideningStage parseStage(String stage) {
    int equals = stage.indexOf('=');
    if (equals < 0) {
      throw new ScheduleFormatException("stage '" + stage + "': expected OFFSET=SCOPE");
    }
    String offsetText = stage.substring(0, equals).strip();
    String scopeText = stage.substring(equals + 1).strip().toLowerCase(Locale.ROOT);
    Duration offset;
    try {
      offset = Duration.parse(offsetText);
    } catch (DateTimeParseException e) {
      throw new ScheduleFormatException(
          "stage '" + stage + "': offset '" + offsetText + "' is not an ISO-8601 duration", e);
    }
    if (offset.isNegative()) {
      throw new ScheduleFormatException("stage '" + stage + "': offset is negative");
    }
    return new WideningStage(offset, parseScope(stage, scopeText));
  }

  private static StageScope parseScope(String stage, String scope) {
    if (scope.equals("regions")) {
      return new StageScope.Regions();
    }
    if (scope.equals("national")) {
      return new StageScope.National();
    }
    if (scope.startsWith("radius:")) {
      String km = scope.substring("radius:".length()).strip();
      try {
        return new StageScope.Radius(Double.parseDouble(km));
      } catch (IllegalArgumentException e) {
        throw new ScheduleFormatException(
            "stage '" + stage + "': radius '" + km + "' is not a positive number of km", e);
      }
    }
    throw new ScheduleFormatException(
        "stage '" + stage + "': scope must be radius:KM, regions or national");
  }

  /** The stages, in order of their offsets. */
  public List<WideningStage> stages() {
    return stages;
  }

  /**
   * The stage to carry out now: the latest stage not yet done whose time has come.
   *
   * @param approvedAt when the alert was approved
   * @param stagesDone stages already carried out or passed over, from 0 to the number of stages
   * @param now the current time
   * @return its index in {@link #stages()}, or empty if nothing is due
   */
  public OptionalInt dueStage(Instant approvedAt, int stagesDone, Instant now) {
    checkProgress(stagesDone);
    int due = -1;
    for (int i = stagesDone; i < stages.size(); i++) {
      if (!approvedAt.plus(stages.get(i).offset()).isAfter(now)) {
        due = i;
      }
    }
    return due < 0 ? OptionalInt.empty() : OptionalInt.of(due);
  }

  /** The stage a supervisor's "widen now" carries out: the next one, if any is left. */
  public OptionalInt nextStage(int stagesDone) {
    checkProgress(stagesDone);
    return stagesDone < stages.size() ? OptionalInt.of(stagesDone) : OptionalInt.empty();
  }

  /** When the next stage falls due, or empty if every stage is done. */
  public Optional<Instant> nextDueAt(Instant approvedAt, int stagesDone) {
    return nextStage(stagesDone).stream()
        .mapToObj(i -> approvedAt.plus(stages.get(i).offset()))
        .findFirst();
  }

  private void checkProgress(int stagesDone) {
    if (stagesDone < 0 || stagesDone > stages.size()) {
      throw new IllegalArgumentException(
          "stagesDone must be between 0 and " + stages.size() + ", was " + stagesDone);
    }
  }

  /** This schedule in the configuration syntax; {@link #parse(String)} reads it back. */
  public String toConfig() {
    return stages.stream().map(WideningStage::toConfig).collect(Collectors.joining(";"));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof WideningSchedule schedule && schedule.stages.equals(stages);
  }

  @Override
  public int hashCode() {
    return stages.hashCode();
  }

  @Override
  public String toString() {
    return toConfig();
  }
}
