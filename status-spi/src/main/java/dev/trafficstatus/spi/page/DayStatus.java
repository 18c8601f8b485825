package dev.trafficstatus.spi.page;

import dev.trafficstatus.spi.Health;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One square: one route on one UTC calendar day.
 *
 * <p>Requests the route answered inside a maintenance window are counted apart, in {@code
 * maintenanceRequests}, and are not in {@code requests}, {@code successes}, {@code failures} or
 * {@code ignored} unless the host keeps maintenance traffic in the uptime ({@code
 * status.maintenance.excludeFromUptime: false}).
 *
 * @param day the UTC day
 * @param health the day's state; {@link Health#NO_DATA} below the minimum request count; {@link
 *     Health#MAINTENANCE} when the route answered requests inside a maintenance window that day and
 *     too few outside it for a verdict
 * @param requests all requests (outside maintenance windows)
 * @param successes requests classified as successes
 * @param failures requests classified as failures
 * @param ignored requests that count neither way (such as 401 by default): in {@code requests},
 *     but neither a success nor a failure, so {@code requests - failures} is not the successes
 * @param uptimePercent successes / (successes + failures) × 100, or null when there were none
 * @param latency the day's percentiles, or null when there were no requests; maintenance requests
 *     included (latencies cannot be taken apart)
 * @param maintenanceRequests requests answered inside maintenance windows, "during maintenance"
 */
public record DayStatus(
    LocalDate day,
    Health health,
    long requests,
    long successes,
    long failures,
    long ignored,
    Double uptimePercent,
    Latency latency,
    long maintenanceRequests) {

  /** Checks the required parts are present and the counts add up. */
  public DayStatus {
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(health, "health");
    if (successes < 0 || failures < 0 || ignored < 0 || successes + failures + ignored != requests) {
      throw new IllegalArgumentException("bad counts: " + requests + " requests, " + successes
          + " successes, " + failures + " failures, " + ignored + " ignored");
    }
    if (maintenanceRequests < 0) {
      throw new IllegalArgumentException("bad count: " + maintenanceRequests + " maintenance requests");
    }
  }

  /**
   * A day without maintenance: the shape before maintenance requests were shown apart, for
   * renderers' tests and code written against it.
   *
   * @param day the UTC day
   * @param health the day's state
   * @param requests all requests
   * @param successes requests classified as successes
   * @param failures requests classified as failures
   * @param ignored requests that count neither way
   * @param uptimePercent successes / (successes + failures) × 100, or null when there were none
   * @param latency the day's percentiles, or null when there were no requests
   */
  public DayStatus(
      LocalDate day,
      Health health,
      long requests,
      long successes,
      long failures,
      long ignored,
      Double uptimePercent,
      Latency latency) {
    this(day, health, requests, successes, failures, ignored, uptimePercent, latency, 0);
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
    this(day, health, requests, requests - failures, failures, 0, uptimePercent, latency, 0);
  }
}
