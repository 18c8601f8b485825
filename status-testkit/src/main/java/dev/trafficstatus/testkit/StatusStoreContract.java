package dev.trafficstatus.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trafficstatus.spi.RouteDescriptor;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.store.DayBucket;
import dev.trafficstatus.spi.store.MinuteBucket;
import dev.trafficstatus.spi.store.Retention;
import dev.trafficstatus.spi.store.RouteEdit;
import dev.trafficstatus.spi.store.RouteTally;
import dev.trafficstatus.spi.store.StatusStore;
import dev.trafficstatus.spi.store.StoreException;
import dev.trafficstatus.spi.store.StoredRoute;
import dev.trafficstatus.spi.store.Tally;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link StatusStore}: what the core relies on, as a JUnit 5 test class that every
 * store plugin runs against itself. It checks only what the SPI promises, through the SPI: routes,
 * edits, deletes and restores, replace semantics of minute buckets, exact sums over instances,
 * {@link StatusStore#readSince} and {@link StatusStore#readDays}, maintenance (rollups and
 * retention, as reads show them), the restricted flag, and {@link StoreException} on failure.
 *
 * <p>To run it, subclass it in the plugin's tests and say how to get a store:
 *
 * <pre>{@code
 * class MyStoreTest extends StatusStoreContract {
 *   @Override protected StatusStore newStore() throws Exception { ... a started store, empty database }
 *   @Override protected StatusStore restart(StatusStore store) throws Exception { ... }
 *   @Override protected void breakDatabase(StatusStore store) throws Exception { ... }
 *   // and, when several processes may share the database:
 *   @Override protected StatusStore secondProcess(StatusStore first) throws Exception { ... }
 * }
 * }</pre>
 *
 * <p>Every store the contract gets from these methods is stopped after each test. The subclass may
 * add tests of its own, such as what its tables hold. Data is written at fixed instants from
 * {@link #T0} on, and {@code now} is passed to the store explicitly, so no test depends on the
 * wall clock.
 */
public abstract class StatusStoreContract {

  /** The first day the tests write to. */
  protected static final LocalDate DAY0 = LocalDate.of(2025, 3, 1);

  /** The start of {@link #DAY0}, UTC. */
  protected static final Instant T0 = DAY0.atStartOfDay(ZoneOffset.UTC).toInstant();

  /** A route of service "shop". */
  protected static final RouteKey HOME = new RouteKey("shop", "/");

  /** Another route of service "shop". */
  protected static final RouteKey ITEM = new RouteKey("shop", "/items/{id}");

  /** A route of another service sharing the store. */
  protected static final RouteKey API = new RouteKey("api", "/v1/orders");

  private final List<StatusStore> opened = new ArrayList<>();

  /**
   * A started store on an empty database of its own, created for the current test.
   *
   * @return the store, started
   * @throws Exception when it cannot be built or started
   */
  protected abstract StatusStore newStore() throws Exception;

  /**
   * The store as it runs again after a restart of its process: {@code store} is stopped, and a
   * store on the same database is returned, started (the same object, started again, where that is
   * how the store restarts).
   *
   * @param store a started store from {@link #newStore()}
   * @return the restarted store
   * @throws Exception when it cannot be restarted
   */
  protected abstract StatusStore restart(StatusStore store) throws Exception;

  /**
   * Makes the store's database refuse the store's statements from now on, as a database that lost
   * the store's tables or its connection would (drop the tables, stop the server, or switch a
   * fake's failure on). The contract then expects a {@link StoreException} from every method but
   * {@link StatusStore#ping()}, which may still find the database answering.
   *
   * @param store the started store whose database to break
   * @throws Exception when the database cannot be broken
   */
  protected abstract void breakDatabase(StatusStore store) throws Exception;

  /**
   * A second process on the database of {@code first}: a store with its own connections, started,
   * as another instance of the service would run it. The default returns {@code first} itself, for
   * stores whose database one process alone may use; the tests about processes sharing a database
   * then run both "processes" through that one store. Override it when the store supports several
   * processes.
   *
   * @param first a started store from {@link #newStore()}
   * @return the second process's store, started
   * @throws Exception when it cannot be built or started
   */
  protected StatusStore secondProcess(StatusStore first) throws Exception {
    return first;
  }

  /**
   * A started store on a fresh database; stopped after the test.
   *
   * @return the store
   * @throws Exception when it cannot be started
   */
  protected final StatusStore store() throws Exception {
    return track(newStore());
  }

  /**
   * {@link #restart(StatusStore)}, and the restarted store is stopped after the test.
   *
   * @param store the store to restart
   * @return the restarted store
   * @throws Exception when it cannot be restarted
   */
  protected final StatusStore restarted(StatusStore store) throws Exception {
    return track(restart(store));
  }

  /**
   * {@link #secondProcess(StatusStore)}, and that store is stopped after the test.
   *
   * @param first the first process's store
   * @return the second process's store
   * @throws Exception when it cannot be started
   */
  protected final StatusStore another(StatusStore first) throws Exception {
    return track(secondProcess(first));
  }

  private StatusStore track(StatusStore store) {
    if (opened.stream().noneMatch(known -> known == store)) {
      opened.add(store);
    }
    return store;
  }

  @AfterEach
  void stopStores() throws Exception {
    Exception failure = null;
    for (StatusStore store : opened) {
      try {
        store.stop();
      } catch (Exception e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    opened.clear();
    if (failure != null) {
      throw failure;
    }
  }

  // ---- helpers, for subclasses' own tests too

  /**
   * A public route with a doc and a group derived from its name.
   *
   * @param key the route
   * @param name its name
   * @return the descriptor
   */
  protected static RouteDescriptor route(RouteKey key, String name) {
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
  protected static MinuteBucket bucket(RouteKey route, Instant minute, String instance, Tally tally) {
    return new MinuteBucket(route, minute, instance, tally);
  }

  /**
   * Day buckets by route and day, checking there is one per route and day.
   *
   * @param days what {@link StatusStore#readDays} returned
   * @return the tallies by route and day
   */
  protected static Map<RouteKey, Map<LocalDate, Tally>> byRouteAndDay(Collection<DayBucket> days) {
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
  protected static Map<RouteKey, Map<LocalDate, Tally>> expectedDays(Collection<MinuteBucket> written) {
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
  protected static Map<RouteKey, Tally> byRoute(Collection<RouteTally> tallies) {
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
  protected static Instant minute(int day, int hour, int minute) {
    return T0.plus(Duration.ofDays(day)).plus(Duration.ofHours(hour)).plus(Duration.ofMinutes(minute));
  }

  // ---- routes

  @Test
  void declaredRoutesAreListedInKeyOrderWithTheirDescriptors() throws Exception {
    StatusStore store = store();
    store.declareRoutes(List.of(route(ITEM, "Item"), route(API, "Orders"), route(HOME, "Home")));

    assertThat(store.routes())
        .containsExactly(
            new StoredRoute(API, "Orders", "doc of Orders", "Group of api", false, false),
            new StoredRoute(HOME, "Home", "doc of Home", "Group of shop", false, false),
            new StoredRoute(ITEM, "Item", "doc of Item", "Group of shop", false, false));
  }

  @Test
  void redeclarationTakesTheNewGroupNameAndDocOfRoutesNobodyEdited() throws Exception {
    StatusStore store = store();
    store.declareRoutes(List.of(route(HOME, "Home")));
    store.declareRoutes(List.of(new RouteDescriptor(HOME, "Start", "", "Pages")));
    store.declareRoutes(List.of(new RouteDescriptor(HOME, "Start", "", "Pages")));

    assertThat(store.routes()).containsExactly(new StoredRoute(HOME, "Start", "", "Pages", false, false));
  }

  @Test
  void editsAndDeletesSurviveRedeclarationAndRestart() throws Exception {
    StatusStore store = store();
    store.declareRoutes(List.of(route(HOME, "Home"), route(ITEM, "Item")));

    assertThat(store.editRoute(HOME, new RouteEdit("Front page", null)))
        .contains(new StoredRoute(HOME, "Front page", "doc of Home", "Group of shop", false, true));
    assertThat(store.deleteRoute(ITEM)).isTrue();

    List<RouteDescriptor> rediscovered =
        List.of(
            new RouteDescriptor(HOME, "home()", "", "HomeResource"),
            new RouteDescriptor(ITEM, "item()", "", "ItemResource"));
    store.declareRoutes(rediscovered);
    List<StoredRoute> expected =
        List.of(
            new StoredRoute(HOME, "Front page", "doc of Home", "HomeResource", false, true),
            new StoredRoute(ITEM, "Item", "doc of Item", "Group of shop", true, false));
    assertThat(store.routes()).isEqualTo(expected);

    StatusStore again = restarted(store);
    again.declareRoutes(rediscovered);
    assertThat(again.routes()).isEqualTo(expected);
    assertThat(again.editRoute(ITEM, new RouteEdit("Back", null))).isEmpty();
  }

  @Test
  void editingNothingOrAnUnknownOrDeletedRouteChangesNothing() throws Exception {
    StatusStore store = store();
    store.declareRoutes(List.of(route(HOME, "Home"), route(ITEM, "Item")));
    store.deleteRoute(ITEM);

    assertThat(store.editRoute(API, new RouteEdit("Orders", "x"))).isEmpty();
    assertThat(store.editRoute(ITEM, new RouteEdit("Item again", null))).isEmpty();
    assertThat(store.editRoute(HOME, new RouteEdit(null, null)))
        .contains(new StoredRoute(HOME, "Home", "doc of Home", "Group of shop", false, false));
    assertThat(store.editRoute(HOME, new RouteEdit(null, "The shop's front page")))
        .contains(new StoredRoute(HOME, "Home", "The shop's front page", "Group of shop", false, true));
    assertThat(store.deleteRoute(API)).isFalse();
    assertThat(store.deleteRoute(ITEM)).isFalse();
    assertThat(store.routes())
        .containsExactly(
            new StoredRoute(HOME, "Home", "The shop's front page", "Group of shop", false, true),
            new StoredRoute(ITEM, "Item", "doc of Item", "Group of shop", true, false));
  }

  @Test
  void theLongestEditTheApiAcceptsFitsAndComesBackUnchanged() throws Exception {
    StatusStore store = store();
    store.declareRoutes(List.of(route(HOME, "Home")));
    // Characters outside the BMP take two UTF-16 units: the widest text within the limits.
    String name = "😀".repeat(RouteEdit.MAX_NAME_LENGTH);
    String doc = "𝕕\n".repeat(RouteEdit.MAX_DOC_LENGTH / 2);

    store.editRoute(HOME, new RouteEdit(name, doc));

    assertThat(another(store).routes())
        .containsExactly(new StoredRoute(HOME, name, doc, "Group of shop", false, true));
  }

  @Test
  void restrictedRoutesAreStoredAsDeclaredAndEveryDeclarationSetsTheFlag() throws Exception {
    StatusStore store = store();
    store.declareRoutes(
        List.of(
            new RouteDescriptor(HOME, "Home", "", "Pages", false),
            new RouteDescriptor(ITEM, "Item", "", "Pages", true)));
    assertThat(store.routes())
        .containsExactly(
            new StoredRoute(HOME, "Home", "", "Pages", false, false, false),
            new StoredRoute(ITEM, "Item", "", "Pages", false, false, true));

    // The host protects HOME from now on, and no longer ITEM, whose name was edited meanwhile.
    assertThat(store.editRoute(ITEM, new RouteEdit("Product", null)))
        .contains(new StoredRoute(ITEM, "Product", "", "Pages", false, true, true));
    store.declareRoutes(
        List.of(
            new RouteDescriptor(HOME, "Home", "", "Pages", true),
            new RouteDescriptor(ITEM, "item()", "", "Pages", false)));

    List<StoredRoute> expected =
        List.of(
            new StoredRoute(HOME, "Home", "", "Pages", false, false, true),
            new StoredRoute(ITEM, "Product", "", "Pages", false, true, false));
    assertThat(store.routes()).isEqualTo(expected);
    assertThat(restarted(store).routes()).isEqualTo(expected);
  }

  @Test
  void aDeletedRouteIsRestoredAsProtectedAsItsHostLastDeclaredIt() throws Exception {
    StatusStore store = store();
    store.declareRoutes(List.of(new RouteDescriptor(HOME, "Home", "", "Pages", false)));
    store.deleteRoute(HOME);

    store.declareRoutes(List.of(new RouteDescriptor(HOME, "home()", "", "HomeResource", true)));
    assertThat(store.routes())
        .as("deleted: still hidden, its name and group kept")
        .containsExactly(new StoredRoute(HOME, "Home", "", "Pages", true, false, true));

    assertThat(store.restoreRoute(HOME, minute(0, 12, 0))).isTrue();
    assertThat(store.routes()).containsExactly(new StoredRoute(HOME, "Home", "", "Pages", false, false, true));
  }

  // ---- writing minutes

  @Test
  void retriedFlushDoesNotDoubleCount() throws Exception {
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
  void laterBucketForTheSameMinuteAndInstanceReplacesTheEarlierOne() throws Exception {
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
  void bucketsOfUndeclaredOrDeletedRoutesAreDropped() throws Exception {
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
  void instancesOfOneMinuteSumExactly() throws Exception {
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
  void processesSharingTheDatabaseSeeEachOthersRoutesAndSumEachOthersBuckets() throws Exception {
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
  void aRouteDeletedByOneProcessIsNotWrittenByAnotherAndComesBackForBothWhenRestored()
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
  void readSinceSumsMinutesFromTheStartOfTheGivenMinute() throws Exception {
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
  void readDaysSumsEachUtcDayWithinTheWindowAndLeavesOutDaysWithoutRequests() throws Exception {
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

  // ---- maintenance

  /**
   * Thirty days of buckets: two routes, two instances, one bucket per route, instance and hour.
   *
   * @return the buckets, day by day
   */
  protected static List<List<MinuteBucket>> thirtyDays() {
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

  @Test
  void thirtyDaysOfMinuteBucketsRollUpIntoExactDaysAndMinutesPastRetentionGo() throws Exception {
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
  void maintenanceLeavesTodayToTheMinuteBuckets() throws Exception {
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
  void todayReadsExactlyWhileMaintenanceRollsUpItsClosedHours() throws Exception {
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

  /**
   * Hours 0 to 10 of {@link #DAY0}, three buckets an hour for each of {@link #HOME} and {@link
   * #ITEM}.
   *
   * @return the buckets, a mutable list
   */
  protected static List<MinuteBucket> todaysHours() {
    List<MinuteBucket> written = new ArrayList<>();
    for (int hour = 0; hour <= 10; hour++) {
      for (int m = 0; m < 3; m++) {
        written.add(bucket(HOME, minute(0, hour, m * 7), "i-1", Tallies.of(5, 1, 0, 100 + hour)));
        written.add(bucket(ITEM, minute(0, hour, m * 11), "i-2", Tallies.of(2, 0, 1, 40L * hour)));
      }
    }
    return written;
  }

  @Test
  void lateMinuteForARolledUpDayCountsAtOnceAndAfterTheNextMaintenance() throws Exception {
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
  void lateMinuteForADayWhoseMinutesWerePrunedIsAddedToItsDay() throws Exception {
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
  void daysPastRetentionAreDeleted() throws Exception {
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

  // ---- deleting and restoring

  @Test
  void deletingARouteRemovesItsHistoryAndHidesItForGood() throws Exception {
    StatusStore store = store();
    store.declareRoutes(List.of(route(HOME, "Home"), route(ITEM, "Item")));
    store.writeMinutes(
        List.of(
            bucket(HOME, minute(0, 12, 0), "i-1", Tallies.of(5, 0, 0, 10)),
            bucket(ITEM, minute(0, 12, 0), "i-1", Tallies.of(6, 0, 0, 10)),
            bucket(ITEM, minute(1, 12, 0), "i-1", Tallies.of(7, 0, 0, 10))));
    store.maintain(minute(1, 13, 0), Retention.defaults());

    assertThat(store.deleteRoute(ITEM)).isTrue();
    store.declareRoutes(List.of(route(ITEM, "Item")));
    store.writeMinutes(List.of(bucket(ITEM, minute(1, 13, 0), "i-1", Tallies.of(1, 0, 0, 10))));

    assertThat(byRouteAndDay(store.readDays(DAY0, DAY0.plusDays(1))))
        .isEqualTo(Map.of(HOME, Map.of(DAY0, Tallies.of(5, 0, 0, 10))));
    assertThat(store.readSince(T0)).extracting(RouteTally::route).containsExactly(HOME);
    assertThat(store.routes()).filteredOn(StoredRoute::hidden).extracting(StoredRoute::key).containsExactly(ITEM);
    assertThat(store.deleteRoute(ITEM)).isFalse();
  }

  @Test
  void restoringADeletedRouteShowsItAgainWithoutItsHistoryCountingFromTheNextMinute()
      throws Exception {
    StatusStore store = store();
    store.declareRoutes(List.of(route(HOME, "Home"), route(ITEM, "Item")));
    store.editRoute(ITEM, new RouteEdit("Product", null));
    store.writeMinutes(List.of(bucket(ITEM, minute(0, 12, 0), "i-1", Tallies.of(6, 0, 0, 10))));
    store.deleteRoute(ITEM);

    Instant restoredAt = minute(0, 13, 0).plusSeconds(20);
    assertThat(store.restoreRoute(ITEM, restoredAt)).isTrue();
    assertThat(store.restoreRoute(ITEM, restoredAt)).as("no longer deleted").isFalse();
    assertThat(store.restoreRoute(HOME, restoredAt)).as("never deleted").isFalse();
    assertThat(store.restoreRoute(API, restoredAt)).as("unknown").isFalse();
    assertThat(store.routes())
        .contains(new StoredRoute(ITEM, "Product", "doc of Item", "Group of shop", false, true));
    assertThat(store.readDays(DAY0, DAY0)).isEmpty();

    store.writeMinutes(
        List.of(
            // What a process held in memory from before the delete: the minute of the restore and
            // a bucket from its retry buffer. Neither may bring the deleted history back.
            bucket(ITEM, minute(0, 13, 0), "i-1", Tallies.of(9, 0, 0, 10)),
            bucket(ITEM, minute(0, 12, 0), "i-2", Tallies.of(4, 0, 0, 10)),
            bucket(ITEM, minute(0, 13, 1), "i-1", Tallies.of(2, 1, 0, 10))));
    assertThat(byRouteAndDay(store.readDays(DAY0, DAY0)))
        .isEqualTo(Map.of(ITEM, Map.of(DAY0, Tallies.of(2, 1, 0, 10))));

    StatusStore again = restarted(store);
    again.declareRoutes(List.of(new RouteDescriptor(ITEM, "item()", "", "ItemResource")));
    assertThat(again.routes())
        .contains(new StoredRoute(ITEM, "Product", "doc of Item", "ItemResource", false, true));
  }

  @Test
  void restoringARouteWhoseHoursAndDaysWereRolledUpBringsNoHistoryBack() throws Exception {
    StatusStore store = store();
    store.declareRoutes(List.of(route(ITEM, "Item")));
    store.writeMinutes(
        List.of(
            bucket(ITEM, minute(0, 12, 0), "i-1", Tallies.of(6, 0, 0, 10)),
            bucket(ITEM, minute(1, 8, 0), "i-1", Tallies.of(3, 0, 0, 10))));
    // Yesterday is rolled up, and so are today's closed hours.
    store.maintain(minute(1, 10, 0), Retention.defaults());
    store.deleteRoute(ITEM);

    assertThat(store.restoreRoute(ITEM, minute(1, 10, 5))).isTrue();

    assertThat(store.readDays(DAY0, DAY0.plusDays(1))).isEmpty();
    assertThat(store.readSince(T0)).isEmpty();
    store.maintain(minute(1, 10, 10), Retention.defaults());
    assertThat(store.readDays(DAY0, DAY0.plusDays(1))).isEmpty();
  }

  // ---- failures

  @Test
  void callsOnABrokenDatabaseFailWithAStoreExceptionSayingWhatWasBeingDone() throws Exception {
    StatusStore store = store();
    store.declareRoutes(List.of(route(HOME, "Home"), route(ITEM, "Item")));
    store.deleteRoute(ITEM);
    breakDatabase(store);

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
