package dev.trafficstatus.views.mustache;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FiguresTest {

  @Test
  void uptimeIsFlooredToTwoDecimals() {
    assertThat(Figures.uptime(99.999, 1)).isEqualTo("99.99 %");
    assertThat(Figures.uptime(99.95, 5)).isEqualTo("99.95 %");
    assertThat(Figures.uptime(99.9549, 5)).isEqualTo("99.95 %");
    assertThat(Figures.uptime(100.0 * 1999 / 2000, 1)).isEqualTo("99.95 %");
    assertThat(Figures.uptime(25.0, 3)).isEqualTo("25.00 %");
    assertThat(Figures.uptime(0.0, 7)).isEqualTo("0.00 %");
  }

  @Test
  void uptimeReadsAsTheFlooredDecimalOfTheDoubleForAnyCounts() {
    SplittableRandom random = new SplittableRandom(5);
    for (int i = 0; i < 200_000; i++) {
      long failures = 1 + random.nextLong(i % 2 == 0 ? 100 : 1_000_000);
      long successes = random.nextLong(i % 3 == 0 ? 10_000 : 10_000_000_000L);
      double percent = 100.0 * successes / (successes + failures);
      String expected = BigDecimal.valueOf(percent).setScale(2, RoundingMode.FLOOR).toPlainString();
      if (!expected.equals("100.00")) {
        assertThat(Figures.uptime(percent, failures)).as("%d/%d", successes, failures)
            .isEqualTo(expected + " %");
      }
    }
  }

  @Test
  void uptimeWithAnyFailureNeverReadsAHundred() {
    assertThat(Figures.uptime(100.0 * 999_999 / 1_000_000, 1)).isEqualTo("99.99 %");
    // A count so large that the division itself rounds to 100.0.
    long successes = 1L << 60;
    assertThat(Figures.uptime(100.0 * successes / (successes + 1), 1)).isEqualTo("99.99 %");
    assertThat(Figures.uptime(100.0, 0)).isEqualTo("100 %");
  }

  @Test
  void latencyUsesTheLargestUnitThatKeepsItReadable() {
    assertThat(Figures.latency(Duration.ofNanos(500))).isEqualTo("< 1 µs");
    assertThat(Figures.latency(Duration.ofNanos(7_000))).isEqualTo("7 µs");
    assertThat(Figures.latency(Duration.ofNanos(850_000))).isEqualTo("850 µs");
    assertThat(Figures.latency(Duration.ofNanos(999_900))).isEqualTo("1 ms");
    assertThat(Figures.latency(Duration.ofNanos(12_345_678))).isEqualTo("12.3 ms");
    assertThat(Figures.latency(Duration.ofMillis(120))).isEqualTo("120 ms");
    assertThat(Figures.latency(Duration.ofMillis(1_500))).isEqualTo("1.5 s");
    assertThat(Figures.latency(Duration.ofSeconds(42))).isEqualTo("42 s");
    assertThat(Figures.latency(Duration.ofHours(2))).isEqualTo("7,200 s");
  }

  @Test
  void latencyHasThreeSignificantDigitsRoundedHalfUpForAnyDuration() {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 200_000; i++) {
      long nanos = (long) Math.pow(10, 3 + random.nextDouble() * 9);
      assertThat(Figures.latency(Duration.ofNanos(nanos))).as("%d ns", nanos).isEqualTo(reference(nanos));
    }
  }

  /** The obvious, slow way: BigDecimal with three significant digits, next unit at 1000. */
  private static String reference(long nanos) {
    String[] names = {"µs", "ms", "s"};
    int unit = nanos < 1_000_000 ? 0 : nanos < 1_000_000_000 ? 1 : 2;
    while (true) {
      BigDecimal value = BigDecimal.valueOf(nanos)
          .divide(BigDecimal.TEN.pow(3 * (unit + 1)), new MathContext(3, RoundingMode.HALF_UP));
      if (value.compareTo(BigDecimal.valueOf(1_000)) >= 0 && unit < 2) {
        unit++;
        continue;
      }
      return value.stripTrailingZeros().toPlainString() + " " + names[unit];
    }
  }

  @Test
  void countsHaveThousandsSeparatorsAndTheRightNoun() {
    assertThat(Figures.counted(12_345, "request")).isEqualTo("12,345 requests");
    assertThat(Figures.counted(1, "failure")).isEqualTo("1 failure");
    assertThat(Figures.counted(0, "failure")).isEqualTo("0 failures");
    assertThat(Figures.counted(1, "success")).isEqualTo("1 success");
    assertThat(Figures.counted(2_000, "success")).isEqualTo("2,000 successes");
    assertThat(Figures.count(999)).isEqualTo("999");
    assertThat(Figures.count(1_000)).isEqualTo("1,000");
    assertThat(Figures.count(123_456_789)).isEqualTo("123,456,789");
    assertThat(Figures.count(-1_234)).isEqualTo("-1,234");
    assertThat(Figures.count(Long.MAX_VALUE)).isEqualTo(String.format(Locale.ROOT, "%,d", Long.MAX_VALUE));
  }

  @Test
  void timesShowTheirZone() {
    Instant winter = Instant.parse("2025-01-05T14:03:07Z");
    Instant summer = Instant.parse("2025-07-05T14:03:07Z");
    assertThat(Figures.dateTime(winter, ZoneId.of("Europe/Berlin")))
        .isEqualTo("2025-01-05 15:03:07 CET (Europe/Berlin)");
    assertThat(Figures.dateTime(summer, ZoneId.of("Europe/Berlin")))
        .isEqualTo("2025-07-05 16:03:07 CEST (Europe/Berlin)");
    assertThat(Figures.dateTime(winter, ZoneOffset.UTC)).isEqualTo("2025-01-05 14:03:07 UTC");
    assertThat(Figures.dateTime(winter, ZoneId.of("Etc/UTC"))).isEqualTo("2025-01-05 14:03:07 UTC");
    assertThat(Figures.dateTime(winter, ZoneOffset.ofHours(2))).isEqualTo("2025-01-05 16:03:07 +02:00");
  }
}
