package dev.trafficstatus.spi.page;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One square: one route on one UTC calendar day.
 *
 * @param day the UTC day
 * @param health the day's state; {@link Health#NO_DATA} below the minimum request count
 * @param requests all requests
 * @param failures requests classified as failures
 * @param uptimePercent successes / (successes + failures) × 100, or null when there were none
 * @param latency the day's percentiles, or null when there were no requests
 */
public record DayStatus(
    LocalDate day,
    Health health,
    long requests,
    long failures,
    Double uptimePercent,
    Latency latency) {

  /** Checks the required parts are present. */
  public DayStatus {
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(health, "health");
    if (requests < 0 || failures < 0 || failures > requests) {
      throw new IllegalArgumentException("bad counts: " + requests + " requests, " + failures + " failures");
    }
  }
}
