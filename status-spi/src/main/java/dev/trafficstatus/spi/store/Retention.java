package dev.trafficstatus.spi.store;

import java.time.Duration;
import java.util.Objects;

/**
 * How long rows are kept.
 *
 * @param minutes how long minute buckets are kept, at least two days so yesterday can be rolled up
 * @param days how long day rollups are kept
 */
public record Retention(Duration minutes, Duration days) {

  /** Checks the minute retention covers the day being rolled up and days outlive minutes. */
  public Retention {
    Objects.requireNonNull(minutes, "minutes");
    Objects.requireNonNull(days, "days");
    if (minutes.compareTo(Duration.ofDays(2)) < 0) {
      throw new IllegalArgumentException("minute rows must be kept at least 2 days, got " + minutes);
    }
    if (days.compareTo(minutes) < 0) {
      throw new IllegalArgumentException(
          "day rows (" + days + ") must be kept at least as long as minute rows (" + minutes + ")");
    }
  }

  /** The defaults of DESIGN.md: minutes for 7 days, days for 400 days. */
  public static Retention defaults() {
    return new Retention(Duration.ofDays(7), Duration.ofDays(400));
  }
}
