package dev.trafficstatus.core.objective;

import dev.trafficstatus.spi.InvalidSettingException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * The latency part of an objective: a share of requests at most a threshold, such as 99 % within
 * 300 ms. Judged from the latency histograms, whose buckets are at most 12.5 % wide (see {@link
 * dev.trafficstatus.spi.store.LatencyHistogram#countAtMost}).
 *
 * @param threshold the latency a good request stays within
 * @param percent the share of requests that must, above 0 and below 100
 */
public record LatencyTarget(Duration threshold, BigDecimal percent) {

  /** Checks the threshold is positive and the percent within (0, 100). */
  public LatencyTarget {
    Objects.requireNonNull(threshold, "threshold");
    Objects.requireNonNull(percent, "percent");
    if (threshold.isNegative() || threshold.isZero()) {
      throw new InvalidSettingException("threshold", "must be positive, got " + InvalidSettingException.text(threshold));
    }
    Objective.checkPercent("percent", percent);
  }
}
