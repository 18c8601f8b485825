package dev.trafficstatus.store.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trafficstatus.spi.RouteDescriptor;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.store.DayBucket;
import dev.trafficstatus.spi.store.MaintenanceReport;
import dev.trafficstatus.spi.store.MinuteBucket;
import dev.trafficstatus.spi.store.Retention;
import dev.trafficstatus.spi.store.RouteEdit;
import dev.trafficstatus.spi.store.RouteTally;
import dev.trafficstatus.spi.store.StatusStore;
import dev.trafficstatus.spi.store.StoreException;
import dev.trafficstatus.spi.store.StoredRoute;
import dev.trafficstatus.spi.store.Tally;
import dev.trafficstatus.store.jdbi.internal.SchemaMigrator;
import dev.trafficstatus.store.jdbi.internal.UtcPeriods;
import dev.trafficstatus.store.jdbi.testing.Tallies;
import dev.trafficstatus.store.jdbi.testing.TestContext;
import io.dropwizard.db.DataSourceFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link StatusStore} as the jdbi store keeps it, run against each database it
 * supports by a subclass that says how to get an empty database.
 */
abstract class StatusStoreContract {

  static final LocalDate DAY0 = LocalDate.of(2025, 3, 1);
  static final Instant T0 = DAY0.atStartOfDay(ZoneOffset.UTC).toInstant();

  static final RouteKey HOME = new RouteKey("shop", "/");
  static final RouteKey ITEM = new RouteKey("shop", "/items/{id}");
  static final RouteKey API = new RouteKey("api", "/v1/orders");

  private final List<StatusStore> opened = new ArrayList<>();
  private DataSourceFactory database;

  /**
   * An empty database of the kind under test, for one test.
   *
   * @return its data source factory
   */
  protected abstract DataSourceFactory newDatabase();

  /** The database of the current test, created on first use. */
  protected final DataSourceFactory database() {
    if (database == null) {
      database = newDatabase();
    }
    return database;
  }

  /** A factory for the current test's database. */
  protected final JdbiStoreFactory factory() {
    JdbiStoreFactory factory = new JdbiStoreFactory();
    factory.setDatabase(database());
    return factory;
  }

  /** A store built, but not started, on the current test's database; stopped after the test. */
  protected final StatusStore builtStore(JdbiStoreFactory factory, String instance) {
    StatusStore store = factory.build(TestContext.bare(instance));
    opened.add(store);
    return store;
  }

  /** A running store on the current test's database, as one process with its own pool. */
  protected final StatusStore startedStore() throws Exception {
    StatusStore store = builtStore(factory(), "test");
    store.start();
    return store;
  }

  @AfterEach
  void stopStores() throws Exception {
    for (StatusStore store : opened) {
      store.stop();
    }
  }

  /** Plain JDBC access to the test database, beside the store's pool. */
  protected final Jdbi sql() {
    return Jdbi.create(database().getUrl(), database().getUser(), database().getPassword());
  }

  protected final long count(String query) {
    return sql().withHandle(handle -> handle.createQuery(query).mapTo(Long.class).one());
  }

  static RouteDescriptor route(RouteKey key, String name) {
    return new RouteDescriptor(key, name, "doc of " + name, "Group of " + key.service());
  }

  static MinuteBucket bucket(RouteKey route, Instant minute, String instance, Tally tally) {
    return new MinuteBucket(route, minute, instance, tally);
  }

  static Map<RouteKey, Map<LocalDate, Tally>> byRouteAndDay(Collection<DayBucket> days) {
    Map<RouteKey, Map<LocalDate, Tally>> result = new HashMap<>();
    for (DayBucket day : days) {
      Tally previous = result.computeIfAbsent(day.route(), r -> new HashMap<>()).put(day.day(), day.tally());
      assertThat(previous).as("one bucket per route and day").isNull();
    }
    return result;
  }

  static Map<RouteKey, Map<LocalDate, Tally>> expectedDays(Collection<MinuteBucket> written) {
    Map<RouteKey, Map<LocalDate, Tally>> result = new HashMap<>();
    for (MinuteBucket bucket : written) {
      result
          .computeIfAbsent(bucket.route(), r -> new HashMap<>())
          .merge(LocalDate.ofInstant(bucket.minute(), ZoneOffset.UTC), bucket.tally(), Tally::plus);
    }
    return result;
  }

  static Map<RouteKey, Tally> byRoute(Collection<RouteTally> tallies) {
    Map<RouteKey, Tally> result = new HashMap<>();
    tallies.forEach(t -> assertThat(result.put(t.route(), t.tally())).isNull());
    return result;
  }

  static Instant minute(int day, int hour, int minute) {
    return T0.plus(Duration.ofDays(day)).plus(Duration.ofHours(hour)).plus(Duration.ofMinutes(minute));
  }

  // ---- routes

  @Test
  void declaredRoutesAreListedInKeyOrderWithTheirDescriptors() throws Exception {
    StatusStore store = startedStore();
    store.declareRoutes(List.of(route(ITEM, "Item"), route(API, "Orders"), route(HOME, "Home")));

    assertThat(store.routes())
        .containsExactly(
            new StoredRoute(API, "Orders", "doc of Orders", "Group of api", false, false),
            new StoredRoute(HOME, "Home", "doc of Home", "Group of shop", false, false),
            new StoredRoute(ITEM, "Item", "doc of Item", "Group of shop", false, false));
  }

  @Test
  void redeclarationTakesTheNewGroupNameAndDocOfRoutesNobodyEdited() throws Exception {
    StatusStore store = startedStore();
    store.declareRoutes(List.of(route(HOME, "Home")));
    store.declareRoutes(List.of(new RouteDescriptor(HOME, "Start", "", "Pages")));
    store.declareRoutes(List.of(new RouteDescriptor(HOME, "Start", "", "Pages")));

    assertThat(store.routes()).containsExactly(new StoredRoute(HOME, "Start", "", "Pages", false, false));
  }

  @Test
  void editsAndDeletesSurviveRedeclarationAndRestart() throws Exception {
    StatusStore store = startedStore();
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

    store.stop();
    StatusStore restarted = startedStore();
    restarted.declareRoutes(rediscovered);
    assertThat(restarted.routes()).isEqualTo(expected);
    assertThat(restarted.editRoute(ITEM, new RouteEdit("Back", null))).isEmpty();
  }

  @Test
  void editingNothingOrAnUnknownOrDeletedRouteChangesNothing() throws Exception {
    StatusStore store = startedStore();
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
  }

  @Test
  void theLongestEditTheApiAcceptsFitsAndComesBackUnchanged() throws Exception {
    StatusStore store = startedStore();
    store.declareRoutes(List.of(route(HOME, "Home")));
    // Characters outside the BMP take two UTF-16 units: the widest text within the limits.
    String name = "😀".repeat(RouteEdit.MAX_NAME_LENGTH);
    String doc = "𝕕\n".repeat(RouteEdit.MAX_DOC_LENGTH / 2);

    store.editRoute(HOME, new RouteEdit(name, doc));

    assertThat(startedStore().routes())
        .containsExactly(new StoredRoute(HOME, name, doc, "Group of shop", false, true));
  }

  // ---- writing minutes

  @Test
  void retriedFlushDoesNotDoubleCount() throws Exception {
    StatusStore store = startedStore();
    store.declareRoutes(List.of(route(HOME, "Home"), route(ITEM, "Item")));
    List<MinuteBucket> flush =
        List.of(
            bucket(HOME, minute(0, 10, 0), "i-1", Tallies.of(10, 1, 2, 1_500)),
            bucket(ITEM, minute(0, 10, 0), "i-1", Tallies.of(4, 0, 0, 800)));

    store.writeMinutes(flush);
    store.writeMinutes(flush);

    assertThat(byRoute(store.readSince(minute(0, 10, 0))))
        .isEqualTo(Map.of(HOME, Tallies.of(10, 1, 2, 1_500), ITEM, Tallies.of(4, 0, 0, 800)));
    assertThat(count("SELECT COUNT(*) FROM status_minutes")).isEqualTo(2);
  }

  @Test
  void laterBucketForTheSameMinuteAndInstanceReplacesTheEarlierOne() throws Exception {
    StatusStore store = startedStore();
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
    StatusStore store = startedStore();
    store.declareRoutes(List.of(route(HOME, "Home"), route(ITEM, "Item")));
    store.deleteRoute(ITEM);

    store.writeMinutes(
        List.of(
            bucket(HOME, minute(0, 10, 0), "i-1", Tallies.of(1, 0, 0, 100)),
            bucket(ITEM, minute(0, 10, 0), "i-1", Tallies.of(2, 0, 0, 100)),
            bucket(API, minute(0, 10, 0), "i-1", Tallies.of(3, 0, 0, 100))));

    assertThat(byRoute(store.readSince(T0))).isEqualTo(Map.of(HOME, Tallies.of(1, 0, 0, 100)));
    assertThat(count("SELECT COUNT(*) FROM status_minutes")).isEqualTo(1);
    assertThat(store.routes()).extracting(StoredRoute::key).containsExactly(HOME, ITEM);
  }

  @Test
  void instancesOfOneMinuteSumExactly() throws Exception {
    StatusStore store = startedStore();
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

  // ---- reading

  @Test
  void readSinceSumsMinutesFromTheStartOfTheGivenMinute() throws Exception {
    StatusStore store = startedStore();
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
    StatusStore store = startedStore();
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

  @Test
  void thirtyDaysOfMinuteBucketsRollUpIntoExactDayRowsAndMinutesPastRetentionGo() throws Exception {
    StatusStore store = startedStore();
    store.declareRoutes(List.of(route(HOME, "Home"), route(ITEM, "Item")));
    List<MinuteBucket> written = new ArrayList<>();
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
      store.writeMinutes(flush);
      written.addAll(flush);
    }
    Map<RouteKey, Map<LocalDate, Tally>> expected = expectedDays(written);
    LocalDate lastDay = DAY0.plusDays(29);
    assertThat(byRouteAndDay(store.readDays(DAY0, lastDay))).isEqualTo(expected);

    Instant now = T0.plus(Duration.ofDays(30));
    MaintenanceReport report = store.maintain(now, new Retention(Duration.ofDays(7), Duration.ofDays(400)));

    long rowsPerDay = 24 * 2 * 2;
    assertThat(report).isEqualTo(new MaintenanceReport(true, 30, 23 * rowsPerDay, 0));
    assertThat(byRouteAndDay(store.readDays(DAY0, lastDay))).isEqualTo(expected);
    assertThat(count("SELECT COUNT(*) FROM status_days")).isEqualTo(30 * 2);
    assertThat(count("SELECT COUNT(*) FROM status_minutes")).isEqualTo(7 * rowsPerDay);
    long cutoff = UtcPeriods.minuteOf(now.minus(Duration.ofDays(7)));
    assertThat(count("SELECT COUNT(*) FROM status_minutes WHERE epoch_minute < " + cutoff)).isZero();
    assertThat(store.maintain(now, new Retention(Duration.ofDays(7), Duration.ofDays(400))))
        .isEqualTo(new MaintenanceReport(true, 0, 0, 0));
  }

  @Test
  void maintenanceLeavesTodayToTheMinuteRows() throws Exception {
    StatusStore store = startedStore();
    store.declareRoutes(List.of(route(HOME, "Home")));
    store.writeMinutes(List.of(bucket(HOME, minute(0, 8, 0), "i-1", Tallies.of(3, 0, 0, 10))));

    MaintenanceReport report = store.maintain(minute(0, 9, 0), Retention.defaults());
    store.writeMinutes(List.of(bucket(HOME, minute(0, 9, 0), "i-1", Tallies.of(4, 0, 0, 10))));

    assertThat(report).isEqualTo(new MaintenanceReport(true, 0, 0, 0));
    assertThat(count("SELECT COUNT(*) FROM status_days")).isZero();
    assertThat(byRouteAndDay(store.readDays(DAY0, DAY0)))
        .isEqualTo(Map.of(HOME, Map.of(DAY0, Tallies.of(3, 0, 0, 10).plus(Tallies.of(4, 0, 0, 10)))));
  }

  @Test
  void todaysClosedHoursAreReadFromHourRollupsWithExactFigures() throws Exception {
    StatusStore store = startedStore();
    store.declareRoutes(List.of(route(HOME, "Home"), route(ITEM, "Item")));
    List<MinuteBucket> written = new ArrayList<>();
    for (int hour = 0; hour <= 10; hour++) {
      for (int m = 0; m < 3; m++) {
        written.add(bucket(HOME, minute(0, hour, m * 7), "i-1", Tallies.of(5, 1, 0, 100 + hour)));
        written.add(bucket(ITEM, minute(0, hour, m * 11), "i-2", Tallies.of(2, 0, 1, 40 * hour)));
      }
    }
    store.writeMinutes(written);
    Map<RouteKey, Map<LocalDate, Tally>> expected = expectedDays(written);
    assertThat(byRouteAndDay(store.readDays(DAY0, DAY0))).isEqualTo(expected);

    store.maintain(minute(0, 10, 30), Retention.defaults());

    assertThat(count("SELECT COUNT(*) FROM status_hours")).isEqualTo(2 * 10);
    assertThat(count("SELECT COUNT(*) FROM status_days")).isZero();
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
  void lateMinuteForARolledUpDayCountsAtOnceAndIsRolledUpByTheNextMaintenance() throws Exception {
    StatusStore store = startedStore();
    store.declareRoutes(List.of(route(HOME, "Home")));
    Tally onTime = Tallies.of(50, 2, 1, 400);
    store.writeMinutes(List.of(bucket(HOME, minute(0, 12, 0), "i-1", onTime)));
    Instant nextMorning = minute(1, 1, 0);
    assertThat(store.maintain(nextMorning, Retention.defaults()).daysRolledUp()).isEqualTo(1);

    // An instance cut off from the database since yesterday evening flushes what it kept.
    Tally late = Tallies.of(7, 3, 0, 900);
    store.writeMinutes(List.of(bucket(HOME, minute(0, 23, 59), "i-2", late)));

    Map<RouteKey, Map<LocalDate, Tally>> expected = Map.of(HOME, Map.of(DAY0, onTime.plus(late)));
    assertThat(byRouteAndDay(store.readDays(DAY0, DAY0))).isEqualTo(expected);
    assertThat(store.maintain(nextMorning.plusSeconds(600), Retention.defaults()).daysRolledUp())
        .isEqualTo(1);
    assertThat(byRouteAndDay(store.readDays(DAY0, DAY0))).isEqualTo(expected);
    assertThat(count("SELECT total FROM status_days")).isEqualTo(onTime.total() + late.total());
  }

  @Test
  void lateMinuteForADayWhoseMinutesWerePrunedIsAddedToItsDayRows() throws Exception {
    StatusStore store = startedStore();
    store.declareRoutes(List.of(route(HOME, "Home")));
    Tally onTime = Tallies.of(50, 2, 1, 400);
    store.writeMinutes(List.of(bucket(HOME, minute(0, 12, 0), "i-1", onTime)));
    Instant weekLater = minute(8, 1, 0);
    Retention twoDays = new Retention(Duration.ofDays(2), Duration.ofDays(400));
    assertThat(store.maintain(weekLater, twoDays)).isEqualTo(new MaintenanceReport(true, 1, 1, 0));

    Tally late = Tallies.of(7, 3, 0, 900);
    MinuteBucket lateBucket = bucket(HOME, minute(0, 23, 59), "i-2", late);
    store.writeMinutes(List.of(lateBucket));
    store.writeMinutes(List.of(lateBucket));

    Map<RouteKey, Map<LocalDate, Tally>> expected = Map.of(HOME, Map.of(DAY0, onTime.plus(late)));
    assertThat(byRouteAndDay(store.readDays(DAY0, DAY0))).isEqualTo(expected);
    assertThat(store.maintain(weekLater, twoDays)).isEqualTo(new MaintenanceReport(true, 1, 0, 0));
    assertThat(byRouteAndDay(store.readDays(DAY0, DAY0))).isEqualTo(expected);
    assertThat(count("SELECT COUNT(*) FROM status_minutes")).isZero();
  }

  @Test
  void dayRowsPastRetentionAreDeleted() throws Exception {
    StatusStore store = startedStore();
    store.declareRoutes(List.of(route(HOME, "Home"), route(ITEM, "Item")));
    store.writeMinutes(
        List.of(
            bucket(HOME, minute(0, 12, 0), "i-1", Tallies.of(5, 0, 0, 10)),
            bucket(ITEM, minute(0, 12, 0), "i-1", Tallies.of(6, 0, 0, 10)),
            bucket(HOME, minute(1, 12, 0), "i-1", Tallies.of(7, 0, 0, 10))));
    store.maintain(minute(2, 1, 0), Retention.defaults());

    MaintenanceReport report = store.maintain(minute(401, 1, 0), Retention.defaults());

    assertThat(report).isEqualTo(new MaintenanceReport(true, 0, 3, 2));
    assertThat(byRouteAndDay(store.readDays(DAY0, DAY0.plusDays(1))))
        .isEqualTo(Map.of(HOME, Map.of(DAY0.plusDays(1), Tallies.of(7, 0, 0, 10))));
  }

  @Test
  void deletingARouteRemovesItsHistoryAndHidesItForGood() throws Exception {
    StatusStore store = startedStore();
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
    assertThat(
            count(
                "SELECT (SELECT COUNT(*) FROM status_minutes m JOIN status_routes r ON r.id = m.route_id"
                    + " WHERE r.rule = '/items/{id}') + (SELECT COUNT(*) FROM status_days d JOIN"
                    + " status_routes r ON r.id = d.route_id WHERE r.rule = '/items/{id}')"))
        .isZero();
    assertThat(store.deleteRoute(ITEM)).isFalse();
  }

  @Test
  void restoringADeletedRouteShowsItAgainWithoutItsHistoryCountingFromTheNextMinute()
      throws Exception {
    StatusStore store = startedStore();
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

    store.stop();
    StatusStore restarted = startedStore();
    restarted.declareRoutes(List.of(new RouteDescriptor(ITEM, "item()", "", "ItemResource")));
    assertThat(restarted.routes())
        .contains(new StoredRoute(ITEM, "Product", "doc of Item", "ItemResource", false, true));
  }

  @Test
  void restoringClearsRowsThatSlippedInWhileTheRouteWasHidden() throws Exception {
    StatusStore store = startedStore();
    store.declareRoutes(List.of(route(ITEM, "Item")));
    store.deleteRoute(ITEM);
    // What a writer that still saw the route as visible could have added after the delete.
    sql()
        .useHandle(
            handle ->
                handle.execute(
                    "INSERT INTO status_minutes (route_id, epoch_minute, instance, total, success,"
                        + " failure, ignored, max_latency_micros, histogram)"
                        + " SELECT id, ?, 'late', 1, 1, 0, 0, 10, ? FROM status_routes WHERE rule = ?",
                    UtcPeriods.minuteOf(minute(0, 12, 0)),
                    Tallies.of(1, 0, 0, 10).latency().encode(),
                    ITEM.rule()));

    assertThat(store.restoreRoute(ITEM, minute(0, 13, 0))).isTrue();

    assertThat(store.readDays(DAY0, DAY0)).isEmpty();
    assertThat(count("SELECT COUNT(*) FROM status_minutes")).isZero();
  }

  // ---- schema, lifecycle and failures

  @Test
  void migrationsAreListedThenAppliedOnceIntoTheStoresOwnChangelog() throws Exception {
    JdbiStoreFactory factory = factory();
    factory.setMigrateOnStart(false);
    StatusStore store = builtStore(factory, "test");
    List<String> all =
        List.of("1-routes", "2-minutes", "3-days", "4-day-state", "5-route-counts-from", "6-hours");

    assertThat(store.pendingMigrations()).isEqualTo(all);
    assertThat(store.migrate()).isEqualTo(all);
    assertThat(store.pendingMigrations()).isEmpty();
    assertThat(store.migrate()).isEmpty();
    assertThat(count("SELECT COUNT(*) FROM " + SchemaMigrator.CHANGELOG_TABLE)).isEqualTo(all.size());
    store.start();
    store.ping();
  }

  @Test
  void startWithoutMigrateOnStartFailsWhileChangesArePendingAndSaysHowToApplyThem() {
    JdbiStoreFactory factory = factory();
    factory.setMigrateOnStart(false);
    StatusStore store = builtStore(factory, "test");

    assertThatThrownBy(store::start)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("lack 6 schema change(s)")
        .hasMessageContaining("db migrate")
        .hasMessageContaining("migrateOnStart");
  }

  @Test
  void storeChangelogLivesBesideTheHostApplicationsMigrations() throws Exception {
    List<String> hostPending;
    try (Connection connection =
        DriverManager.getConnection(database().getUrl(), database().getUser(), database().getPassword())) {
      Database host =
          DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
      Liquibase hostMigrations =
          new Liquibase("migrations.xml", new ClassLoaderResourceAccessor(), host);
      hostMigrations.setShowSummaryOutput(UpdateSummaryOutputEnum.LOG);
      hostMigrations.update(new Contexts(), new LabelExpression());

      StatusStore store = startedStore();
      store.declareRoutes(List.of(route(HOME, "Home")));

      hostPending =
          hostMigrations.listUnrunChangeSets(new Contexts(), new LabelExpression()).stream()
              .map(changeSet -> changeSet.getId())
              .toList();
      assertThat(store.pendingMigrations()).isEmpty();
    }
    assertThat(hostPending).isEmpty();
    assertThat(count("SELECT COUNT(*) FROM databasechangelog")).isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM status_changelog")).isEqualTo(6);
    assertThat(count("SELECT COUNT(*) FROM host_items")).isZero();
  }

  @Test
  void databaseFailuresSurfaceAsStoreExceptionsSayingWhatWasBeingDoneWithoutSql() throws Exception {
    StatusStore store = startedStore();
    store.declareRoutes(List.of(route(HOME, "Home")));
    sql().useHandle(handle -> handle.execute("DROP TABLE status_day_state"));

    assertThatThrownBy(
            () -> store.writeMinutes(List.of(bucket(HOME, minute(0, 1, 0), "i-1", Tallies.of(1, 0, 0, 1)))))
        .isInstanceOf(StoreException.class)
        .hasMessageStartingWith("writing 1 minute buckets: ")
        .hasMessageNotContaining("INSERT")
        .hasMessageNotContaining("MERGE")
        .hasMessageNotContaining("\n");
    assertThatThrownBy(() -> store.readDays(DAY0, DAY0))
        .isInstanceOf(StoreException.class)
        .hasMessageStartingWith("reading days 2025-03-01 to 2025-03-01: ")
        .hasMessageNotContaining("SELECT");
    assertThatThrownBy(() -> store.maintain(minute(3, 0, 0), Retention.defaults()))
        .isInstanceOf(StoreException.class)
        .hasMessageStartingWith("maintenance (day rollups and retention): ");
  }

  @Test
  void pingAnswersWhileTheStoreRunsAndCallsBeforeStartAreRefused() throws Exception {
    StatusStore store = builtStore(factory(), "test");

    assertThatThrownBy(store::ping).isInstanceOf(IllegalStateException.class).hasMessageContaining("not started");
    store.start();
    store.ping();
    store.stop();
    assertThatThrownBy(store::routes).isInstanceOf(IllegalStateException.class);
  }
}
