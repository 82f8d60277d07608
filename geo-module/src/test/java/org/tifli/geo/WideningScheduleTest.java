package org.tifli.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WideningScheduleTest {

  private static final Instant APPROVED = Instant.parse("2025-03-01T10:00:00Z");
  private static final WideningSchedule DEFAULT = WideningSchedule.productDefault();

  @Test
  void theProductDefaultHasFourStages() {
    assertThat(DEFAULT.stages())
        .containsExactly(
            new WideningStage(Duration.ZERO, new StageScope.Radius(20)),
            new WideningStage(Duration.ofHours(2), new StageScope.Radius(160)),
            new WideningStage(Duration.ofHours(6), new StageScope.Regions()),
            new WideningStage(Duration.ofHours(24), new StageScope.National()));
  }

  @Test
  void readsBackItsOwnConfiguration() {
    WideningSchedule schedule =
        WideningSchedule.parse("PT0S=radius:7.5; PT90M=radius:50 ;P1D=national");

    assertThat(schedule.toConfig()).isEqualTo("PT0S=radius:7.5;PT1H30M=radius:50;PT24H=national");
    assertThat(WideningSchedule.parse(schedule.toConfig())).isEqualTo(schedule);
  }

  @Test
  void toleratesBlanksCaseAndATrailingSeparator() {
    assertThat(WideningSchedule.parse(" pt0h = RADIUS:20 ; PT6H=Regions ; "))
        .isEqualTo(
            WideningSchedule.of(
                List.of(
                    new WideningStage(Duration.ZERO, new StageScope.Radius(20)),
                    new WideningStage(Duration.ofHours(6), new StageScope.Regions()))));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "'' | empty",
        "PT0H | expected OFFSET=SCOPE",
        "2h=radius:20 | not an ISO-8601 duration",
        "-PT1H=national | negative",
        "PT0H=county | scope must be radius:KM, regions or national",
        "PT0H=radius:0 | not a positive number",
        "PT0H=radius:abc | not a positive number",
        "PT0H=radius:-5 | not a positive number",
        "PT2H=regions;PT1H=national | offsets must increase",
        "PT2H=regions;PT2H=national | offsets must increase"
      })
  void rejectsMalformedConfiguration(String config, String problem) {
    ScheduleFormatException e =
        assertThrows(ScheduleFormatException.class, () -> WideningSchedule.parse(config));
    assertThat(e).hasMessageContaining(problem);
  }

  @Test
  void theFirstStageIsDueAtApproval() {
    assertThat(DEFAULT.dueStage(APPROVED, 0, APPROVED)).hasValue(0);
    assertThat(DEFAULT.dueStage(APPROVED, 0, APPROVED.minusSeconds(1))).isEmpty();
  }

  @Test
  void nothingIsDueBetweenStages() {
    assertThat(DEFAULT.dueStage(APPROVED, 1, APPROVED.plus(Duration.ofMinutes(119)))).isEmpty();
    assertThat(DEFAULT.dueStage(APPROVED, 1, APPROVED.plus(Duration.ofHours(2)))).hasValue(1);
  }

  @Test
  void onlyTheLatestOfSeveralOverdueStagesIsDue() {
    assertThat(DEFAULT.dueStage(APPROVED, 1, APPROVED.plus(Duration.ofHours(7)))).hasValue(2);
    assertThat(DEFAULT.dueStage(APPROVED, 0, APPROVED.plus(Duration.ofDays(3)))).hasValue(3);
  }

  @Test
  void nothingIsDueOnceEveryStageIsDone() {
    assertThat(DEFAULT.dueStage(APPROVED, 4, APPROVED.plus(Duration.ofDays(3)))).isEmpty();
    assertThat(DEFAULT.nextStage(4)).isEmpty();
    assertThat(DEFAULT.nextDueAt(APPROVED, 4)).isEmpty();
  }

  @Test
  void widenNowTakesTheNextStageWhateverTheTime() {
    assertThat(DEFAULT.nextStage(1)).hasValue(1);
    assertThat(DEFAULT.nextDueAt(APPROVED, 1)).contains(APPROVED.plus(Duration.ofHours(2)));
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 5})
  void rejectsImpossibleProgress(int stagesDone) {
    assertThrows(
        IllegalArgumentException.class, () -> DEFAULT.dueStage(APPROVED, stagesDone, APPROVED));
  }

  @Test
  void rejectsAStageBeforeApproval() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new WideningStage(Duration.ofHours(-1), new StageScope.National()));
  }
}
