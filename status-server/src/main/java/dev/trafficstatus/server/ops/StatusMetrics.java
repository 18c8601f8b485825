package dev.trafficstatus.server.ops;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import dev.trafficstatus.core.aggregate.RouteRegistry;
import dev.trafficstatus.core.flush.FlushStats;
import dev.trafficstatus.core.flush.Flusher;
import java.util.function.ToLongFunction;

/**
 * The pipeline's figures as gauges in the host's metric registry, all named
 * {@code trafficstatus.*} so they never clash with the host's own.
 */
public final class StatusMetrics {

  /** The prefix of every metric name. */
  public static final String PREFIX = "trafficstatus";

  private StatusMetrics() {}

  /**
   * Registers the gauges.
   *
   * @param metrics the host's registry
   * @param registry the route registry (capture figures)
   * @param flusher the flusher (flush figures)
   */
  public static void register(MetricRegistry metrics, RouteRegistry registry, Flusher flusher) {
    gauge(metrics, "requests.captured", flusher, FlushStats::capturedRequests);
    metrics.register(name("requests.unmatched"), (Gauge<Long>) registry::unmatchedCount);
    metrics.register(name("capture.failures"), (Gauge<Long>) registry::failureCount);
    metrics.register(name("routes"), (Gauge<Integer>) registry::size);
    gauge(metrics, "flush.written-buckets", flusher, FlushStats::writtenBuckets);
    gauge(metrics, "flush.pending-buckets", flusher, FlushStats::pendingBuckets);
    gauge(metrics, "flush.dropped-buckets", flusher, FlushStats::droppedBuckets);
    gauge(metrics, "flush.dropped-requests", flusher, FlushStats::droppedRequests);
    gauge(metrics, "flush.failed-writes", flusher, FlushStats::failedWrites);
    gauge(metrics, "flush.last-duration-millis", flusher, s -> s.lastDuration().toMillis());
  }

  private static void gauge(
      MetricRegistry metrics, String name, Flusher flusher, ToLongFunction<FlushStats> figure) {
    metrics.register(name(name), (Gauge<Long>) () -> figure.applyAsLong(flusher.stats()));
  }

  private static String name(String suffix) {
    return PREFIX + "." + suffix;
  }
}
