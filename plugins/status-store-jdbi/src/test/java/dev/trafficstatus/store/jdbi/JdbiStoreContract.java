package dev.trafficstatus.store.jdbi;

import static dev.trafficstatus.testkit.StoreTestData.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trafficstatus.spi.store.DayVersions;
import dev.trafficstatus.spi.store.MaintenanceReport;
import dev.trafficstatus.spi.store.MinuteBucket;
import dev.trafficstatus.spi.store.Retention;
import dev.trafficstatus.spi.store.StatusStore;
import dev.trafficstatus.spi.store.StoreException;
import dev.trafficstatus.spi.store.StoredRoute;
import dev.trafficstatus.spi.store.Tally;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.store.jdbi.internal.SchemaMigrator;
import dev.trafficstatus.store.jdbi.internal.TallyRow;
import dev.trafficstatus.store.jdbi.internal.TallySum;
import dev.trafficstatus.store.jdbi.internal.UtcPeriods;
import dev.trafficstatus.store.jdbi.testing.OldSchemaFixture;
import dev.trafficstatus.store.jdbi.testing.OlderSchema;
import dev.trafficstatus.store.jdbi.testing.TestContext;
import dev.trafficstatus.testkit.InstancesContract;
import dev.trafficstatus.testkit.NoticesContract;
import dev.trafficstatus.testkit.OutboxContract;
import dev.trafficstatus.testkit.SubscribersContract;
import dev.trafficstatus.testkit.StatusStoreContract;
import dev.trafficstatus.testkit.TimeRangesContract;
import dev.trafficstatus.testkit.Tallies;
import io.dropwizard.db.DataSourceFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
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
 * The test kit's store contract on the jdbi store, plus what only this store shows: the rows its
 * tables hold, its maintenance reports, its Liquibase changelog and its messages. Run against each
 * database it supports by a subclass that says how to get an empty database.
 */
abstract class JdbiStoreContract extends StatusStoreContract
    implements NoticesContract, OutboxContract, TimeRangesContract, SubscribersContract,
        InstancesContract {

  private final List<StatusStore> built = new ArrayList<>();
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
    built.add(store);
    return store;
  }

  /** A running store on the current test's database, as one process with its own pool. */
  protected final StatusStore startedStore(String instance) throws Exception {
    StatusStore store = builtStore(factory(), instance);
    store.start();
    return store;
  }

  @AfterEach
  void stopBuiltStores() throws Exception {
    for (StatusStore store : built) {
      store.stop();
    }
  }

  @Override
  protected StatusStore newStore() throws Exception {
    return startedStore("test");
  }

  @Override
  protected StatusStore restart(StatusStore store) throws Exception {
    store.stop();
    return startedStore("test");
  }

  @Override
  protected StatusStore secondProcess(StatusStore first) throws Exception {
    return startedStore("second");
  }

  @Override
  protected void breakDatabase(StatusStore store) {
    boolean h2 = database().getUrl().startsWith("jdbc:h2:");
    sql().useHandle(handle -> handle.execute(h2 ? "DROP ALL OBJECTS" : "DROP SCHEMA public CASCADE"));
  }

  /** Plain JDBC access to the test database, beside the store's pool. */
  protected final Jdbi sql() {
    return Jdbi.create(database().getUrl(), database().getUser(), database().getPassword());
  }

  protected final long count(String query) {
    return sql().withHandle(handle -> handle.createQuery(query).mapTo(Long.class).one());
  }

  // ---- rows

  @Test
  void aRetriedFlushLeavesOneRowPerBucket() throws Exception {
    StatusStore store = store();
    store.declareRoutes(List.of(route(HOME, "Home"), route(ITEM, "Item")));
    List<MinuteBucket> flush =
        List.of(
            bucket(HOME, minute(0, 10, 0), "i-1", Tallies.of(10, 1, 2, 1_500)),
            bucket(ITEM, minute(0, 10, 0), "i-1", Tallies.of(4, 0, 0, 800)));

    store.writeMinutes(flush);
    store.writeMinutes(flush);

    assertThat(count("SELECT COUNT(*) FROM status_minutes")).isEqualTo(2);
  }

  @Test
  void bucketsOfUndeclaredOrDeletedRoutesLeaveNoRows() throws Exception {
    StatusStore store = store();
    store.declareRoutes(List.of(route(HOME, "Home"), route(ITEM, "Item")));
    store.deleteRoute(ITEM);

    store.writeMinutes(
        List.of(
            bucket(HOME, minute(0, 10, 0), "i-1", Tallies.of(1, 0, 0, 100)),
            bucket(ITEM, minute(0, 10, 0), "i-1", Tallies.of(2, 0, 0, 100)),
            bucket(API, minute(0, 10, 0), "i-1", Tallies.of(3, 0, 0, 100))));

    assertThat(count("SELECT COUNT(*) FROM status_minutes")).isEqualTo(1);
  }

  @Test
  void thirtyDaysLeaveOneDayRowPerRouteAndDayAndSevenDaysOfMinuteRows() throws Exception {
    StatusStore store = store();
    store.declareRoutes(List.of(route(HOME, "Home"), route(ITEM, "Item")));
    for (List<MinuteBucket> flush : thirtyDays()) {
      store.writeMinutes(flush);
    }

    Instant now = T0.plus(Duration.ofDays(30));
    Retention retention = new Retention(Duration.ofDays(7), Duration.ofDays(400));
    MaintenanceReport report = store.maintain(now, retention);

    long rowsPerDay = 24 * 2 * 2;
    assertThat(report).isEqualTo(new MaintenanceReport(true, 30, 23 * rowsPerDay, 0));
    assertThat(count("SELECT COUNT(*) FROM status_days")).isEqualTo(30 * 2);
    assertThat(count("SELECT COUNT(*) FROM status_minutes")).isEqualTo(7 * rowsPerDay);
    long cutoff = UtcPeriods.minuteOf(now.minus(Duration.ofDays(7)));
    assertThat(count("SELECT COUNT(*) FROM status_minutes WHERE epoch_minute < " + cutoff)).isZero();
    assertThat(store.maintain(now, retention)).isEqualTo(new MaintenanceReport(true, 0, 0, 0));
  }

  @Test
  void maintenanceWritesNoDayRowForToday() throws Exception {
    StatusStore store = store();
    store.declareRoutes(List.of(route(HOME, "Home")));
    store.writeMinutes(List.of(bucket(HOME, minute(0, 8, 0), "i-1", Tallies.of(3, 0, 0, 10))));

    MaintenanceReport report = store.maintain(minute(0, 9, 0), Retention.defaults());

    assertThat(report).isEqualTo(new MaintenanceReport(true, 0, 0, 0));
    assertThat(count("SELECT COUNT(*) FROM status_days")).isZero();
  }

  @Test
  void todaysClosedHoursBecomeHourRows() throws Exception {
    StatusStore store = store();
    store.declareRoutes(List.of(route(HOME, "Home"), route(ITEM, "Item")));
    store.writeMinutes(todaysHours());

    store.maintain(minute(0, 10, 30), Retention.defaults());

    assertThat(count("SELECT COUNT(*) FROM status_hours")).isEqualTo(2 * 10);
    assertThat(count("SELECT COUNT(*) FROM status_days")).isZero();
  }

  @Test
  void aLateMinuteRollsItsDayUpAgain() throws Exception {
    StatusStore store = store();
    store.declareRoutes(List.of(route(HOME, "Home")));
    Tally onTime = Tallies.of(50, 2, 1, 400);
    store.writeMinutes(List.of(bucket(HOME, minute(0, 12, 0), "i-1", onTime)));
    Instant nextMorning = minute(1, 1, 0);
    assertThat(store.maintain(nextMorning, Retention.defaults()).daysRolledUp()).isEqualTo(1);

    Tally late = Tallies.of(7, 3, 0, 900);
    store.writeMinutes(List.of(bucket(HOME, minute(0, 23, 59), "i-2", late)));

    assertThat(store.maintain(nextMorning.plusSeconds(600), Retention.defaults()).daysRolledUp())
        .isEqualTo(1);
    assertThat(count("SELECT total FROM status_days")).isEqualTo(onTime.total() + late.total());
  }

  @Test
  void closedDaysKeepTheirVersionsWhileTodayIsWrittenAndRolledUp() throws Exception {
    StatusStore store = store();
    store.declareRoutes(List.of(route(HOME, "Home")));
    store.writeMinutes(
        List.of(
            bucket(HOME, minute(0, 12, 0), "i-1", Tallies.of(5, 0, 0, 10)),
            bucket(HOME, minute(1, 12, 0), "i-1", Tallies.of(6, 0, 0, 10))));
    store.maintain(minute(2, 1, 0), Retention.defaults());
    LocalDate today = DAY0.plusDays(2);
    DayVersions closed = store.dayVersions(DAY0, today).orElseThrow();

    store.writeMinutes(List.of(bucket(HOME, minute(2, 0, 30), "i-1", Tallies.of(7, 0, 0, 10))));
    DayVersions written = store.dayVersions(DAY0, today).orElseThrow();
    store.maintain(minute(2, 2, 0), Retention.defaults());
    DayVersions rolledUp = store.dayVersions(DAY0, today).orElseThrow();

    assertThat(closed.versions()).containsOnlyKeys(DAY0, DAY0.plusDays(1), today);
    assertThat(written.versions()).as("today has a dirty hour").containsOnlyKeys(DAY0, DAY0.plusDays(1));
    for (DayVersions later : List.of(written, rolledUp)) {
      assertThat(later.unchangedSince(closed, DAY0)).isTrue();
      assertThat(later.unchangedSince(closed, DAY0.plusDays(1))).isTrue();
    }
    assertThat(rolledUp.unchangedSince(closed, today)).isFalse();
  }

  @Test
  void aLateMinuteOfAPrunedDayIsFoldedIntoItsDayRowAndDeleted() throws Exception {
    StatusStore store = store();
    store.declareRoutes(List.of(route(HOME, "Home")));
    store.writeMinutes(List.of(bucket(HOME, minute(0, 12, 0), "i-1", Tallies.of(50, 2, 1, 400))));
    Instant weekLater = minute(8, 1, 0);
    Retention twoDays = new Retention(Duration.ofDays(2), Duration.ofDays(400));
    assertThat(store.maintain(weekLater, twoDays)).isEqualTo(new MaintenanceReport(true, 1, 1, 0));

    MinuteBucket lateBucket = bucket(HOME, minute(0, 23, 59), "i-2", Tallies.of(7, 3, 0, 900));
    store.writeMinutes(List.of(lateBucket));
    store.writeMinutes(List.of(lateBucket));

    assertThat(store.maintain(weekLater, twoDays)).isEqualTo(new MaintenanceReport(true, 1, 0, 0));
    assertThat(count("SELECT COUNT(*) FROM status_minutes")).isZero();
  }

  @Test
  void maintenanceReportsTheRowsDeletedPastRetention() throws Exception {
    StatusStore store = store();
    store.declareRoutes(List.of(route(HOME, "Home"), route(ITEM, "Item")));
    store.writeMinutes(
        List.of(
            bucket(HOME, minute(0, 12, 0), "i-1", Tallies.of(5, 0, 0, 10)),
            bucket(ITEM, minute(0, 12, 0), "i-1", Tallies.of(6, 0, 0, 10)),
            bucket(HOME, minute(1, 12, 0), "i-1", Tallies.of(7, 0, 0, 10))));
    store.maintain(minute(2, 1, 0), Retention.defaults());

    MaintenanceReport report = store.maintain(minute(401, 1, 0), Retention.defaults());

    assertThat(report).isEqualTo(new MaintenanceReport(true, 0, 3, 2));
  }

  @Test
  void deletingARouteDeletesItsRows() throws Exception {
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

    for (String table : List.of("status_minutes", "status_hours", "status_days")) {
      assertThat(
              count(
                  "SELECT COUNT(*) FROM " + table + " t JOIN status_routes r ON r.id = t.route_id"
                      + " WHERE r.rule = '/items/{id}'"))
          .as(table)
          .isZero();
    }
  }

  @Test
  void restoringClearsRowsThatSlippedInWhileTheRouteWasHidden() throws Exception {
    StatusStore store = store();
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

  // ---- the bookkeeping change of change set 7

  @Test
  void hoursNotRolledUpBeforeThePerInstanceBookkeepingReadExactlyAfterItsMigration() throws Exception {
    OlderSchema.apply(database(), 6);
    OldSchemaFixture fixture = sql().withHandle(handle -> OldSchemaFixture.fill(handle, DAY0, HOME, ITEM));
    LocalDate first = DAY0.minusDays(20);
    LocalDate last = DAY0.plusDays(3);
    assertThat(oldRead(first, last)).as("read as the store before the change did").isEqualTo(fixture.expected());

    StatusStore store = store();

    assertThat(byRouteAndDay(store.readDays(first, last))).isEqualTo(fixture.expected());
    store.maintain(minute(3, 10, 0), Retention.defaults());
    assertThat(byRouteAndDay(store.readDays(first, last))).isEqualTo(fixture.expected());
    store.maintain(minute(4, 1, 0), Retention.defaults());
    assertThat(byRouteAndDay(store.readDays(first, last))).isEqualTo(fixture.expected());
    assertThat(count("SELECT COUNT(*) FROM status_hour_writes")).isZero();
  }

  /** What the read of days of change set 6 returns, by route and day. */
  private Map<RouteKey, Map<LocalDate, Tally>> oldRead(LocalDate first, LocalDate last) {
    return sql()
        .withHandle(
            handle -> {
              Map<Integer, RouteKey> keys = new HashMap<>();
              handle
                  .createQuery("SELECT id, service, rule FROM status_routes")
                  .map((rs, ctx) -> keys.put(rs.getInt("id"), new RouteKey(rs.getString("service"), rs.getString("rule"))))
                  .list();
              Map<RouteKey, Map<LocalDate, TallySum>> sums = new HashMap<>();
              handle
                  .createQuery(OldSchemaFixture.OLD_READ_DAYS)
                  .bind("firstDay", first.toEpochDay())
                  .bind("lastDay", last.toEpochDay())
                  .map((rs, ctx) -> new TallyRow.Mapper().map(rs))
                  .forEach(
                      row ->
                          sums.computeIfAbsent(keys.get(row.routeId()), k -> new HashMap<>())
                              .computeIfAbsent(LocalDate.ofEpochDay(row.period()), d -> new TallySum())
                              .add(row));
              Map<RouteKey, Map<LocalDate, Tally>> tallies = new HashMap<>();
              sums.forEach(
                  (route, days) ->
                      days.forEach(
                          (day, sum) ->
                              tallies.computeIfAbsent(route, r -> new HashMap<>()).put(day, sum.toTally())));
              return tallies;
            });
  }

  // ---- schema, lifecycle and failures

  /** Every change set of the store's changelog, in order. */
  static final List<String> CHANGE_SETS =
      List.of(
          "1-routes", "2-minutes", "3-days", "4-day-state", "5-route-counts-from", "6-hours",
          "7-hour-writes", "8-route-restricted", "9-notices",
          "10-outbox-deliveries", "11-subscribers", "12-instances", "13-route-states",
          "14-outbox-events-by-notice", "15-subscriber-mail-periods", "16-alert-states");

  @Test
  void migrationsAreListedThenAppliedOnceIntoTheStoresOwnChangelog() throws Exception {
    JdbiStoreFactory factory = factory();
    factory.setMigrateOnStart(false);
    StatusStore store = builtStore(factory, "test");

    assertThat(store.pendingMigrations()).isEqualTo(CHANGE_SETS);
    assertThat(store.migrate()).isEqualTo(CHANGE_SETS);
    assertThat(store.pendingMigrations()).isEmpty();
    assertThat(store.migrate()).isEmpty();
    assertThat(count("SELECT COUNT(*) FROM " + SchemaMigrator.CHANGELOG_TABLE)).isEqualTo(CHANGE_SETS.size());
    store.start();
    store.ping();
  }

  @Test
  void aCurrentSchemaIsNotHandedToLiquibaseAtStart() throws Exception {
    StatusStore first = store();
    first.declareRoutes(List.of(route(HOME, "Home")));
    first.stop();
    // Liquibase creates its lock table whenever it looks at the database; without it, any look
    // at all would show.
    sql().useHandle(handle -> handle.execute("DROP TABLE " + SchemaMigrator.CHANGELOG_LOCK_TABLE));

    StatusStore again = restarted(first);
    JdbiStoreFactory withoutMigrations = factory();
    withoutMigrations.setMigrateOnStart(false);
    StatusStore strict = builtStore(withoutMigrations, "strict");
    strict.start();

    assertThat(again.routes()).extracting(StoredRoute::key).containsExactly(HOME);
    assertThat(again.pendingMigrations()).isEmpty();
    assertThat(again.migrate()).isEmpty();
    assertThat(
            count(
                "SELECT COUNT(*) FROM information_schema.tables WHERE LOWER(table_name) = '"
                    + SchemaMigrator.CHANGELOG_LOCK_TABLE + "'"))
        .isZero();
  }

  @Test
  void startWithoutMigrateOnStartFailsWhileChangesArePendingAndSaysHowToApplyThem() {
    JdbiStoreFactory factory = factory();
    factory.setMigrateOnStart(false);
    StatusStore store = builtStore(factory, "test");

    assertThatThrownBy(store::start)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("lack " + CHANGE_SETS.size() + " schema change(s)")
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

      StatusStore store = store();
      store.declareRoutes(List.of(route(HOME, "Home")));

      hostPending =
          hostMigrations.listUnrunChangeSets(new Contexts(), new LabelExpression()).stream()
              .map(changeSet -> changeSet.getId())
              .toList();
      assertThat(store.pendingMigrations()).isEmpty();
    }
    assertThat(hostPending).isEmpty();
    assertThat(count("SELECT COUNT(*) FROM databasechangelog")).isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM status_changelog")).isEqualTo(CHANGE_SETS.size());
    assertThat(count("SELECT COUNT(*) FROM host_items")).isZero();
  }

  @Test
  void databaseFailuresSurfaceAsStoreExceptionsSayingWhatWasBeingDoneWithoutSql() throws Exception {
    StatusStore store = store();
    store.declareRoutes(List.of(route(HOME, "Home")));
    sql().useHandle(handle -> handle.execute("DROP TABLE status_hour_writes"));

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
