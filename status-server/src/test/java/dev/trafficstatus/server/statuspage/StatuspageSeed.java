package dev.trafficstatus.server.statuspage;

import dev.trafficstatus.spi.RouteDescriptor;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.store.LatencyHistogram;
import dev.trafficstatus.spi.store.MinuteBucket;
import dev.trafficstatus.spi.store.StatusStore;
import dev.trafficstatus.spi.store.Tally;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A small page for the public API's tests: two groups, a route in each state (operational,
 * degraded, partial and major outage) and one with no data, written through the real store.
 */
final class StatuspageSeed {

  static final Instant NOW = Instant.parse("2025-06-15T10:00:30Z");
  static final String SERVICE = "shop";

  static final RouteKey HOME = new RouteKey(SERVICE, "/");
  static final RouteKey CART = new RouteKey(SERVICE, "/cart");
  static final RouteKey CHECKOUT = new RouteKey(SERVICE, "/checkout");
  static final RouteKey SEARCH = new RouteKey(SERVICE, "/search/{q}");
  static final RouteKey EXPORT = new RouteKey(SERVICE, "/export");

  private StatuspageSeed() {}

  static void writeTo(StatusStore store) {
    store.declareRoutes(List.of(
        new RouteDescriptor(HOME, "Home", "The front page.", "Storefront"),
        new RouteDescriptor(SEARCH, "Search", "", "Storefront"),
        new RouteDescriptor(CART, "Cart", "", "Checkout"),
        new RouteDescriptor(CHECKOUT, "Checkout", "Pays.", "Checkout"),
        new RouteDescriptor(EXPORT, "Export", "", "Checkout")));
    List<MinuteBucket> buckets = new ArrayList<>();
    buckets.add(bucket(HOME, 1_000, 0));
    buckets.add(bucket(SEARCH, 990, 10));
    buckets.add(bucket(CART, 970, 30));
    buckets.add(bucket(CHECKOUT, 500, 500));
    // EXPORT: no requests at all.
    store.writeMinutes(buckets);
  }

  private static MinuteBucket bucket(RouteKey route, long successes, long failures) {
    long total = successes + failures;
    return new MinuteBucket(route, NOW.minus(Duration.ofMinutes(5)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES), "web-1-seed",
        new Tally(total, successes, failures, 0, Duration.ofMillis(20),
            LatencyHistogram.builder().record(Duration.ofMillis(20), total).build()));
  }
}
