package dev.trafficstatus.capture.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Durations as config.yml writes them. */
class DurationTextTest {

  @Test
  void aNumberAndAUnitOrIso8601AreDurations() {
    assertThat(DurationText.parse("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(DurationText.parse("30s")).isEqualTo(Duration.ofSeconds(30));
    assertThat(DurationText.parse("30 seconds")).isEqualTo(Duration.ofSeconds(30));
    assertThat(DurationText.parse("2m")).isEqualTo(Duration.ofMinutes(2));
    assertThat(DurationText.parse("1h")).isEqualTo(Duration.ofHours(1));
    assertThat(DurationText.parse("1d")).isEqualTo(Duration.ofDays(1));
    assertThat(DurationText.parse("PT1M30S")).isEqualTo(Duration.ofSeconds(90));
    assertThat(DurationText.parse("pt0.5s")).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void anythingElseSaysWhatIsAccepted() {
    for (String bad : new String[] {"30", "", "-5s", "5 fortnights", "1.5s", "PT-1S", "s"}) {
      assertThatThrownBy(() -> DurationText.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("such as 30s or 500ms, or ISO-8601 such as PT30S");
    }
  }

  @Test
  void durationsAreWrittenTheShortWay() {
    assertThat(DurationText.format(Duration.ofSeconds(30))).isEqualTo("30s");
    assertThat(DurationText.format(Duration.ofSeconds(90))).isEqualTo("1m30s");
    assertThat(DurationText.format(Duration.ofMillis(250))).isEqualTo("250ms");
    assertThat(DurationText.format(Duration.ofDays(1))).isEqualTo("1d");
  }
}
