package dev.trafficstatus.spi.store;

import java.time.Duration;
import java.util.Objects;

/**
 * Counts and latencies of some requests; tallies of disjoint sets of requests add up with
 * {@link #plus(Tally)}.
 *
 * <p>Every request is exactly one of success, failure or ignored, so
 * {@code total == success + failure + ignored}, and every request's latency is in the histogram.
 *
 * @param total all requests
 * @param success requests classified as successes
 * @param failure requests classified as failures
 * @param ignored requests that count neither way (such as 401 by default)
 * @param maxLatency the slowest request's latency, zero when there were none
 * @param latency the latency histogram, whose count equals {@code total}
 */
public record Tally(
    long total,
    long success,
    long failure,
    long ignored,
    Duration maxLatency,
    LatencyHistogram latency) {

  private static final Tally EMPTY = new Tally(0, 0, 0, 0, Duration.ZERO, LatencyHistogram.empty());

  /** Checks the counts are consistent. */
  public Tally {
    Objects.requireNonNull(maxLatency, "maxLatency");
    Objects.requireNonNull(latency, "latency");
    if (success < 0 || failure < 0 || ignored < 0) {
      throw new IllegalArgumentException("counts must not be negative");
    }
    if (total != success + failure + ignored) {
      throw new IllegalArgumentException(
          "total " + total + " != success " + success + " + failure " + failure
              + " + ignored " + ignored);
    }
    if (latency.count() != total) {
      throw new IllegalArgumentException(
          "histogram holds " + latency.count() + " latencies for " + total + " requests");
    }
    if (maxLatency.isNegative()) {
      throw new IllegalArgumentException("maxLatency must not be negative");
    }
  }

  /**
   * The tally of no requests.
   *
   * @return the empty tally
   */
  public static Tally empty() {
    return EMPTY;
  }

  /**
   * Adds another tally of different requests.
   *
   * @param other the other tally
   * @return the sum
   */
  public Tally plus(Tally other) {
    if (other.total == 0) {
      return this;
    }
    if (total == 0) {
      return other;
    }
    return new Tally(
        total + other.total,
        success + other.success,
        failure + other.failure,
        ignored + other.ignored,
        maxLatency.compareTo(other.maxLatency) >= 0 ? maxLatency : other.maxLatency,
        latency.plus(other.latency));
  }
}
