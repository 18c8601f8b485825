package dev.trafficstatus.spi.page;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One square: one route on one UTC calendar day.
 *
 * @param day the UTC day
 * @param health the day's state; {@link Health#NO_DATA} below the minimum request count
 * @param requests all requests
 * @param successes requests classified as successes
 * @param failures requests classified as failures
 * @param ignored requests that count neither way (such as 401 by default): in {@code requests},
 *     but neither a success nor a failure, so {@code requests - failures} is not the successes
 * @param uptimePercent successes / (successes + failures) × 100, or null when there were none
 * @param latency the day's percentiles, or null when there were no requests
 */
public record DayStatus(
    LocalDate day,
    Health health,
    long requests,
    long successes,
    long failures,
    long ignored,
    Double uptimePercent,
    Latency latency) {

  /** Checks the required parts are present and the counts add up. */
  public DayStatus {
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(health, "health");
    if (successes < 0 || failures < 0 || ignored < 0 || successes + failures + ignored != requests) {
      throw new IllegalArgumentException("bad counts: " + requests + " requests, " + successes
          + " successes, " + failures + " failures, " + ignored + " ignored");
    }
  }

  /**
   * A day whose requests were all successes or failures, none ignored: the shape before ignored
   * requests were shown apart, for renderers' tests and code written against it.
   *
   * @param day the UTC day
   * @param health the day's state
   * @param requests all requests, each a success or a failure
   * @param failures requests classified as failures
   * @param uptimePercent successes / (successes + failures) × 100, or null when there were none
   * @param latency the day's percentiles, or null when there were no requests
   */
  public DayStatus(
      LocalDate day, Health health, long requests, long failures, Double uptimePercent, Latency latency) {
    this(day, health, requests, requests - failures, failures, 0, uptimePercent, latency);
  }
}
