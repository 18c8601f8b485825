package dev.trafficstatus.core.objective;

import dev.trafficstatus.spi.store.Tally;
import java.time.Duration;
import java.util.Objects;

/**
 * Good and bad requests of one indicator over some stretch of time.
 *
 * @param good requests meeting the objective
 * @param bad requests missing it
 */
public record Counts(long good, long bad) {

  /** No requests. */
  public static final Counts NONE = new Counts(0, 0);

  /** Checks the counts are not negative. */
  public Counts {
    if (good < 0 || bad < 0) {
      throw new IllegalArgumentException("counts must not be negative, got " + good + " and " + bad);
    }
  }

  /**
   * Counts a tally by an indicator.
   *
   * @param tally the requests
   * @param indicator what counts as good
   * @param threshold the latency threshold, for {@link Indicator#LATENCY}; else ignored, may be null
   * @return the counts
   */
  public static Counts of(Tally tally, Indicator indicator, Duration threshold) {
    Objects.requireNonNull(tally, "tally");
    return switch (indicator) {
      case AVAILABILITY -> new Counts(tally.success(), tally.failure());
      case LATENCY -> {
        long fast = tally.latency().countAtMost(Objects.requireNonNull(threshold, "threshold"));
        yield new Counts(fast, tally.latency().count() - fast);
      }
    };
  }

  /**
   * All counted requests.
   *
   * @return good plus bad
   */
  public long counted() {
    return good + bad;
  }

  /**
   * Adds counts of other requests.
   *
   * @param other the other counts
   * @return the sum
   */
  public Counts plus(Counts other) {
    return new Counts(good + other.good, bad + other.bad);
  }

  /**
   * Takes out requests that were counted in these, such as those inside maintenance windows. A
   * maintenance recorded after rows were pruned may hold more than is left: the result never goes
   * below zero.
   *
   * @param part the requests to take out
   * @return what remains
   */
  public Counts minus(Counts part) {
    return new Counts(Math.max(0, good - part.good), Math.max(0, bad - part.bad));
  }
}
