package dev.trafficstatus.testkit;

import static dev.trafficstatus.testkit.StoreTestData.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.store.MinuteBucket;
import dev.trafficstatus.spi.store.Retention;
import dev.trafficstatus.spi.store.RouteEdit;
import dev.trafficstatus.spi.store.StatusStore;
import dev.trafficstatus.spi.store.StoreException;
import dev.trafficstatus.spi.store.Tally;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * The store contract on maintenance (rollups and retention, as reads show them) and on failures.
 * Part of {@link StatusStoreContract}, which runs it.
 */
public interface MaintenanceContract extends StoreUnderTest {


  @Test
  default void thirtyDaysOfMinuteBucketsRollUpIntoExactDaysAndMinutesPastRetentionGo() throws Exception {
    StatusStore store = store();
    store.declareRoutes(List.of(route(HOME, "Home"), route(ITEM, "Item")));
    List<MinuteBucket> written = new ArrayList<>();
    for (List<MinuteBucket> flush : thirtyDays()) {
      store.writeMinutes(flush);
      written.addAll(flush);
    }
    Map<RouteKey, Map<LocalDate, Tally>> expected = expectedDays(written);
    LocalDate lastDay = DAY0.plusDays(29);
    assertThat(byRouteAndDay(store.readDays(DAY0, lastDay))).isEqualTo(expected);

    Instant now = T0.plus(Duration.ofDays(30));
    Retention retention = new Retention(Duration.ofDays(7), Duration.ofDays(400));
    assertThat(store.maintain(now, retention).ran()).isTrue();

    assertThat(byRouteAndDay(store.readDays(DAY0, lastDay))).isEqualTo(expected);
    // Minute buckets of the last 7 days are all there; none older than 8 days is left.
    Instant keptFrom = now.minus(retention.minutes());
    Map<RouteKey, Tally> kept = new HashMap<>();
    written.stream()
        .filter(bucket -> !bucket.minute().isBefore(keptFrom))
        .forEach(bucket -> kept.merge(bucket.route(), bucket.tally(), Tally::plus));
    assertThat(byRoute(store.readSince(keptFrom))).isEqualTo(kept);
    assertThat(byRoute(store.readSince(T0)))
        .isEqualTo(byRoute(store.readSince(keptFrom.minus(Duration.ofDays(1)))));

    assertThat(store.maintain(now, retention).ran()).isTrue();
    assertThat(byRouteAndDay(store.readDays(DAY0, lastDay))).isEqualTo(expected);
  }

  @Test
  default void maintenanceLeavesTodayToTheMinuteBuckets() throws Exception {
    StatusStore store = store();
    store.declareRoutes(List.of(route(HOME, "Home")));
    store.writeMinutes(List.of(bucket(HOME, minute(0, 8, 0), "i-1", Tallies.of(3, 0, 0, 10))));

    assertThat(store.maintain(minute(0, 9, 0), Retention.defaults()).ran()).isTrue();
    store.writeMinutes(List.of(bucket(HOME, minute(0, 9, 0), "i-1", Tallies.of(4, 0, 0, 10))));

    assertThat(byRouteAndDay(store.readDays(DAY0, DAY0)))
        .isEqualTo(Map.of(HOME, Map.of(DAY0, Tallies.of(3, 0, 0, 10).plus(Tallies.of(4, 0, 0, 10)))));
    assertThat(byRoute(store.readSince(T0)))
        .isEqualTo(Map.of(HOME, Tallies.of(3, 0, 0, 10).plus(Tallies.of(4, 0, 0, 10))));
  }

  @Test
  default void todayReadsExactlyWhileMaintenanceRollsUpItsClosedHours() throws Exception {
    StatusStore store = store();
    store.declareRoutes(List.of(route(HOME, "Home"), route(ITEM, "Item")));
    List<MinuteBucket> written = todaysHours();
    store.writeMinutes(written);
    Map<RouteKey, Map<LocalDate, Tally>> expected = expectedDays(written);
    assertThat(byRouteAndDay(store.readDays(DAY0, DAY0))).isEqualTo(expected);

    store.maintain(minute(0, 10, 30), Retention.defaults());
    assertThat(byRouteAndDay(store.readDays(DAY0, DAY0))).isEqualTo(expected);

    // A process that was cut off writes into an hour already rolled up: counted at once, and
    // still exactly once after the next maintenance rolls the hour up again.
    MinuteBucket late = bucket(HOME, minute(0, 5, 59), "i-3", Tallies.of(9, 9, 0, 3_000));
    store.writeMinutes(List.of(late));
    written.add(late);
    expected = expectedDays(written);
    assertThat(byRouteAndDay(store.readDays(DAY0, DAY0))).isEqualTo(expected);
    store.maintain(minute(0, 10, 40), Retention.defaults());
    assertThat(byRouteAndDay(store.readDays(DAY0, DAY0))).isEqualTo(expected);
  }


  @Test
  default void lateMinuteForARolledUpDayCountsAtOnceAndAfterTheNextMaintenance() throws Exception {
    StatusStore store = store();
    store.declareRoutes(List.of(route(HOME, "Home")));
    Tally onTime = Tallies.of(50, 2, 1, 400);
    store.writeMinutes(List.of(bucket(HOME, minute(0, 12, 0), "i-1", onTime)));
    Instant nextMorning = minute(1, 1, 0);
    store.maintain(nextMorning, Retention.defaults());

    // An instance cut off from the database since yesterday evening flushes what it kept.
    Tally late = Tallies.of(7, 3, 0, 900);
    store.writeMinutes(List.of(bucket(HOME, minute(0, 23, 59), "i-2", late)));

    Map<RouteKey, Map<LocalDate, Tally>> expected = Map.of(HOME, Map.of(DAY0, onTime.plus(late)));
    assertThat(byRouteAndDay(store.readDays(DAY0, DAY0))).isEqualTo(expected);
    store.maintain(nextMorning.plusSeconds(600), Retention.defaults());
    assertThat(byRouteAndDay(store.readDays(DAY0, DAY0))).isEqualTo(expected);
  }

  @Test
  default void lateMinuteForADayWhoseMinutesWerePrunedIsAddedToItsDay() throws Exception {
    StatusStore store = store();
    store.declareRoutes(List.of(route(HOME, "Home")));
    Tally onTime = Tallies.of(50, 2, 1, 400);
    store.writeMinutes(List.of(bucket(HOME, minute(0, 12, 0), "i-1", onTime)));
    Instant weekLater = minute(8, 1, 0);
    Retention twoDays = new Retention(Duration.ofDays(2), Duration.ofDays(400));
    store.maintain(weekLater, twoDays);
    assertThat(store.readSince(T0)).as("the day's minutes are past retention").isEmpty();

    Tally late = Tallies.of(7, 3, 0, 900);
    MinuteBucket lateBucket = bucket(HOME, minute(0, 23, 59), "i-2", late);
    store.writeMinutes(List.of(lateBucket));
    store.writeMinutes(List.of(lateBucket));

    Map<RouteKey, Map<LocalDate, Tally>> expected = Map.of(HOME, Map.of(DAY0, onTime.plus(late)));
    assertThat(byRouteAndDay(store.readDays(DAY0, DAY0))).isEqualTo(expected);
    store.maintain(weekLater, twoDays);
    assertThat(byRouteAndDay(store.readDays(DAY0, DAY0))).isEqualTo(expected);
  }

  @Test
  default void daysPastRetentionAreDeleted() throws Exception {
    StatusStore store = store();
    store.declareRoutes(List.of(route(HOME, "Home"), route(ITEM, "Item")));
    store.writeMinutes(
        List.of(
            bucket(HOME, minute(0, 12, 0), "i-1", Tallies.of(5, 0, 0, 10)),
            bucket(ITEM, minute(0, 12, 0), "i-1", Tallies.of(6, 0, 0, 10)),
            bucket(HOME, minute(1, 12, 0), "i-1", Tallies.of(7, 0, 0, 10))));
    store.maintain(minute(2, 1, 0), Retention.defaults());

    assertThat(store.maintain(minute(401, 1, 0), Retention.defaults()).ran()).isTrue();

    assertThat(byRouteAndDay(store.readDays(DAY0, DAY0.plusDays(1))))
        .isEqualTo(Map.of(HOME, Map.of(DAY0.plusDays(1), Tallies.of(7, 0, 0, 10))));
    assertThat(store.readSince(T0)).isEmpty();
  }


  @Test
  default void callsOnABrokenDatabaseFailWithAStoreExceptionSayingWhatWasBeingDone() throws Exception {
    StatusStore store = store();
    store.declareRoutes(List.of(route(HOME, "Home"), route(ITEM, "Item")));
    store.deleteRoute(ITEM);
    broken(store);

    Map<String, ThrowingCallable> calls = new LinkedHashMap<>();
    calls.put("declareRoutes", () -> store.declareRoutes(List.of(route(API, "Orders"))));
    calls.put(
        "writeMinutes",
        () -> store.writeMinutes(List.of(bucket(HOME, minute(0, 1, 0), "i-1", Tallies.of(1, 0, 0, 1)))));
    calls.put("routes", store::routes);
    calls.put("readDays", () -> store.readDays(DAY0, DAY0));
    calls.put("readSince", () -> store.readSince(T0));
    calls.put("editRoute", () -> store.editRoute(HOME, new RouteEdit("Start", null)));
    calls.put("deleteRoute", () -> store.deleteRoute(HOME));
    calls.put("restoreRoute", () -> store.restoreRoute(ITEM, minute(0, 2, 0)));
    calls.put("maintain", () -> store.maintain(minute(3, 0, 0), Retention.defaults()));
    calls.forEach(
        (method, call) ->
            assertThatThrownBy(call)
                .as(method)
                .isInstanceOf(StoreException.class)
                .satisfies(failure -> assertThat(failure.getMessage()).as(method).isNotBlank()));
  }
}
