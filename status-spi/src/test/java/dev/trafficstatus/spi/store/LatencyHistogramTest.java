package dev.trafficstatus.spi.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

  @Test
  void everyLatencyFallsInsideItsBucket() {
    Random random = new Random(42);
    for (int i = 0; i < 200_000; i++) {
      long micros = (long) Math.exp(random.nextDouble() * Math.log(1e10));
      int bucket = LatencyHistogram.bucketOf(micros);
      long low = LatencyHistogram.lowerBoundMicros(bucket);
      assertThat(micros).isGreaterThanOrEqualTo(low);
      if (bucket < LatencyHistogram.BUCKETS - 1) {
        assertThat(micros).isLessThan(low + LatencyHistogram.widthMicros(bucket));
      }
    }
  }

  @Test
  void bucketsAreContiguous() {
    for (int b = 1; b < LatencyHistogram.BUCKETS; b++) {
      assertThat(LatencyHistogram.lowerBoundMicros(b))
          .isEqualTo(LatencyHistogram.lowerBoundMicros(b - 1) + LatencyHistogram.widthMicros(b - 1));
    }
  }

  @Test
  void percentilesAreWithinTheDocumentedBound() {
    Random random = new Random(7);
    for (int trial = 0; trial < 2_000; trial++) {
      long micros = 1 + (long) Math.exp(random.nextDouble() * Math.log(1e9));
      Duration truth = Duration.ofNanos(micros * 1_000);
      Duration reported = LatencyHistogram.of(truth).percentile(50).orElseThrow();
      assertThat((double) reported.toNanos())
          .isCloseTo(truth.toNanos(), within(truth.toNanos() * 0.0625 + 1));
    }
  }

  @Test
  void percentilesUseNearestRank() {
    Duration[] latencies =
        LongStream.rangeClosed(1, 100).mapToObj(Duration::ofMillis).toArray(Duration[]::new);
    LatencyHistogram histogram = LatencyHistogram.of(latencies);

    assertThat(histogram.percentile(50).orElseThrow().toMillis()).isBetween(47L, 53L);
    assertThat(histogram.percentile(99).orElseThrow().toMillis()).isBetween(93L, 105L);
    assertThat(histogram.percentile(100).orElseThrow().toMillis()).isBetween(94L, 106L);
  }

  @Test
  void emptyHistogramHasNoPercentile() {
    assertThat(LatencyHistogram.empty().percentile(99)).isEmpty();
    assertThat(LatencyHistogram.empty().count()).isZero();
  }

  @Test
  void mergingAddsCountsBucketByBucket() {
    LatencyHistogram a = LatencyHistogram.of(Duration.ofMillis(1), Duration.ofMillis(5));
    LatencyHistogram b = LatencyHistogram.of(Duration.ofMillis(5), Duration.ofSeconds(3));

    LatencyHistogram merged = a.plus(b);

    assertThat(merged.count()).isEqualTo(4);
    assertThat(merged.countAt(LatencyHistogram.bucketOf(5_000))).isEqualTo(2);
    assertThat(merged).isEqualTo(b.plus(a));
  }

  @Test
  void encodingRoundTrips() {
    Random random = new Random(3);
    long[] dense = new long[LatencyHistogram.BUCKETS];
    for (int i = 0; i < 500; i++) {
      dense[random.nextInt(dense.length)] += 1 + random.nextInt(1_000_000);
    }
    dense[LatencyHistogram.BUCKETS - 1] = Long.MAX_VALUE / 4;
    LatencyHistogram histogram = LatencyHistogram.fromCounts(dense);

    assertThat(LatencyHistogram.decode(histogram.encode())).isEqualTo(histogram);
    assertThat(LatencyHistogram.decode(LatencyHistogram.empty().encode()))
        .isEqualTo(LatencyHistogram.empty());
  }

  @Test
  void encodedHistogramsAddStraightIntoADenseArray() {
    LatencyHistogram a = LatencyHistogram.of(Duration.ofMillis(1), Duration.ofMillis(5));
    LatencyHistogram b = LatencyHistogram.of(Duration.ofMillis(5), Duration.ofSeconds(3));
    long[] dense = new long[LatencyHistogram.BUCKETS];

    LatencyHistogram.addEncodedTo(a.encode(), dense);
    LatencyHistogram.addEncodedTo(b.encode(), dense);

    assertThat(LatencyHistogram.fromCounts(dense)).isEqualTo(a.plus(b));
  }

  @Test
  void aTypicalMinuteEncodesInAFewDozenBytes() {
    Random random = new Random(11);
    Duration[] latencies = new Duration[10_000];
    for (int i = 0; i < latencies.length; i++) {
      latencies[i] = Duration.ofNanos(1_000 * (long) (2_000 + random.nextGaussian() * 300));
    }
    assertThat(LatencyHistogram.of(latencies).encode().length).isLessThan(80);
  }

  @Test
  void garbageIsRejectedWithAClearMessage() {
    assertThatThrownBy(() -> LatencyHistogram.decode(new byte[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not an encoded latency histogram");
    assertThatThrownBy(() -> LatencyHistogram.decode(new byte[] {1, 1, (byte) 0xFF}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("truncated");
    assertThatThrownBy(() -> LatencyHistogram.decode(new byte[] {1, 1, 0, 1, 9}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("trailing");
  }

  @Test
  void hugeLatenciesShareTheLastBucket() {
    assertThat(LatencyHistogram.bucketOf(Long.MAX_VALUE)).isEqualTo(LatencyHistogram.BUCKETS - 1);
    assertThat(LatencyHistogram.of(Duration.ofDays(400)).count()).isEqualTo(1);
    assertThat(LatencyHistogram.bucketOf(-5)).isZero();
  }
}
