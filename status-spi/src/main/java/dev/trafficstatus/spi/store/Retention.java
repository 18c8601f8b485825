package dev.trafficstatus.spi.store;

import dev.trafficstatus.spi.InvalidSettingException;
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
      throw new InvalidSettingException(
          "minutes", "must be at least 2d (yesterday is rolled up from them), got "
              + InvalidSettingException.text(minutes));
    }
    if (days.compareTo(minutes) < 0) {
      throw new InvalidSettingException(
          "days", "must be at least as long as minutes ("
              + InvalidSettingException.text(minutes) + "), got " + InvalidSettingException.text(days));
    }
  }

  /** The defaults: minutes for 7 days, days for 400 days. */
  public static Retention defaults() {
    return new Retention(Duration.ofDays(7), Duration.ofDays(400));
  }
}
