package dev.trafficstatus.server.ops;

import com.codahale.metrics.health.HealthCheck;
import dev.trafficstatus.core.flush.FlushStats;
import dev.trafficstatus.core.flush.Flusher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Whether flushing lags: the store has not taken a flush for three intervals, so counts are piling
 * up in memory (requests are still served). Not critical by default, as {@link StoreHealthCheck}.
 */
public final class FlushHealthCheck extends HealthCheck {

  private final Flusher flusher;
  private final Clock clock;
  private final Duration allowedLag;
  private final Instant started;
  private final boolean critical;

  /**
   * @param flusher the flusher
   * @param clock what "now" is
   * @param interval the flush interval
   * @param critical whether a lag makes the check unhealthy
   */
  public FlushHealthCheck(Flusher flusher, Clock clock, Duration interval, boolean critical) {
    this.flusher = flusher;
    this.clock = clock;
    this.allowedLag = interval.multipliedBy(3);
    this.started = clock.instant();
    this.critical = critical;
  }

  @Override
  protected Result check() {
    FlushStats stats = flusher.stats();
    Instant since = stats.lastSuccess() != null ? stats.lastSuccess() : started;
    Duration lag = Duration.between(since, clock.instant());
    String figures =
        stats.pendingBuckets() + " minute buckets pending, " + stats.droppedRequests()
            + " requests dropped so far";
    if (lag.compareTo(allowedLag) > 0) {
      return HealthResults.degraded(
          critical,
          "no successful flush for " + lag.toSeconds() + "s (" + stats.failedWrites()
              + " failed writes); " + figures);
    }
    return HealthResults.fine(critical, figures);
  }
}
