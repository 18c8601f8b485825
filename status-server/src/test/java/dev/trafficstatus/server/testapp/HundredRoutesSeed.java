package dev.trafficstatus.server.testapp;

import dev.trafficstatus.spi.RouteDescriptor;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.store.LatencyHistogram;
import dev.trafficstatus.spi.store.MinuteBucket;
import dev.trafficstatus.spi.store.StatusStore;
import dev.trafficstatus.spi.store.Tally;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The page size the page budget names (BENCHMARKS.md): 100 routes in 10 groups, 90 days each, about 50,000
 * requests a route a day, with a sprinkling of days without data, degraded days and outages.
 * Written through the real store and rolled up, like {@link NinetyDaySeed}.
 */
public final class HundredRoutesSeed {

  /** Routes on the page. */
  public static final int ROUTES = 100;

  /** Days in the window. */
  public static final int DAYS = 90;

  /** How finely the figures are written, which decides how much today's reads have to sum. */
  public enum Density {
    /** One minute row per route and day: quick to write, for tests. */
    DAILY,
    /**
     * A row per route for every minute of today so far and of the last 7 closed days (those the
     * default retention keeps as minute rows): what a busy deployment holds, for benchmarks.
     */
    EVERY_MINUTE
  }

  private static final int GROUPS = 10;

  private static final int MINUTES_PER_DAY = 1_440;

  private static final int MINUTE_DAYS_KEPT = 7;

  /** Minute rows per store call: about what one flush of 100 routes writes in an hour. */
  private static final int WRITE_BATCH = 6_000;

  private static final Duration TYPICAL = Duration.ofMillis(20);

  private HundredRoutesSeed() {}

  /**
   * The routes, in the order the page shows them.
   *
   * @return descriptors of {@value #ROUTES} routes
   */
  public static List<RouteDescriptor> routes() {
    List<RouteDescriptor> routes = new ArrayList<>(ROUTES);
    for (int g = 0; g < GROUPS; g++) {
      for (int r = 0; r < ROUTES / GROUPS; r++) {
        int number = g * (ROUTES / GROUPS) + r;
        routes.add(new RouteDescriptor(
            new RouteKey(NinetyDaySeed.SERVICE, "/resource" + g + "/item" + r + "/{id}"),
            "Route " + number, "Route number " + number + " of the large page.", "Resource" + g));
      }
    }
    return routes;
  }

  /**
   * A route's requests on a day of the window, as success, failure and ignored counts.
   *
   * @param route the route's number
   * @param offset the day's offset from the window's first day
   * @return {success, failure, ignored}
   */
  static long[] day(int route, int offset) {
    int kind = (offset * 31 + route * 7) % 50;
    return switch (kind) {
      case 0 -> new long[] {4, 0, 0};
      case 1 -> new long[] {30_000, 20_000, 0};
      case 2 -> new long[] {49_920, 80, 0};
      default -> new long[] {50_000 + kind - kind % 3 - 100, kind % 3, 100};
    };
  }

  /**
   * Writes the window ending at {@code now} into a started store and rolls up the closed days.
   *
   * @param store the store of the app under test
   * @param now the app's "now", whole minutes
   * @param density how finely to write
   */
  public static void writeTo(StatusStore store, Instant now, Density density) {
    List<RouteDescriptor> routes = routes();
    store.declareRoutes(routes);
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    LocalDate first = today.minusDays(DAYS - 1L);
    List<MinuteBucket> batch = new ArrayList<>(WRITE_BATCH);
    for (int offset = 0; offset < DAYS; offset++) {
      LocalDate date = first.plusDays(offset);
      Instant start = date.atStartOfDay(ZoneOffset.UTC).toInstant();
      boolean isToday = date.equals(today);
      int minutes = isToday
          ? (int) ChronoUnit.MINUTES.between(start, now.truncatedTo(ChronoUnit.MINUTES))
          : MINUTES_PER_DAY;
      boolean everyMinute = density == Density.EVERY_MINUTE
          && (isToday || date.isAfter(today.minusDays(MINUTE_DAYS_KEPT + 1L)));
      for (int r = 0; r < routes.size(); r++) {
        // Today's counts scale with the part of the day gone by.
        long[] counts = scaled(day(r, offset), isToday ? minutes : MINUTES_PER_DAY);
        RouteKey key = routes.get(r).key();
        if (everyMinute) {
          for (int m = 0; m < minutes; m++) {
            add(batch, store, key, start.plus(Duration.ofMinutes(m)), share(counts, m, minutes));
          }
        } else {
          Instant minute =
              isToday ? now.minus(Duration.ofMinutes(1)) : start.plus(Duration.ofHours(12));
          add(batch, store, key, minute, counts);
        }
      }
    }
    store.writeMinutes(batch);
    NinetyDaySeed.rollUp(store, now);
  }

  private static long[] scaled(long[] counts, int minutes) {
    return new long[] {
      counts[0] * minutes / MINUTES_PER_DAY,
      counts[1] * minutes / MINUTES_PER_DAY,
      counts[2] * minutes / MINUTES_PER_DAY
    };
  }

  /** Minute {@code m} of {@code minutes}' share of the counts; the shares add up exactly. */
  private static long[] share(long[] counts, int m, int minutes) {
    long[] part = new long[3];
    for (int i = 0; i < 3; i++) {
      part[i] = counts[i] * (m + 1) / minutes - counts[i] * m / minutes;
    }
    return part;
  }

  private static void add(List<MinuteBucket> batch, StatusStore store, RouteKey key, Instant minute,
      long[] counts) {
    long total = counts[0] + counts[1] + counts[2];
    if (total == 0) {
      return;
    }
    long slow = total / 20;
    LatencyHistogram latency = LatencyHistogram.builder()
        .record(TYPICAL, total - slow)
        .record(TYPICAL.multipliedBy(5), slow)
        .build();
    batch.add(new MinuteBucket(key, minute, "web-1-seed", new Tally(total, counts[0], counts[1],
        counts[2], slow > 0 ? TYPICAL.multipliedBy(5) : TYPICAL, latency)));
    if (batch.size() >= WRITE_BATCH) {
      store.writeMinutes(batch);
      batch.clear();
    }
  }
}
