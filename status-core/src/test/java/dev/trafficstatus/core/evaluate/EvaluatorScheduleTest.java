package dev.trafficstatus.core.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class EvaluatorScheduleTest {

  private static long at(String instant) {
    return Instant.parse(instant).toEpochMilli();
  }

  @Test
  void itRunsTwentySecondsPastEachMinuteAfterTheFlushes() {
    assertThat(Evaluator.untilNextPhase(at("2026-03-01T10:00:00Z"))).isEqualTo(20_000);
    assertThat(Evaluator.untilNextPhase(at("2026-03-01T10:00:19.999Z"))).isEqualTo(1);
    assertThat(Evaluator.untilNextPhase(at("2026-03-01T10:00:20Z"))).isEqualTo(60_000);
    assertThat(Evaluator.untilNextPhase(at("2026-03-01T10:00:45Z"))).isEqualTo(35_000);
  }
}
