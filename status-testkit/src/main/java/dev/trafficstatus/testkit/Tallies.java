package dev.trafficstatus.testkit;

import dev.trafficstatus.spi.store.LatencyHistogram;
import dev.trafficstatus.spi.store.Tally;
import java.time.Duration;

/**
 * Tallies for store tests, in whole microseconds (the precision stores keep latencies in), with
 * latencies that differ by outcome so a store that mixes up counts or histograms shows it.
 */
public final class Tallies {

  private Tallies() {}

  /**
   * A tally whose successes, failures and ignored requests each took a latency of their own.
   *
   * @param success successes, each taking {@code micros}
   * @param failure failures, each taking {@code 10 × micros}
   * @param ignored ignored requests, each taking 1 µs
   * @param micros the latency of a success, in microseconds
   * @return the tally
   */
  public static Tally of(long success, long failure, long ignored, long micros) {
    LatencyHistogram latency =
        LatencyHistogram.builder()
            .record(Duration.ofNanos(micros * 1_000), success)
            .record(Duration.ofNanos(10 * micros * 1_000), failure)
            .record(Duration.ofNanos(1_000), ignored)
            .build();
    long max = failure > 0 ? 10 * micros : success > 0 ? micros : ignored > 0 ? 1 : 0;
    return new Tally(
        success + failure + ignored, success, failure, ignored, Duration.ofNanos(max * 1_000), latency);
  }
}
