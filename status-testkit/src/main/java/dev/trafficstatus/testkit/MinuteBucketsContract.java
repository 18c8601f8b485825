package dev.trafficstatus.testkit;

import static dev.trafficstatus.testkit.StoreTestData.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.store.MinuteBucket;
import dev.trafficstatus.spi.store.StatusStore;
import dev.trafficstatus.spi.store.StoredRoute;
import dev.trafficstatus.spi.store.Tally;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The store contract on minute buckets: replace semantics, exact sums over instances and
 * processes, and what {@link StatusStore#readSince} and {@link StatusStore#readDays} return. Part of
 * {@link StatusStoreContract}, which runs it.
 */
public interface MinuteBucketsContract extends StoreUnderTest {

  @Test
  default void retriedFlushDoesNotDoubleCount() throws Exception {
    StatusStore store = store();
    store.declareRoutes(List.of(route(HOME, "Home"), route(ITEM, "Item")));
    List<MinuteBucket> flush =
        List.of(
            bucket(HOME, minute(0, 10, 0), "i-1", Tallies.of(10, 1, 2, 1_500)),
            bucket(ITEM, minute(0, 10, 0), "i-1", Tallies.of(4, 0, 0, 800)));

    store.writeMinutes(flush);
    store.writeMinutes(flush);

    assertThat(byRoute(store.readSince(minute(0, 10, 0))))
        .isEqualTo(Map.of(HOME, Tallies.of(10, 1, 2, 1_500), ITEM, Tallies.of(4, 0, 0, 800)));
    assertThat(byRouteAndDay(store.readDays(DAY0, DAY0)))
        .isEqualTo(expectedDays(flush));
  }

  @Test
  default void laterBucketForTheSameMinuteAndInstanceReplacesTheEarlierOne() throws Exception {
    StatusStore store = store();
    store.declareRoutes(List.of(route(HOME, "Home")));

    store.writeMinutes(List.of(bucket(HOME, minute(0, 10, 0), "i-1", Tallies.of(3, 0, 0, 100))));
    store.writeMinutes(List.of(bucket(HOME, minute(0, 10, 0), "i-1", Tallies.of(7, 2, 0, 300))));
    store.writeMinutes(
        List.of(
            bucket(HOME, minute(0, 10, 1), "i-1", Tallies.of(1, 0, 0, 100)),
            bucket(HOME, minute(0, 10, 1), "i-1", Tallies.of(5, 0, 0, 100))));

    assertThat(byRoute(store.readSince(minute(0, 10, 0))))
        .isEqualTo(Map.of(HOME, Tallies.of(7, 2, 0, 300).plus(Tallies.of(5, 0, 0, 100))));
  }

  @Test
  default void bucketsOfUndeclaredOrDeletedRoutesAreDropped() throws Exception {
    StatusStore store = store();
    store.declareRoutes(List.of(route(HOME, "Home"), route(ITEM, "Item")));
    store.deleteRoute(ITEM);

    store.writeMinutes(
        List.of(
            bucket(HOME, minute(0, 10, 0), "i-1", Tallies.of(1, 0, 0, 100)),
            bucket(ITEM, minute(0, 10, 0), "i-1", Tallies.of(2, 0, 0, 100)),
            bucket(API, minute(0, 10, 0), "i-1", Tallies.of(3, 0, 0, 100))));

    assertThat(byRoute(store.readSince(T0))).isEqualTo(Map.of(HOME, Tallies.of(1, 0, 0, 100)));
    assertThat(byRouteAndDay(store.readDays(DAY0, DAY0)))
        .isEqualTo(Map.of(HOME, Map.of(DAY0, Tallies.of(1, 0, 0, 100))));
    assertThat(store.routes()).extracting(StoredRoute::key).containsExactly(HOME, ITEM);
  }

  @Test
  default void instancesOfOneMinuteSumExactly() throws Exception {
    StatusStore store = store();
    store.declareRoutes(List.of(route(HOME, "Home")));
    List<MinuteBucket> written = new ArrayList<>();
    for (int instance = 1; instance <= 4; instance++) {
      MinuteBucket bucket =
          bucket(HOME, minute(0, 12, 0), "i-" + instance, Tallies.of(instance * 10L, instance, 1, 100L * instance));
      store.writeMinutes(List.of(bucket));
      written.add(bucket);
    }

    Tally expected = written.stream().map(MinuteBucket::tally).reduce(Tally.empty(), Tally::plus);
    assertThat(byRoute(store.readSince(T0))).isEqualTo(Map.of(HOME, expected));
    assertThat(byRouteAndDay(store.readDays(DAY0, DAY0))).isEqualTo(Map.of(HOME, Map.of(DAY0, expected)));
  }

  // ---- processes sharing a database

  @Test
  default void processesSharingTheDatabaseSeeEachOthersRoutesAndSumEachOthersBuckets() throws Exception {
    StatusStore first = store();
    StatusStore second = another(first);
    // Each process has read the (empty) routes before the other declares any.
    assertThat(first.routes()).isEmpty();
    assertThat(second.routes()).isEmpty();

    first.declareRoutes(List.of(route(HOME, "Home")));
    second.writeMinutes(List.of(bucket(HOME, minute(0, 10, 0), "i-2", Tallies.of(4, 1, 0, 200))));
    first.writeMinutes(List.of(bucket(HOME, minute(0, 10, 0), "i-1", Tallies.of(6, 0, 1, 300))));
    second.declareRoutes(List.of(route(ITEM, "Item")));
    first.writeMinutes(List.of(bucket(ITEM, minute(0, 10, 1), "i-1", Tallies.of(2, 0, 0, 50))));

    Map<RouteKey, Tally> expected =
        Map.of(HOME, Tallies.of(4, 1, 0, 200).plus(Tallies.of(6, 0, 1, 300)), ITEM, Tallies.of(2, 0, 0, 50));
    for (StatusStore process : List.of(first, second)) {
      assertThat(byRoute(process.readSince(T0))).isEqualTo(expected);
      Map<RouteKey, Map<LocalDate, Tally>> days = new HashMap<>();
      expected.forEach((route, tally) -> days.put(route, Map.of(DAY0, tally)));
      assertThat(byRouteAndDay(process.readDays(DAY0, DAY0))).isEqualTo(days);
      assertThat(process.routes()).extracting(StoredRoute::key).containsExactly(HOME, ITEM);
    }
  }

  @Test
  default void aRouteDeletedByOneProcessIsNotWrittenByAnotherAndComesBackForBothWhenRestored()
      throws Exception {
    StatusStore first = store();
    StatusStore second = another(first);
    first.declareRoutes(List.of(route(HOME, "Home")));
    second.writeMinutes(List.of(bucket(HOME, minute(0, 10, 0), "i-2", Tallies.of(1, 0, 0, 10))));

    assertThat(first.deleteRoute(HOME)).isTrue();
    // The second process still holds counts of the route, from before it learnt of the delete.
    second.writeMinutes(List.of(bucket(HOME, minute(0, 10, 1), "i-2", Tallies.of(2, 0, 0, 10))));
    assertThat(first.readSince(T0)).isEmpty();
    assertThat(second.readDays(DAY0, DAY0)).isEmpty();

    assertThat(first.restoreRoute(HOME, minute(0, 11, 0))).isTrue();
    second.writeMinutes(List.of(bucket(HOME, minute(0, 11, 1), "i-2", Tallies.of(3, 0, 0, 10))));
    assertThat(byRoute(second.readSince(T0))).isEqualTo(Map.of(HOME, Tallies.of(3, 0, 0, 10)));
    assertThat(byRoute(first.readSince(T0))).isEqualTo(Map.of(HOME, Tallies.of(3, 0, 0, 10)));
  }

  // ---- reading

  @Test
  default void readSinceSumsMinutesFromTheStartOfTheGivenMinute() throws Exception {
    StatusStore store = store();
    store.declareRoutes(List.of(route(HOME, "Home"), route(ITEM, "Item")));
    store.writeMinutes(
        List.of(
            bucket(HOME, minute(0, 9, 59), "i-1", Tallies.of(100, 0, 0, 10)),
            bucket(HOME, minute(0, 10, 0), "i-1", Tallies.of(1, 1, 0, 10)),
            bucket(HOME, minute(0, 10, 5), "i-2", Tallies.of(2, 0, 1, 20)),
            bucket(ITEM, minute(0, 9, 0), "i-1", Tallies.of(5, 0, 0, 10))));

    assertThat(byRoute(store.readSince(minute(0, 10, 0).plusSeconds(42))))
        .isEqualTo(Map.of(HOME, Tallies.of(1, 1, 0, 10).plus(Tallies.of(2, 0, 1, 20))));
    assertThat(store.readSince(minute(0, 11, 0))).isEmpty();
  }

  @Test
  default void readDaysSumsEachUtcDayWithinTheWindowAndLeavesOutDaysWithoutRequests() throws Exception {
    StatusStore store = store();
    store.declareRoutes(List.of(route(HOME, "Home"), route(ITEM, "Item")));
    List<MinuteBucket> written =
        List.of(
            bucket(HOME, minute(0, 0, 0), "i-1", Tallies.of(1, 0, 0, 10)),
            bucket(HOME, minute(0, 23, 59), "i-1", Tallies.of(2, 1, 0, 10)),
            bucket(HOME, minute(1, 0, 0), "i-2", Tallies.of(4, 0, 0, 30)),
            bucket(ITEM, minute(2, 12, 0), "i-1", Tallies.of(8, 0, 3, 50)));
    store.writeMinutes(written);
    store.writeMinutes(List.of(bucket(HOME, minute(5, 0, 0), "i-1", Tallies.of(0, 0, 0, 10))));

    assertThat(byRouteAndDay(store.readDays(DAY0, DAY0.plusDays(9)))).isEqualTo(expectedDays(written));
    assertThat(byRouteAndDay(store.readDays(DAY0.plusDays(1), DAY0.plusDays(1))))
        .isEqualTo(Map.of(HOME, Map.of(DAY0.plusDays(1), Tallies.of(4, 0, 0, 30))));
    assertThat(store.readDays(DAY0.plusDays(3), DAY0.plusDays(9))).isEmpty();
  }
}
