package dev.trafficstatus.bench.app;

import dev.trafficstatus.bench.LatencySamples;
import dev.trafficstatus.server.wiring.StatusRuntime;
import dev.trafficstatus.spi.RouteDescriptor;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.store.MinuteBucket;
import dev.trafficstatus.spi.store.Retention;
import dev.trafficstatus.spi.store.StatusStore;
import dev.trafficstatus.spi.store.StoreException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A year of figures for the bench apps' routes ({@code /api/v1/resource<r>/{id}} of service
 * {@code bench}): one busy day per route and day, rolled up, and the minute before now; then shown
 * at once. Written through the running bundle's store, once the server has started.
 */
final class YearOfDays {

  /** The days filled, today included. */
  static final int DAYS = 365;

  private static final long REQUESTS_PER_DAY = 100_000;

  private YearOfDays() {}

  /**
   * The key of a bench route, as the Jersey capture names it.
   *
   * @param route its number
   * @return the key
   */
  static RouteKey key(int route) {
    return new RouteKey("bench", "/api/v1/resource" + route + "/{id}");
  }

  /** The line written once the year is in the store. */
  static final String FILLED = "bench-fill: the year is written";

  /**
   * Fills the store on a thread of its own once it has connected: the store connects in the
   * background after the server started, and until then every call fails. Tries every 200 ms for
   * at most 5 minutes.
   *
   * @param runtime the started bundle's runtime
   * @param routes how many routes
   */
  static void fillOnceConnected(StatusRuntime runtime, int routes) {
    Thread filling =
        new Thread(
            () -> {
              long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
              while (true) {
                try {
                  fill(runtime, routes);
                  return;
                } catch (StoreException notYet) {
                  if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the store did not connect within 5 minutes", notYet);
                  }
                }
                try {
                  Thread.sleep(200);
                } catch (InterruptedException interrupted) {
                  return;
                }
              }
            },
            "bench-fill");
    filling.setDaemon(true);
    filling.start();
  }

  /**
   * Declares the routes and writes the year.
   *
   * @param runtime the started bundle's runtime, its store connected
   * @param routes how many routes
   */
  static void fill(StatusRuntime runtime, int routes) {
    StatusStore store = runtime.store();
    Instant now = Instant.now();
    List<RouteDescriptor> descriptors = new ArrayList<>(routes);
    for (int r = 0; r < routes; r++) {
      descriptors.add(new RouteDescriptor(key(r), "Resource " + r, "Reads resource " + r + ".", "Group " + r % 10));
    }
    store.declareRoutes(descriptors);
    LatencySamples samples = new LatencySamples(11);
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    for (int back = DAYS - 1; back >= 0; back--) {
      Instant minute = back == 0
          ? now.truncatedTo(ChronoUnit.MINUTES).minus(1, ChronoUnit.MINUTES)
          : today.minusDays(back).atTime(12, 0).toInstant(ZoneOffset.UTC);
      List<MinuteBucket> day = new ArrayList<>(routes);
      for (int r = 0; r < routes; r++) {
        long requests = back == 0 ? 1_000 : REQUESTS_PER_DAY + 1_000L * r;
        day.add(new MinuteBucket(key(r), minute, "bench-fill", samples.tally(requests, back * 31 + r)));
      }
      store.writeMinutes(day);
    }
    store.maintain(now, Retention.defaults());
    runtime.forgetCachedPages();
    // bench/memory.sh waits for this line: the routes' names cannot tell it, since the capture
    // declares its own names for these routes when it first flushes.
    System.out.println(FILLED + ": " + routes + " routes, " + DAYS + " days");
  }
}
