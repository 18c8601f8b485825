package dev.trafficstatus.server.ops;

import com.codahale.metrics.Counter;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.store.MinuteBucket;
import dev.trafficstatus.spi.store.Tally;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each route's figures in the host's {@link MetricRegistry}, under {@code
 * trafficstatus.route.<service>.<rule>.}: {@code requests} and {@code failures} (counters of every
 * request and every failure counted so far) and {@code latency.p50}, {@code latency.p99}, {@code
 * latency.max} (gauges in milliseconds over the latest minute flushed). They are read from the
 * minute buckets the flusher harvests ({@link dev.trafficstatus.core.flush.Flusher#whenHarvested}),
 * so they cost nothing on the request path and trail the traffic by up to one flush.
 *
 * <p>The first {@code maxRoutes} routes seen get metrics; the others are counted in the gauge
 * {@code trafficstatus.route.left-out} and logged once, so a host's reporters never get an
 * unbounded number of names.
 */
public final class RouteMetrics implements Consumer<List<MinuteBucket>> {

  /** The prefix of every per-route name. */
  public static final String PREFIX = StatusMetrics.PREFIX + ".route";

  private static final Logger LOG = LoggerFactory.getLogger(RouteMetrics.class);

  private final MetricRegistry metrics;
  private final int maxRoutes;
  private final Map<RouteKey, RouteFigures> routes = new HashMap<>();
  private final Map<RouteKey, Boolean> leftOut = new HashMap<>();
  private final AtomicLong leftOutCount = new AtomicLong();

  private RouteMetrics(MetricRegistry metrics, int maxRoutes) {
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    if (maxRoutes < 1) {
      throw new IllegalArgumentException("maxRoutes must be at least 1");
    }
    this.maxRoutes = maxRoutes;
  }

  /**
   * Registers the routes' metrics as they are harvested.
   *
   * @param metrics the host's registry
   * @param maxRoutes how many routes get metrics at most
   * @return what to hand the flusher's {@code whenHarvested}
   */
  public static RouteMetrics register(MetricRegistry metrics, int maxRoutes) {
    RouteMetrics routeMetrics = new RouteMetrics(metrics, maxRoutes);
    metrics.register(PREFIX + ".left-out", (Gauge<Long>) routeMetrics.leftOutCount::get);
    return routeMetrics;
  }

  /** Adds a flush's buckets; called on the flusher's thread only. */
  @Override
  public void accept(List<MinuteBucket> buckets) {
    for (MinuteBucket bucket : buckets) {
      RouteFigures figures = figuresOf(bucket.route());
      if (figures != null) {
        figures.add(bucket.minute(), bucket.tally());
      }
    }
  }

  private RouteFigures figuresOf(RouteKey route) {
    RouteFigures figures = routes.get(route);
    if (figures != null || leftOut.containsKey(route)) {
      return figures;
    }
    if (routes.size() >= maxRoutes) {
      leftOut.put(route, Boolean.TRUE);
      if (leftOutCount.incrementAndGet() == 1) {
        LOG.warn(
            "More routes than status.metrics.maxRoutes ({}): routes seen after the first {} get"
                + " no metrics of their own (counted in {}.left-out).",
            maxRoutes,
            maxRoutes,
            PREFIX);
      }
      return null;
    }
    figures = new RouteFigures(metrics, MetricRegistry.name(PREFIX, route.service(), route.rule()));
    routes.put(route, figures);
    return figures;
  }

  /** One route's metrics. */
  private static final class RouteFigures {
    /**
     * How long a minute's figures are remembered after the newest minute: the harvester emits a
     * minute again for a few minutes after it closed (stragglers, a counter handed back).
     */
    private static final Duration REMEMBERED = Duration.ofMinutes(15);

    private final Counter requests;
    private final Counter failures;
    // What each recent minute has added to the counters so far.
    private final Map<Instant, Tally> counted = new HashMap<>();
    private volatile Instant latestMinute = Instant.MIN;
    private volatile Tally latest = Tally.empty();

    RouteFigures(MetricRegistry metrics, String name) {
      this.requests = metrics.counter(MetricRegistry.name(name, "requests"));
      this.failures = metrics.counter(MetricRegistry.name(name, "failures"));
      gauge(metrics, MetricRegistry.name(name, "latency.p50"), 50);
      gauge(metrics, MetricRegistry.name(name, "latency.p99"), 99);
      metrics.gauge(
          MetricRegistry.name(name, "latency.max"),
          () -> () -> millis(latest.total() == 0 ? null : latest.maxLatency()));
    }

    private void gauge(MetricRegistry metrics, String name, double percent) {
      metrics.gauge(name, () -> () -> millis(latest.latency().percentile(percent).orElse(null)));
    }

    /**
     * A harvested bucket: a minute's whole tally so far. A minute comes again when it changed
     * since it was last harvested (a flush of the open minute on request or at stop, then its
     * rest; a straggler), so only what it adds to what it had is counted.
     */
    void add(Instant minute, Tally tally) {
      Tally before = counted.getOrDefault(minute, Tally.empty());
      requests.inc(Math.max(0, tally.total() - before.total()));
      failures.inc(Math.max(0, tally.failure() - before.failure()));
      counted.put(minute, tally);
      if (!minute.isBefore(latestMinute)) {
        latestMinute = minute;
        latest = tally;
      }
      Instant forgetBefore = latestMinute.minus(REMEMBERED);
      counted.keySet().removeIf(kept -> kept.isBefore(forgetBefore));
    }

    private static Double millis(Duration latency) {
      return latency == null ? null : latency.toNanos() / 1e6;
    }
  }
}
