package dev.trafficstatus.core.flush;

import java.time.Duration;
import java.util.Objects;

/**
 * How the flusher writes.
 *
 * @param interval how often closed minutes are written; at most a minute, so a crash loses at most
 *     one interval
 * @param maxPendingBuckets how many minute buckets wait in memory while the store fails; beyond it
 *     the oldest are dropped and counted
 * @param batchSize how many buckets one store transaction writes at most
 */
public record FlushSettings(Duration interval, int maxPendingBuckets, int batchSize) {

  /** Checks the bounds. */
  public FlushSettings {
    Objects.requireNonNull(interval, "interval");
    if (interval.compareTo(Duration.ofSeconds(1)) < 0 || interval.compareTo(Duration.ofMinutes(1)) > 0) {
      throw new IllegalArgumentException("flush interval must be between 1s and 1m, got " + interval);
    }
    if (maxPendingBuckets < 1) {
      throw new IllegalArgumentException("maxPendingBuckets must be positive, got " + maxPendingBuckets);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be positive, got " + batchSize);
    }
  }

  /**
   * Every minute; 100,000 buckets pending (a 1,000-route service's 100 minutes of outage);
   * 1,000 buckets per transaction.
   *
   * @return the defaults
   */
  public static FlushSettings defaults() {
    return new FlushSettings(Duration.ofMinutes(1), 100_000, 1_000);
  }
}
