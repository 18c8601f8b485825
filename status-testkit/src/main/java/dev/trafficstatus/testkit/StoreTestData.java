package dev.trafficstatus.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficstatus.spi.RouteDescriptor;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.store.DayBucket;
import dev.trafficstatus.spi.store.MinuteBucket;
import dev.trafficstatus.spi.store.RouteTally;
import dev.trafficstatus.spi.store.Tally;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The routes, instants and buckets of the store contract, and the sums it compares reads with; for
 * a store plugin's own tests too ({@code import static dev.trafficstatus.testkit.StoreTestData.*}).
 */
public final class StoreTestData {

  /** The first day the tests write to. */
  public static final LocalDate DAY0 = LocalDate.of(2025, 3, 1);

  /** The start of {@link #DAY0}, UTC. */
  public static final Instant T0 = DAY0.atStartOfDay(ZoneOffset.UTC).toInstant();

  /** A route of service "shop". */
  public static final RouteKey HOME = new RouteKey("shop", "/");

  /** Another route of service "shop". */
  public static final RouteKey ITEM = new RouteKey("shop", "/items/{id}");

  /** A route of another service sharing the store. */
  public static final RouteKey API = new RouteKey("api", "/v1/orders");

  private StoreTestData() {}


  /**
   * A public route with a doc and a group derived from its name.
   *
   * @param key the route
   * @param name its name
   * @return the descriptor
   */
  public static RouteDescriptor route(RouteKey key, String name) {
    return new RouteDescriptor(key, name, "doc of " + name, "Group of " + key.service());
  }

  /**
   * A minute bucket.
   *
   * @param route the route
   * @param minute the minute
   * @param instance the process
   * @param tally the figures
   * @return the bucket
   */
  public static MinuteBucket bucket(RouteKey route, Instant minute, String instance, Tally tally) {
    return new MinuteBucket(route, minute, instance, tally);
  }

  /**
   * Day buckets by route and day, checking there is one per route and day.
   *
   * @param days what {@link StatusStore#readDays} returned
   * @return the tallies by route and day
   */
  public static Map<RouteKey, Map<LocalDate, Tally>> byRouteAndDay(Collection<DayBucket> days) {
    Map<RouteKey, Map<LocalDate, Tally>> result = new HashMap<>();
    for (DayBucket day : days) {
      Tally previous = result.computeIfAbsent(day.route(), r -> new HashMap<>()).put(day.day(), day.tally());
      assertThat(previous).as("one bucket per route and day").isNull();
    }
    return result;
  }

  /**
   * What {@link StatusStore#readDays} must return for buckets written once each.
   *
   * @param written the buckets, no two with the same key
   * @return their sums by route and UTC day
   */
  public static Map<RouteKey, Map<LocalDate, Tally>> expectedDays(Collection<MinuteBucket> written) {
    Map<RouteKey, Map<LocalDate, Tally>> result = new HashMap<>();
    for (MinuteBucket bucket : written) {
      result
          .computeIfAbsent(bucket.route(), r -> new HashMap<>())
          .merge(LocalDate.ofInstant(bucket.minute(), ZoneOffset.UTC), bucket.tally(), Tally::plus);
    }
    return result;
  }

  /**
   * Route tallies by route, checking there is one per route.
   *
   * @param tallies what {@link StatusStore#readSince} returned
   * @return the tallies by route
   */
  public static Map<RouteKey, Tally> byRoute(Collection<RouteTally> tallies) {
    Map<RouteKey, Tally> result = new HashMap<>();
    tallies.forEach(t -> assertThat(result.put(t.route(), t.tally())).as("one tally per route").isNull());
    return result;
  }

  /**
   * An instant counted from {@link #T0}.
   *
   * @param day days after {@link #DAY0}
   * @param hour the hour of that day
   * @param minute the minute of that hour
   * @return the instant
   */
  public static Instant minute(int day, int hour, int minute) {
    return T0.plus(Duration.ofDays(day)).plus(Duration.ofHours(hour)).plus(Duration.ofMinutes(minute));
  }

  /**
   * Thirty days of buckets: two routes, two instances, one bucket per route, instance and hour.
   *
   * @return the buckets, day by day
   */
  public static List<List<MinuteBucket>> thirtyDays() {
    List<List<MinuteBucket>> days = new ArrayList<>();
    for (int day = 0; day < 30; day++) {
      List<MinuteBucket> flush = new ArrayList<>();
      for (int slot = 0; slot < 24; slot++) {
        for (RouteKey route : List.of(HOME, ITEM)) {
          for (String instance : List.of("i-1", "i-2")) {
            flush.add(
                bucket(
                    route,
                    minute(day, slot, (day * 13 + slot * 7) % 60),
                    instance,
                    Tallies.of(
                        1 + (day * 7L + slot) % 13,
                        (day + slot) % 3 == 0 ? 1 : 0,
                        slot % 5 == 0 ? 1 : 0,
                        1_000 + 37L * slot + day + route.rule().length())));
          }
        }
      }
      days.add(flush);
    }
    return days;
  }

  /**
   * Hours 0 to 10 of {@link #DAY0}, three buckets an hour for each of {@link #HOME} and {@link
   * #ITEM}.
   *
   * @return the buckets, a mutable list
   */
  public static List<MinuteBucket> todaysHours() {
    List<MinuteBucket> written = new ArrayList<>();
    for (int hour = 0; hour <= 10; hour++) {
      for (int m = 0; m < 3; m++) {
        written.add(bucket(HOME, minute(0, hour, m * 7), "i-1", Tallies.of(5, 1, 0, 100 + hour)));
        written.add(bucket(ITEM, minute(0, hour, m * 11), "i-2", Tallies.of(2, 0, 1, 40L * hour)));
      }
    }
    return written;
  }
}
