package dev.trafficstatus.spi.page;

import java.time.Duration;
import java.util.Objects;

/**
 * Latency percentiles, each within the histogram's error bound.
 *
 * @param p50 the median
 * @param p95 the 95th percentile
 * @param p99 the 99th percentile
 */
public record Latency(Duration p50, Duration p95, Duration p99) {

  /** Checks all three are present. */
  public Latency {
    Objects.requireNonNull(p50, "p50");
    Objects.requireNonNull(p95, "p95");
    Objects.requireNonNull(p99, "p99");
  }
}
