package dev.trafficstatus.core.flush;

import static dev.trafficstatus.spi.InvalidSettingException.text;

import dev.trafficstatus.spi.InvalidSettingException;
import java.time.Duration;
import java.util.Objects;

/**
 * How the flusher writes ({@code status.flush}). The only judge of these bounds: the server's
 * configuration reports what this refuses against the key.
 *
 * @param interval how often counts are written; at most a minute, so a crash loses little
 * @param maxPendingBuckets how many minute buckets wait in memory while the store fails; beyond it
 *     the oldest are dropped and counted
 * @param batchSize how many buckets one store transaction writes at most
 */
public record FlushSettings(Duration interval, int maxPendingBuckets, int batchSize) {

  /** The shortest interval. */
  public static final Duration MIN_INTERVAL = Duration.ofSeconds(1);

  /** The longest interval: closed minutes are written at least once a minute. */
  public static final Duration MAX_INTERVAL = Duration.ofMinutes(1);

  /** The largest batch: one transaction of 10,000 rows stays well under a second. */
  public static final int MAX_BATCH_SIZE = 10_000;

  /** Checks the bounds. */
  public FlushSettings {
    Objects.requireNonNull(interval, "interval");
    if (interval.compareTo(MIN_INTERVAL) < 0 || interval.compareTo(MAX_INTERVAL) > 0) {
      throw new InvalidSettingException(
          "interval",
          "must be between " + text(MIN_INTERVAL) + " and " + text(MAX_INTERVAL) + ", got "
              + text(interval));
    }
    if (maxPendingBuckets < 1) {
      throw new InvalidSettingException(
          "maxPendingBuckets", "must be at least 1, got " + maxPendingBuckets);
    }
    if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
      throw new InvalidSettingException(
          "batchSize", "must be between 1 and " + MAX_BATCH_SIZE + ", got " + batchSize);
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
