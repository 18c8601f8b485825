package dev.trafficstatus.core.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trafficstatus.core.evaluate.WindowRule.Occurrence;
import dev.trafficstatus.spi.InvalidSettingException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WindowRuleTest {

  private static Occurrence run(String start, String end) {
    return new Occurrence(Instant.parse(start), Instant.parse(end));
  }

  @Test
  void theShortAndTheSpokenFormsReadAlike() {
    WindowRule shortForm = WindowRule.parse("SUN 02:00-03:00");
    WindowRule spoken = WindowRule.parse("every Sunday 02:00–03:00 UTC");
    WindowRule plural = WindowRule.parse("sundays 2:00 - 3:00");

    for (WindowRule rule : List.of(shortForm, spoken, plural)) {
      assertThat(rule.days()).containsExactly(DayOfWeek.SUNDAY);
      assertThat(rule.start()).isEqualTo(LocalTime.of(2, 0));
      assertThat(rule.length()).isEqualTo(Duration.ofHours(1));
    }
  }

  @Test
  void daysMayBeListsRangesOrDaily() {
    assertThat(WindowRule.parse("MON-FRI 12:00-12:15").days())
        .containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
    assertThat(WindowRule.parse("sat, sun 01:00-02:00").days())
        .isEqualTo(Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
    assertThat(WindowRule.parse("FRI-MON 01:00-02:00").days())
        .isEqualTo(Set.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY, DayOfWeek.SUNDAY, DayOfWeek.MONDAY));
    assertThat(WindowRule.parse("daily 04:00-04:10").days()).hasSize(7);
    assertThat(WindowRule.parse("04:00-04:10").days()).hasSize(7);
    assertThat(WindowRule.parse("daily 00:00-24:00").length()).isEqualTo(Duration.ofDays(1));
  }

  @Test
  void refusalsSayWhatIsWrong() {
    assertThatThrownBy(() -> WindowRule.parse("SUN 02:00-02:00")).hasMessageContaining("end after it starts");
    assertThatThrownBy(() -> WindowRule.parse("SUN 02:00-03:00 Europe/Paris"))
        .hasMessageContaining("in UTC");
    assertThatThrownBy(() -> WindowRule.parse("SOMEDAY 02:00-03:00")).hasMessageContaining("MON to SUN");
    assertThatThrownBy(() -> WindowRule.parse("SUN 25:00-26:00")).hasMessageContaining("00:00 to 23:59");
    assertThatThrownBy(() -> WindowRule.parse("0 2 * * 0")).hasMessageContaining("SUN 02:00-03:00");
  }

  @Test
  void aWindowAcrossMidnightEndsTheNextDay() {
    WindowRule rule = WindowRule.parse("SAT 23:30-00:30");

    assertThat(rule.length()).isEqualTo(Duration.ofHours(1));
    assertThat(rule.occurrences(Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-03-15T00:00:00Z")))
        .containsExactly(
            // The run of Saturday the 28th is still running at midnight.
            run("2026-02-28T23:30:00Z", "2026-03-01T00:30:00Z"),
            run("2026-03-07T23:30:00Z", "2026-03-08T00:30:00Z"),
            run("2026-03-14T23:30:00Z", "2026-03-15T00:30:00Z"));
  }

  @Test
  void runsOverlappingTheRangeAreFoundIncludingOneAlreadyRunning() {
    WindowRule rule = WindowRule.parse("daily 02:00-03:00");

    assertThat(rule.occurrences(Instant.parse("2026-03-01T02:30:00Z"), Instant.parse("2026-03-02T02:00:00Z")))
        .containsExactly(run("2026-03-01T02:00:00Z", "2026-03-01T03:00:00Z"));
  }

  @Test
  void daylightSavingTimeDoesNotMoveAUtcWindow() {
    // Europe and the US change their clocks on these Sundays; the window stays at 02:00 UTC.
    WindowRule rule = WindowRule.parse("SUN 02:00-03:00");

    assertThat(rule.occurrences(Instant.parse("2026-03-07T00:00:00Z"), Instant.parse("2026-04-01T00:00:00Z")))
        .extracting(o -> o.start().toString())
        .containsExactly("2026-03-08T02:00:00Z", "2026-03-15T02:00:00Z", "2026-03-22T02:00:00Z",
            "2026-03-29T02:00:00Z");
  }

  @Test
  void aRecurringWindowMayLastAtMostMaxDuration() {
    RecurringWindow long_ = new RecurringWindow("Long", List.of(), WindowRule.parse("SUN 00:00-06:00"), "");

    assertThatThrownBy(() -> new MaintenanceWindowSettings(Duration.ofHours(4), List.of(long_), true))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessage("windows 'Long' lasts 6h, longer than maxDuration (4h)");
    assertThatThrownBy(() -> new MaintenanceWindowSettings(Duration.ofDays(1), List.of(long_, long_), true))
        .hasMessageContaining("distinct names");
  }
}
