package dev.trafficstatus.store.jdbi;

import com.codahale.metrics.MetricFilter;
import com.codahale.metrics.MetricRegistry;
import dev.trafficstatus.spi.RouteDescriptor;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.store.DayBucket;
import dev.trafficstatus.spi.store.MaintenanceReport;
import dev.trafficstatus.spi.store.MinuteBucket;
import dev.trafficstatus.spi.store.Retention;
import dev.trafficstatus.spi.store.RouteEdit;
import dev.trafficstatus.spi.store.RouteTally;
import dev.trafficstatus.spi.store.StatusStore;
import dev.trafficstatus.spi.store.StoredRoute;
import dev.trafficstatus.store.jdbi.internal.Dialect;
import dev.trafficstatus.store.jdbi.internal.Maintenance;
import dev.trafficstatus.store.jdbi.internal.RouteIds;
import dev.trafficstatus.store.jdbi.internal.SchemaMigrator;
import dev.trafficstatus.store.jdbi.internal.StatusDao;
import dev.trafficstatus.store.jdbi.internal.StatusDao.MinuteRow;
import dev.trafficstatus.store.jdbi.internal.StoreFailures;
import dev.trafficstatus.store.jdbi.internal.TallySum;
import dev.trafficstatus.store.jdbi.internal.UtcPeriods;
import io.dropwizard.db.ManagedDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jdbi.v3.core.Jdbi;

/**
 * The {@link StatusStore} on a JDBC pool through JDBI, for H2 and PostgreSQL. Built by {@link
 * JdbiStoreFactory}; touches the database from {@link #start()} on (and in {@link #migrate()} and
 * {@link #pendingMigrations()}, which open and close the pool themselves when it is not started).
 *
 * <p>Database work catches {@link AssertionError} besides runtime exceptions: pgjdbc reports a
 * connection that died in the middle of a batch with {@code AssertionError("...getAutoCommit()
 * should not throw")}. It is a failed write like any other, and the flusher must see it as one
 * (a {@link dev.trafficstatus.spi.store.StoreException}) to buffer and retry quietly.
 */
final class JdbiStatusStore implements StatusStore {

  /** The key of rows read per route and day. */
  private record RouteDay(int routeId, long epochDay) {}

  /** The key of a minute bucket in the tables. */
  private record MinuteKey(int routeId, long epochMinute, String instance) {}

  private static final Comparator<MinuteKey> MINUTE_ORDER =
      Comparator.comparingInt(MinuteKey::routeId)
          .thenComparingLong(MinuteKey::epochMinute)
          .thenComparing(MinuteKey::instance);

  private final ManagedDataSource dataSource;
  private final Jdbi jdbi;
  private final MetricRegistry metrics;
  private final String poolMetricsPrefix;
  private final String redactedUrl;
  private final boolean migrateOnStart;
  private final SchemaMigrator migrator = new SchemaMigrator();

  private volatile boolean started;
  private volatile Dialect dialect;
  private volatile Maintenance maintenance;
  private volatile RouteIds routeIds = RouteIds.empty();

  /**
   * @param dataSource the pool, not yet started
   * @param metrics where the pool registers its gauges on start
   * @param poolMetricsPrefix the prefix of those gauges' names, removed again on stop
   * @param redactedUrl the database URL without secrets
   * @param migrateOnStart whether {@link #start()} applies pending schema changes
   */
  JdbiStatusStore(
      ManagedDataSource dataSource,
      MetricRegistry metrics,
      String poolMetricsPrefix,
      String redactedUrl,
      boolean migrateOnStart) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.jdbi = Jdbi.create(dataSource);
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.poolMetricsPrefix = Objects.requireNonNull(poolMetricsPrefix, "poolMetricsPrefix");
    this.redactedUrl = Objects.requireNonNull(redactedUrl, "redactedUrl");
    this.migrateOnStart = migrateOnStart;
  }

  @Override
  public String describe() {
    Dialect known = dialect;
    return "jdbi: "
        + (known != null ? known.product() : Dialect.guessProduct(redactedUrl))
        + " "
        + redactedUrl;
  }

  // ---- lifecycle

  @Override
  public synchronized void start() throws Exception {
    if (started) {
      return;
    }
    try {
      dataSource.start();
      Dialect detected = detectDialect();
      if (migrateOnStart) {
        migrateWithOpenPool();
      } else {
        requireCurrentSchema();
      }
      dialect = detected;
      maintenance = new Maintenance(jdbi, detected);
      routeIds = loadRouteIds();
      started = true;
    } catch (Exception failure) {
      try {
        closePool();
      } catch (Exception closing) {
        failure.addSuppressed(closing);
      }
      if (failure instanceof IllegalStateException config) {
        throw config;
      }
      throw StoreFailures.wrap("starting the store on " + redactedUrl, failure);
    }
  }

  @Override
  public synchronized void stop() throws Exception {
    started = false;
    closePool();
  }

  private void closePool() throws Exception {
    try {
      dataSource.stop();
    } finally {
      metrics.removeMatching(MetricFilter.startsWith(poolMetricsPrefix));
    }
  }

  private Dialect detectDialect() throws SQLException {
    return Dialect.ofProduct(jdbi.withHandle(StatusDao::productName));
  }

  private void requireCurrentSchema() throws Exception {
    List<String> pending = withConnection(migrator::pending);
    if (!pending.isEmpty()) {
      throw new IllegalStateException(
          "The status tables in "
              + redactedUrl
              + " lack "
              + pending.size()
              + " schema change(s) "
              + pending
              + "; run the server's `db migrate` command or set store.migrateOnStart: true.");
    }
  }

  private RouteIds loadRouteIds() {
    return new RouteIds(jdbi.withHandle(handle -> new StatusDao(handle, dialect).routeEntries()));
  }

  private RouteIds refreshRouteIds() {
    RouteIds fresh = loadRouteIds();
    routeIds = fresh;
    return fresh;
  }

  private void requireStarted() {
    if (!started) {
      throw new IllegalStateException("The jdbi store is not started");
    }
  }

  // ---- schema

  @Override
  public synchronized List<String> migrate() {
    try {
      return withTemporaryPool(
          () -> {
            detectDialect();
            return migrateWithOpenPool();
          });
    } catch (IllegalStateException config) {
      throw config;
    } catch (Exception failure) {
      throw StoreFailures.wrap("applying schema changes to " + redactedUrl, failure);
    }
  }

  @Override
  public synchronized List<String> pendingMigrations() {
    try {
      return withTemporaryPool(
          () -> {
            detectDialect();
            return withConnection(migrator::pending);
          });
    } catch (IllegalStateException config) {
      throw config;
    } catch (Exception failure) {
      throw StoreFailures.wrap("listing pending schema changes of " + redactedUrl, failure);
    }
  }

  private List<String> migrateWithOpenPool() throws Exception {
    return withConnection(migrator::migrate);
  }

  private interface PoolWork<T> {
    T run() throws Exception;
  }

  private interface ConnectionWork<T> {
    T apply(Connection connection) throws Exception;
  }

  /** Runs work on the pool; when the store is not started, the pool is closed again afterwards. */
  private <T> T withTemporaryPool(PoolWork<T> work) throws Exception {
    try {
      return work.run();
    } finally {
      if (!started) {
        dataSource.stop();
      }
    }
  }

  private <T> T withConnection(ConnectionWork<T> work) throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      return work.apply(connection);
    }
  }

  // ---- routes

  @Override
  public void declareRoutes(Collection<RouteDescriptor> routes) {
    requireStarted();
    if (routes.isEmpty()) {
      return;
    }
    // Key order, so two processes declaring the same routes lock them in the same order.
    Map<RouteKey, RouteDescriptor> byKey = new TreeMap<>();
    for (RouteDescriptor route : routes) {
      byKey.putIfAbsent(route.key(), route);
    }
    try {
      jdbi.useTransaction(
          handle -> new StatusDao(handle, dialect).declareRoutes(List.copyOf(byKey.values())));
      refreshRouteIds();
    } catch (RuntimeException | AssertionError failure) {
      throw StoreFailures.wrap("declaring " + byKey.size() + " routes", failure);
    }
  }

  @Override
  public List<StoredRoute> routes() {
    requireStarted();
    try {
      List<StoredRoute> routes =
          new ArrayList<>(jdbi.withHandle(handle -> new StatusDao(handle, dialect).routes()));
      // Sorted here, not by SQL: database collations need not order strings as RouteKey does.
      routes.sort(Comparator.comparing(StoredRoute::key));
      return List.copyOf(routes);
    } catch (RuntimeException | AssertionError failure) {
      throw StoreFailures.wrap("listing routes", failure);
    }
  }

  @Override
  public Optional<StoredRoute> editRoute(RouteKey key, RouteEdit edit) {
    requireStarted();
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(edit, "edit");
    try {
      return jdbi.inTransaction(
          handle -> {
            StatusDao dao = new StatusDao(handle, dialect);
            if (edit.name() == null && edit.doc() == null) {
              return dao.route(key).filter(route -> !route.hidden());
            }
            return dao.editRoute(key, edit.name(), edit.doc()) ? dao.route(key) : Optional.empty();
          });
    } catch (RuntimeException | AssertionError failure) {
      throw StoreFailures.wrap("editing route " + key.service() + " " + key.rule(), failure);
    }
  }

  @Override
  public boolean deleteRoute(RouteKey key) {
    requireStarted();
    Objects.requireNonNull(key, "key");
    try {
      boolean deleted =
          jdbi.inTransaction(
              handle -> {
                StatusDao dao = new StatusDao(handle, dialect);
                Optional<Integer> id = dao.hideRoute(key);
                id.ifPresent(dao::deleteHistory);
                return id.isPresent();
              });
      if (deleted) {
        refreshRouteIds();
      }
      return deleted;
    } catch (RuntimeException | AssertionError failure) {
      throw StoreFailures.wrap("deleting route " + key.service() + " " + key.rule(), failure);
    }
  }

  @Override
  public boolean restoreRoute(RouteKey key, Instant now) {
    requireStarted();
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(now, "now");
    long countsFrom = UtcPeriods.minuteOf(now) + 1;
    try {
      boolean restored =
          jdbi.inTransaction(
              handle -> {
                StatusDao dao = new StatusDao(handle, dialect);
                Optional<Integer> id = dao.unhideRoute(key, countsFrom);
                // A writer that read the route as visible just before it was hidden may have added
                // rows after the delete; a restored route starts without history all the same.
                id.ifPresent(dao::deleteHistory);
                return id.isPresent();
              });
      if (restored) {
        refreshRouteIds();
      }
      return restored;
    } catch (RuntimeException failure) {
      throw StoreFailures.wrap("restoring route " + key.service() + " " + key.rule(), failure);
    }
  }

  // ---- minutes

  @Override
  public void writeMinutes(Collection<MinuteBucket> buckets) {
    requireStarted();
    if (buckets.isEmpty()) {
      return;
    }
    String doing = "writing " + buckets.size() + " minute buckets";
    try {
      Map<MinuteKey, MinuteRow> rows = rowsToWrite(buckets);
      if (rows.isEmpty()) {
        return;
      }
      TreeSet<Long> hours = new TreeSet<>();
      TreeSet<Long> days = new TreeSet<>();
      rows.keySet().forEach(key -> {
        hours.add(UtcPeriods.hourOfMinute(key.epochMinute()));
        days.add(UtcPeriods.dayOfMinute(key.epochMinute()));
      });
      List<MinuteRow> ordered = new ArrayList<>(rows.size());
      rows.entrySet().stream()
          .sorted(Map.Entry.comparingByKey(MINUTE_ORDER))
          .forEach(entry -> ordered.add(entry.getValue()));
      jdbi.useTransaction(handle -> new StatusDao(handle, dialect).writeMinutes(ordered, hours, days));
    } catch (RuntimeException | AssertionError failure) {
      throw StoreFailures.wrap(doing, failure);
    }
  }

  /**
   * The rows to write: buckets of visible routes, the last one per key. A route this process does
   * not know may have been declared by another one, so the snapshot is refreshed once before such
   * buckets are dropped.
   */
  private Map<MinuteKey, MinuteRow> rowsToWrite(Collection<MinuteBucket> buckets) {
    RouteIds ids = routeIds;
    boolean refreshed = false;
    Map<MinuteKey, MinuteRow> rows = new LinkedHashMap<>();
    for (MinuteBucket bucket : buckets) {
      Optional<Integer> id = ids.visibleId(bucket.route());
      if (id.isEmpty() && !refreshed) {
        ids = refreshRouteIds();
        refreshed = true;
        id = ids.visibleId(bucket.route());
      }
      if (id.isEmpty()) {
        continue;
      }
      long minute = UtcPeriods.minuteOf(bucket.minute());
      rows.put(
          new MinuteKey(id.get(), minute, bucket.instance()),
          new MinuteRow(id.get(), minute, bucket.instance(), bucket.tally()));
    }
    return rows;
  }

  // ---- reads

  @Override
  public List<DayBucket> readDays(LocalDate first, LocalDate last) {
    requireStarted();
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(last, "last");
    try {
      Map<RouteDay, TallySum> sums = new HashMap<>();
      // In a transaction so PostgreSQL streams today's minute rows through a cursor.
      jdbi.useTransaction(
          handle ->
              new StatusDao(handle, dialect)
                  .readDays(
                      first.toEpochDay(),
                      last.toEpochDay(),
                      row ->
                          sums.computeIfAbsent(
                                  new RouteDay(row.routeId(), row.period()), k -> new TallySum())
                              .add(row)));
      List<DayBucket> days = new ArrayList<>(sums.size());
      RouteIds ids = routeIds;
      for (Map.Entry<RouteDay, TallySum> entry : sums.entrySet()) {
        if (!entry.getValue().hasRequests()) {
          continue;
        }
        ids = knowing(ids, entry.getKey().routeId());
        RouteKey route = ids.key(entry.getKey().routeId()).orElseThrow();
        days.add(
            new DayBucket(
                route,
                UtcPeriods.dateOf(entry.getKey().epochDay()),
                entry.getValue().toTally()));
      }
      return days;
    } catch (RuntimeException | AssertionError failure) {
      throw StoreFailures.wrap("reading days " + first + " to " + last, failure);
    }
  }

  @Override
  public List<RouteTally> readSince(Instant from) {
    requireStarted();
    Objects.requireNonNull(from, "from");
    try {
      Map<Integer, TallySum> sums = new HashMap<>();
      jdbi.useTransaction(
          handle ->
              new StatusDao(handle, dialect)
                  .readSince(
                      UtcPeriods.minuteOf(from),
                      row -> sums.computeIfAbsent(row.routeId(), k -> new TallySum()).add(row)));
      List<RouteTally> tallies = new ArrayList<>(sums.size());
      RouteIds ids = routeIds;
      for (Map.Entry<Integer, TallySum> entry : sums.entrySet()) {
        if (!entry.getValue().hasRequests()) {
          continue;
        }
        ids = knowing(ids, entry.getKey());
        tallies.add(
            new RouteTally(ids.key(entry.getKey()).orElseThrow(), entry.getValue().toTally()));
      }
      return tallies;
    } catch (RuntimeException | AssertionError failure) {
      throw StoreFailures.wrap("reading minutes since " + from, failure);
    }
  }

  /** A snapshot that knows the id, refreshed when another process declared the route. */
  private RouteIds knowing(RouteIds ids, int routeId) {
    return ids.key(routeId).isPresent() ? ids : refreshRouteIds();
  }

  // ---- maintenance and health

  @Override
  public MaintenanceReport maintain(Instant now, Retention retention) {
    requireStarted();
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(retention, "retention");
    try {
      return maintenance.run(now, retention);
    } catch (RuntimeException | AssertionError failure) {
      throw StoreFailures.wrap("maintenance (day rollups and retention)", failure);
    }
  }

  @Override
  public void ping() {
    requireStarted();
    try {
      jdbi.useHandle(handle -> new StatusDao(handle, dialect).ping());
    } catch (RuntimeException | AssertionError failure) {
      throw StoreFailures.wrap("pinging the database", failure);
    }
  }

  @Override
  public String toString() {
    return describe();
  }
}
