package dev.trafficstatus.testkit;

import static dev.trafficstatus.testkit.StoreTestData.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.store.MinuteBucket;
import dev.trafficstatus.spi.store.Retention;
import dev.trafficstatus.spi.store.StatusStore;
import dev.trafficstatus.spi.store.StoreException;
import dev.trafficstatus.spi.store.Tally;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link StatusStore#readBetween}, for a store that offers it: a store plugin's
 * contract test implements it beside extending {@link StatusStoreContract}. Any range of minutes
 * sums exactly what summing its minute buckets gives, across hour and day boundaries, before and
 * after maintenance rolls hours and days up, and with late writes into what was rolled up; whole
 * days still do once their minutes are past retention. Its hour versions follow {@link
 * HourVersionsContract}.
 */
public interface TimeRangesContract extends HourVersionsContract {

  /** Range bounds on and around every kind of boundary: minutes, hours, days, the current hour. */
  List<Instant> BOUNDS =
      List.of(
          minute(0, 0, 0),
          minute(0, 0, 1),
          minute(0, 1, 0),
          minute(0, 10, 59),
          minute(0, 23, 59),
          minute(1, 0, 0),
          minute(1, 0, 29).plusSeconds(17),
          minute(1, 11, 0),
          minute(2, 0, 0),
          minute(2, 10, 30),
          minute(3, 0, 0),
          minute(3, 11, 0),
          minute(3, 12, 1),
          minute(4, 0, 0));

  /** Written buckets by key, the latest one per key, as a store keeps them. */
  private static void write(
      StatusStore store, Map<String, MinuteBucket> kept, List<MinuteBucket> buckets) {
    store.writeMinutes(buckets);
    buckets.forEach(
        bucket ->
            kept.put(bucket.route() + "@" + bucket.minute() + "@" + bucket.instance(), bucket));
  }

  /** What summing the kept minute buckets of {@code [from, to)} gives, per route with requests. */
  private static Map<RouteKey, Tally> sumOf(
      Map<String, MinuteBucket> kept, Instant from, Instant to) {
    Instant start = from.truncatedTo(ChronoUnit.MINUTES);
    Instant end = to.truncatedTo(ChronoUnit.MINUTES);
    Map<RouteKey, Tally> sums = new HashMap<>();
    kept.values().stream()
        .filter(bucket -> !bucket.minute().isBefore(start) && bucket.minute().isBefore(end))
        .forEach(bucket -> sums.merge(bucket.route(), bucket.tally(), Tally::plus));
    sums.values().removeIf(tally -> tally.total() == 0);
    return sums;
  }

  /** Checks every range between two of the bounds against the sum of its minute buckets. */
  private static void everyRangeSumsItsMinutes(
      StatusStore store, Map<String, MinuteBucket> kept, List<Instant> bounds, String when) {
    for (int i = 0; i < bounds.size(); i++) {
      for (int j = i + 1; j < bounds.size(); j++) {
        Instant from = bounds.get(i);
        Instant to = bounds.get(j);
        assertThat(byRoute(store.readBetween(from, to)))
            .as("%s: [%s, %s)", when, from, to)
            .isEqualTo(sumOf(kept, from, to));
      }
    }
  }

  /** Four days of buckets of three routes and two instances, on and around the boundaries. */
  private static List<MinuteBucket> fourDays() {
    List<MinuteBucket> buckets = new ArrayList<>();
    for (int day = 0; day <= 3; day++) {
      for (int hour : List.of(0, 1, 10, 11, 12, 23)) {
        for (int m : List.of(0, 1, 29, 59)) {
          if (day == 3 && hour >= 12 && (hour > 12 || m > 5)) {
            continue; // the future, seen from "now" on day 3
          }
          long seed = day * 1_000L + hour * 10L + m;
          buckets.add(
              bucket(
                  HOME,
                  minute(day, hour, m),
                  "i-1",
                  Tallies.of(1 + seed % 7, seed % 3, 0, 100 + seed)));
          buckets.add(
              bucket(HOME, minute(day, hour, m), "i-2", Tallies.of(2, seed % 2, 1, 50 + hour)));
          if (m % 2 == 1) {
            buckets.add(
                bucket(ITEM, minute(day, hour, m), "i-1", Tallies.of(3 + day, 1, 0, 700 + m)));
          }
        }
      }
      buckets.add(bucket(API, minute(day, 11, 30), "i-3", Tallies.of(9, 0, 2, 40)));
    }
    return buckets;
  }

  @Test
  default void anyRangeSumsItsMinutesBeforeAndAfterRollupsAndWithLateWrites() throws Exception {
    StatusStore store = store();
    store.declareRoutes(List.of(route(HOME, "Home"), route(ITEM, "Item"), route(API, "Orders")));
    Map<String, MinuteBucket> kept = new LinkedHashMap<>();
    write(store, kept, fourDays());
    everyRangeSumsItsMinutes(store, kept, BOUNDS, "minutes only");

    Instant now = minute(3, 12, 6);
    store.maintain(now, Retention.defaults());
    everyRangeSumsItsMinutes(store, kept, BOUNDS, "after hours and days rolled up");

    // Processes that were cut off write into a rolled-up day, a rolled-up hour of today, and
    // again into a minute they had written (a later bucket of the same key replaces it).
    write(
        store,
        kept,
        List.of(
            bucket(HOME, minute(1, 10, 7), "i-9", Tallies.of(11, 11, 0, 9_000)),
            bucket(ITEM, minute(3, 10, 59), "i-9", Tallies.of(5, 0, 0, 300)),
            bucket(HOME, minute(0, 0, 0), "i-1", Tallies.of(40, 0, 0, 10)),
            bucket(API, minute(3, 12, 5), "i-3", Tallies.of(6, 6, 6, 60))));
    everyRangeSumsItsMinutes(store, kept, BOUNDS, "with late writes");

    store.maintain(now.plus(Duration.ofMinutes(30)), Retention.defaults());
    everyRangeSumsItsMinutes(store, kept, BOUNDS, "after the late writes rolled up");
  }

  @Test
  default void wholeDaysPastMinuteRetentionStillSumExactly() throws Exception {
    StatusStore store = store();
    store.declareRoutes(List.of(route(HOME, "Home"), route(ITEM, "Item"), route(API, "Orders")));
    Map<String, MinuteBucket> kept = new LinkedHashMap<>();
    write(store, kept, fourDays());
    Instant weekLater = minute(7, 1, 0);
    Retention twoDays = new Retention(Duration.ofDays(2), Duration.ofDays(400));
    store.maintain(weekLater, twoDays);
    List<Instant> days =
        List.of(
            minute(0, 0, 0), minute(1, 0, 0), minute(2, 0, 0), minute(3, 0, 0), minute(4, 0, 0));

    everyRangeSumsItsMinutes(store, kept, days, "minutes past retention");

    write(store, kept, List.of(bucket(ITEM, minute(1, 5, 5), "i-9", Tallies.of(4, 4, 0, 4_000))));
    everyRangeSumsItsMinutes(store, kept, days, "with a late write into a pruned day");
    store.maintain(weekLater.plusSeconds(600), twoDays);
    everyRangeSumsItsMinutes(store, kept, days, "after the late write was folded in");
  }

  @Test
  default void anEmptyOrReversedRangeHoldsNothingAndSecondsAreCutOff() throws Exception {
    StatusStore store = store();
    store.declareRoutes(List.of(route(HOME, "Home"), route(ITEM, "Item")));
    store.writeMinutes(
        List.of(
            bucket(HOME, minute(0, 10, 0), "i-1", Tallies.of(1, 0, 0, 10)),
            bucket(HOME, minute(0, 10, 1), "i-1", Tallies.of(2, 0, 0, 10)),
            bucket(ITEM, minute(0, 10, 1), "i-1", Tallies.of(3, 0, 0, 10))));
    store.deleteRoute(ITEM);

    assertThat(store.readBetween(minute(0, 10, 1), minute(0, 10, 1))).isEmpty();
    assertThat(store.readBetween(minute(0, 10, 2), minute(0, 10, 0))).isEmpty();
    assertThat(
            store.readBetween(minute(0, 10, 0).plusSeconds(59), minute(0, 10, 1).plusSeconds(59)))
        .containsExactly(new dev.trafficstatus.spi.store.RouteTally(HOME, Tallies.of(1, 0, 0, 10)));
    assertThat(byRoute(store.readBetween(T0, minute(1, 0, 0))))
        .isEqualTo(Map.of(HOME, Tallies.of(1, 0, 0, 10).plus(Tallies.of(2, 0, 0, 10))));
  }

  @Test
  default void readBetweenOnABrokenDatabaseFailsWithAStoreException() throws Exception {
    StatusStore store = store();
    store.declareRoutes(List.of(route(HOME, "Home")));
    broken(store);

    assertThatThrownBy(() -> store.readBetween(T0, minute(1, 0, 0)))
        .isInstanceOf(StoreException.class)
        .satisfies(failure -> assertThat(failure.getMessage()).isNotBlank());
  }
}
