package dev.trafficstatus.spi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficstatus.spi.store.LatencyHistogram;
import java.time.Duration;
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
  void bucketsAreContiguous() {
    for (int b = 1; b < LatencyBuckets.COUNT; b++) {
      assertThat(LatencyBuckets.lowerBoundMicros(b))
          .isEqualTo(LatencyBuckets.lowerBoundMicros(b - 1) + LatencyBuckets.widthMicros(b - 1));
    }
  }

  @Test
  void hugeAndNegativeLatenciesLandInTheEndBuckets() {
    assertThat(LatencyBuckets.indexOf(Long.MAX_VALUE)).isEqualTo(LatencyBuckets.COUNT - 1);
    assertThat(LatencyBuckets.indexOf(-5)).isZero();
  }

  @Test
  void mergingAddsCountsBucketByBucket() {
    LatencyHistogram a = LatencyHistogram.of(Duration.ofMillis(1), Duration.ofMillis(5));
    LatencyHistogram b = LatencyHistogram.of(Duration.ofMillis(5), Duration.ofSeconds(3));

    BucketHistogram merged = BucketHistogram.of(a.plus(b));

    assertThat(merged.count()).isEqualTo(4);
    assertThat(merged.countAt(LatencyBuckets.indexOf(5_000))).isEqualTo(2);
  }

  @Test
  void encodingRoundTripsEvenNearTheCountLimit() {
    Random random = new Random(3);
    long[] dense = new long[LatencyBuckets.COUNT];
    for (int i = 0; i < 500; i++) {
      dense[random.nextInt(dense.length)] += 1 + random.nextInt(1_000_000);
    }
    dense[LatencyBuckets.COUNT - 1] = Long.MAX_VALUE / 4;
    BucketHistogram histogram = BucketHistogram.fromCounts(dense);

    assertThat(BucketHistogram.decode(histogram.encode())).isEqualTo(histogram);
  }

  @Test
  void encodedHistogramsAddStraightIntoADenseArray() {
    LatencyHistogram a = LatencyHistogram.of(Duration.ofMillis(1), Duration.ofMillis(5));
    LatencyHistogram b = LatencyHistogram.of(Duration.ofMillis(5), Duration.ofSeconds(3));
    long[] dense = new long[LatencyBuckets.COUNT];

    BucketHistogram.addEncodedTo(a.encode(), dense);
    BucketHistogram.addEncodedTo(b.encode(), dense);

    assertThat(BucketHistogram.fromCounts(dense)).isEqualTo(a.plus(b));
  }
}
