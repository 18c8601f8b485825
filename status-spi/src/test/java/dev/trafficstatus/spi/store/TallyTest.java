package dev.trafficstatus.spi.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TallyTest {

  private static Tally tally(long success, long failure, long ignored, Duration... latencies) {
    Duration max = Duration.ZERO;
    for (Duration d : latencies) {
      max = d.compareTo(max) > 0 ? d : max;
    }
    return new Tally(
        success + failure + ignored, success, failure, ignored, max, LatencyHistogram.of(latencies));
  }

  @Test
  void tallyOfDisjointRequestsAddUp() {
    Tally a = tally(1, 1, 0, Duration.ofMillis(3), Duration.ofMillis(9));
    Tally b = tally(0, 0, 1, Duration.ofMillis(20));

    Tally sum = a.plus(b);

    assertThat(sum.total()).isEqualTo(3);
    assertThat(sum.success()).isEqualTo(1);
    assertThat(sum.failure()).isEqualTo(1);
    assertThat(sum.ignored()).isEqualTo(1);
    assertThat(sum.maxLatency()).isEqualTo(Duration.ofMillis(20));
    assertThat(sum.latency().count()).isEqualTo(3);
    assertThat(Tally.empty().plus(a)).isEqualTo(a);
  }

  @Test
  void inconsistentCountsAreRejected() {
    assertThatThrownBy(
            () -> new Tally(3, 1, 1, 0, Duration.ZERO, LatencyHistogram.of(Duration.ZERO)))
        .hasMessageContaining("total 3 != success 1 + failure 1 + ignored 0");
    assertThatThrownBy(() -> new Tally(1, 1, 0, 0, Duration.ZERO, LatencyHistogram.empty()))
        .hasMessageContaining("histogram holds 0 latencies for 1 requests");
  }
}
