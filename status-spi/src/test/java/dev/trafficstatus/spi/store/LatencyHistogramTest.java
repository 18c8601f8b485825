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
  void mergingIsCommutativeAndCountsEverything() {
    LatencyHistogram a = LatencyHistogram.of(Duration.ofMillis(1), Duration.ofMillis(5));
    LatencyHistogram b = LatencyHistogram.of(Duration.ofMillis(5), Duration.ofSeconds(3));

    LatencyHistogram merged = a.plus(b);

    assertThat(merged.count()).isEqualTo(4);
    assertThat(merged).isEqualTo(b.plus(a));
    assertThat(merged.percentile(100).orElseThrow().toMillis()).isBetween(2_800L, 3_200L);
  }

  @Test
  void aBuilderMergesHistogramsEncodedOnesAndRecordedLatencies() {
    LatencyHistogram a = LatencyHistogram.of(Duration.ofMillis(1), Duration.ofMillis(5));
    LatencyHistogram b = LatencyHistogram.of(Duration.ofMillis(5), Duration.ofSeconds(3));

    LatencyHistogram built =
        LatencyHistogram.builder().add(a).addEncoded(b.encode()).record(Duration.ofMillis(5), 2).build();

    assertThat(built).isEqualTo(a.plus(b).plus(LatencyHistogram.of(Duration.ofMillis(5), Duration.ofMillis(5))));
    assertThat(built.count()).isEqualTo(6);
  }

  @Test
  void encodingRoundTrips() {
    Random random = new Random(3);
    LatencyHistogram.Builder builder = LatencyHistogram.builder();
    for (int i = 0; i < 500; i++) {
      builder.record(Duration.ofNanos((long) Math.exp(random.nextDouble() * Math.log(1e13))), 1 + random.nextInt(1_000));
    }
    LatencyHistogram histogram = builder.build();

    assertThat(LatencyHistogram.decode(histogram.encode())).isEqualTo(histogram);
    assertThat(LatencyHistogram.decode(LatencyHistogram.empty().encode()))
        .isEqualTo(LatencyHistogram.empty());
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
  void encodingRoundTripsEvenNearTheCountLimit() {
    LatencyHistogram histogram =
        LatencyHistogram.builder()
            .record(Duration.ofDays(400), Long.MAX_VALUE / 4)
            .record(Duration.ofMillis(3), 1_000_000)
            .build();

    assertThat(LatencyHistogram.decode(histogram.encode())).isEqualTo(histogram);
  }

  @Test
  void hugeLatenciesAreKept() {
    assertThat(LatencyHistogram.of(Duration.ofDays(400)).count()).isEqualTo(1);
    assertThat(LatencyHistogram.of(Duration.ofDays(400)).percentile(50).orElseThrow())
        .isGreaterThan(Duration.ofHours(2));
  }
}
