package dev.trafficstatus.spi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LatencyBucketsTest {

  @Test
  void everyLatencyFallsInsideItsBucket() {
    Random random = new Random(42);
    for (int i = 0; i < 200_000; i++) {
      long micros = (long) Math.exp(random.nextDouble() * Math.log(1e10));
      int bucket = LatencyBuckets.indexOf(micros);
      long low = LatencyBuckets.lowerBoundMicros(bucket);
      assertThat(micros).isGreaterThanOrEqualTo(low);
      if (bucket < LatencyBuckets.COUNT - 1) {
        assertThat(micros).isLessThan(low + LatencyBuckets.widthMicros(bucket));
      }
    }
  }

  @Test
  void bucketsAreContiguousAndEachLowerBoundFallsInItsOwnBucket() {
    for (int b = 1; b < LatencyBuckets.COUNT; b++) {
      assertThat(LatencyBuckets.lowerBoundMicros(b))
          .isEqualTo(LatencyBuckets.lowerBoundMicros(b - 1) + LatencyBuckets.widthMicros(b - 1));
    }
    for (int b = 0; b < LatencyBuckets.COUNT; b++) {
      assertThat(LatencyBuckets.indexOf(LatencyBuckets.lowerBoundMicros(b))).isEqualTo(b);
    }
  }

  @Test
  void hugeAndNegativeLatenciesLandInTheEndBuckets() {
    assertThat(LatencyBuckets.indexOf(Long.MAX_VALUE)).isEqualTo(LatencyBuckets.COUNT - 1);
    assertThat(LatencyBuckets.indexOf(-5)).isZero();
  }
}
