package dev.trafficstatus.store.jdbi;

import com.codahale.metrics.MetricFilter;
import com.codahale.metrics.MetricRegistry;
import dev.trafficstatus.spi.RouteDescriptor;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.store.DayBucket;
import dev.trafficstatus.spi.store.DayVersions;
import dev.trafficstatus.spi.store.HourVersions;
import dev.trafficstatus.spi.store.InstanceStore;
import dev.trafficstatus.spi.store.MaintenanceReport;
import dev.trafficstatus.spi.store.ConcurrentChangeException;
import dev.trafficstatus.spi.store.MinuteBucket;
import dev.trafficstatus.spi.store.NoticeStore;
import dev.trafficstatus.spi.store.OutboxStore;
import dev.trafficstatus.spi.store.Retention;
import dev.trafficstatus.spi.store.RouteEdit;
import dev.trafficstatus.spi.store.RouteTally;
import dev.trafficstatus.spi.store.StatusStore;
import dev.trafficstatus.spi.store.SubscriberStore;
import dev.trafficstatus.spi.store.StoreException;
import dev.trafficstatus.spi.store.StoredRoute;
import dev.trafficstatus.store.jdbi.internal.Database;
import dev.trafficstatus.store.jdbi.internal.Dialect;
import dev.trafficstatus.store.jdbi.internal.Duties;
import dev.trafficstatus.store.jdbi.internal.H2LockConflict;
import dev.trafficstatus.store.jdbi.internal.SchemaMigrator;
import dev.trafficstatus.store.jdbi.internal.StoreFailures;
import dev.trafficstatus.store.jdbi.internal.StoreSetupException;
import dev.trafficstatus.store.jdbi.internal.StoreTimeouts;
import io.dropwizard.db.ManagedDataSource;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.tomcat.jdbc.pool.DataSourceProxy;

/**
 * The {@link StatusStore} on a JDBC pool, for H2 and PostgreSQL ({@code type: jdbi}, a name kept
 * from when it ran on JDBI; it now runs its statements through {@link Database}). Built by {@link
 * JdbiStoreFactory}; touches the database from {@link #start()} on (and in {@link #migrate()} and
 * {@link #pendingMigrations()}, which open and close the pool themselves when it is not started).
 *
 * <p>Every method goes through one error boundary ({@link #guard}): whatever the database, the
 * pool, the store's SQL layer or Liquibase throws becomes a {@link dev.trafficstatus.spi.store.StoreException}
 * saying what was being done, without SQL text. It catches {@link AssertionError} too: pgjdbc
 * reports a connection that died in a batch with {@code AssertionError("...getAutoCommit() should
 * not throw")}, a failed write the flusher must buffer and retry quietly. Only a {@link
 * StoreSetupException} (the configuration cannot work) and calls on a store not started pass.
 */
final class JdbiStatusStore implements StatusStore {

  /** Work inside the boundary. */
  private interface Work<T> {
    T run() throws Exception;
  }

  /** Work of a started store inside the boundary. */
  interface Call<T> {
    T run(StoreParts running);
  }

  private final ManagedDataSource dataSource;
  private final Database database;
  private final MetricRegistry metrics;
  private final String poolMetricsPrefix;
  private final String redactedUrl;
  private final boolean migrateOnStart;
  private final StoreTimeouts timeouts;
  private final SchemaMigrator migrator;

  private volatile Dialect dialect;
  private volatile StoreParts running;

  /**
   * @param dataSource the pool, not yet started
   * @param metrics where the pool registers its gauges on start
   * @param poolMetricsPrefix the prefix of those gauges' names, removed again on stop
   * @param redactedUrl the database URL without secrets
   * @param migrateOnStart whether {@link #start()} applies pending schema changes
   * @param timeouts how long statements may take
   */
  JdbiStatusStore(
      ManagedDataSource dataSource,
      MetricRegistry metrics,
      String poolMetricsPrefix,
      String redactedUrl,
      boolean migrateOnStart,
      StoreTimeouts timeouts) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    // A timeout on every statement, so a database that stops answering fails calls instead of
    // hanging them.
    this.database = new Database(dataSource, timeouts.statement());
    this.timeouts = timeouts;
    this.migrator = new SchemaMigrator(timeouts.migration());
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.poolMetricsPrefix = Objects.requireNonNull(poolMetricsPrefix, "poolMetricsPrefix");
    this.redactedUrl = Objects.requireNonNull(redactedUrl, "redactedUrl");
    this.migrateOnStart = migrateOnStart;
  }

  @Override
  public String describe() {
    Dialect known = dialect;
    String product = known != null ? known.product() : Dialect.guessProduct(redactedUrl);
    return "jdbi: " + product + " " + redactedUrl;
  }

  @Override
  public String toString() { return describe(); }

  // ---- the error boundary

  /**
   * Runs work, turning every failure into a store exception that says what was being done; the
   * only place the store catches anything. A failure that leaves connections unusable (a dead
   * socket, a full disk after which H2 closed the database) discards the pool's connections: the
   * pool validates a borrowed connection at most every validationInterval, so it would otherwise
   * hand out dead ones for a while, and the next call, once the database is back, must work.
   */
  private <T> T guard(String doing, Work<T> work) {
    try {
      return work.run();
    } catch (StoreSetupException setup) {
      throw setup;
    } catch (ConcurrentChangeException raced) {
      // Not a failure of the store: the caller reads again and retries, or answers 409.
      throw raced;
    } catch (Exception | AssertionError failure) {
      if (StoreFailures.lostConnections(failure)) {
        discardConnections();
      }
      throw StoreFailures.wrap(doing, failure);
    }
  }

  /**
   * Closes the pool's idle connections, and its busy ones when they are returned. Only while the
   * store runs, never during a stop (the same monitor): the pool's purge opens a closed pool.
   */
  private synchronized void discardConnections() {
    if (running != null && dataSource instanceof DataSourceProxy pool) {
      pool.purge();
    }
  }

  /** Runs work of a started store inside the boundary; for the store's parts too. */
  <T> T call(String doing, Call<T> call) {
    StoreParts current = running;
    if (current == null) {
      throw new IllegalStateException("The jdbi store is not started");
    }
    return guard(doing, () -> call.run(current));
  }

  // ---- lifecycle and schema

  @Override
  public synchronized void start() {
    guard(
        "starting the store on " + redactedUrl,
        () -> {
          if (running != null) {
            return null;
          }
          try {
            dataSource.start();
            Dialect detected = detectDialect();
            if (migrateOnStart) {
              database.withHandle(session -> migrator.migrate(session, detected));
            } else {
              requireCurrentSchema(detected);
            }
            running = StoreParts.start(database, detected, timeouts);
            return null;
          } catch (Exception | AssertionError failure) {
            try {
              closePool();
            } catch (Exception closing) {
              failure.addSuppressed(closing);
            }
            Optional<String> lockConflict = H2LockConflict.explain(redactedUrl, failure);
            if (lockConflict.isPresent()) {
              throw new StoreException("starting the store on " + redactedUrl + ": " + lockConflict.get(), failure);
            }
            throw failure;
          }
        });
  }

  @Override
  public synchronized void stop() {
    running = null;
    guard(
        "stopping the store on " + redactedUrl,
        () -> {
          closePool();
          return null;
        });
  }

  @Override
  public synchronized List<String> migrate() {
    return guard(
        "applying schema changes to " + redactedUrl,
        () -> withTemporaryPool(detected -> database.withHandle(session -> migrator.migrate(session, detected))));
  }

  @Override
  public synchronized List<String> pendingMigrations() {
    return guard(
        "listing pending schema changes of " + redactedUrl,
        () -> withTemporaryPool(detected -> database.withHandle(session -> migrator.pending(session, detected))));
  }

  private void closePool() throws Exception {
    try {
      dataSource.stop();
    } finally {
      metrics.removeMatching(MetricFilter.startsWith(poolMetricsPrefix));
    }
  }

  private Dialect detectDialect() throws SQLException {
    Dialect detected =
        Dialect.ofProduct(
            database.withHandle(session -> session.connection().getMetaData().getDatabaseProductName()));
    dialect = detected;
    return detected;
  }

  private void requireCurrentSchema(Dialect detected) throws Exception {
    List<String> pending = database.withHandle(session -> migrator.pending(session, detected));
    if (!pending.isEmpty()) {
      throw new StoreSetupException(
          ("The status tables in %s lack %d schema change(s) %s; run the server's `db migrate`"
                  + " command or set store.migrateOnStart: true.")
              .formatted(redactedUrl, pending.size(), pending));
    }
  }

  /** Work that needs the database's dialect. */
  private interface DialectWork<T> {
    T run(Dialect dialect) throws Exception;
  }

  /** Runs work on the pool; when the store is not started, the pool is closed again afterwards. */
  private <T> T withTemporaryPool(DialectWork<T> work) throws Exception {
    try {
      return work.run(detectDialect());
    } finally {
      if (running == null) {
        dataSource.stop();
      }
    }
  }

  // ---- routes

  @Override
  public void declareRoutes(Collection<RouteDescriptor> routes) {
    call(
        "declaring " + routes.size() + " routes",
        store -> {
          if (!routes.isEmpty()) {
            store.routes().declare(routes);
          }
          return null;
        });
  }

  @Override
  public List<StoredRoute> routes() {
    return call("listing routes", store -> store.routes().list());
  }

  @Override
  public Optional<StoredRoute> editRoute(RouteKey key, RouteEdit edit) {
    Objects.requireNonNull(edit, "edit");
    return call("editing route " + key.service() + " " + key.rule(), store -> store.routes().edit(key, edit));
  }

  @Override
  public boolean deleteRoute(RouteKey key) {
    return call("deleting route " + key.service() + " " + key.rule(), store -> store.routes().delete(key));
  }

  @Override
  public boolean restoreRoute(RouteKey key, Instant now) {
    Objects.requireNonNull(now, "now");
    String doing = "restoring route " + key.service() + " " + key.rule();
    return call(doing, store -> store.routes().restore(key, now));
  }

  // ---- minutes and figures

  @Override
  public void writeMinutes(Collection<MinuteBucket> buckets) {
    call(
        "writing " + buckets.size() + " minute buckets",
        store -> {
          if (!buckets.isEmpty()) {
            store.writer().write(buckets);
          }
          return null;
        });
  }

  @Override
  public List<DayBucket> readDays(LocalDate first, LocalDate last) {
    return call("reading days " + first + " to " + last, store -> store.reader().readDays(first, last));
  }

  @Override
  public Optional<DayVersions> dayVersions(LocalDate first, LocalDate last) {
    String doing = "reading day versions " + first + " to " + last;
    return Optional.of(call(doing, store -> store.reader().dayVersions(first, last)));
  }

  @Override
  public List<RouteTally> readSince(Instant from) {
    return call("reading minutes since " + from, store -> store.reader().readSince(from));
  }

  @Override
  public Optional<HourVersions> hourVersions(Instant from, Instant to) {
    String doing = "reading hour versions from " + from + " to " + to;
    return Optional.of(call(doing, store -> store.reader().hourVersions(from, to)));
  }

  @Override
  public List<RouteTally> readBetween(Instant from, Instant to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    return call("reading minutes from " + from + " to " + to, store -> store.reader().readBetween(from, to));
  }

  /**
   * On PostgreSQL a session advisory lock per duty, held on a connection of its own while the work
   * runs (see {@link Duties}); on H2, whose file one process opens, the SPI's in-process default.
   */
  @Override
  public <T> Optional<T> runExclusive(String duty, Supplier<T> work) {
    Objects.requireNonNull(duty, "duty");
    Objects.requireNonNull(work, "work");
    StoreParts current = running;
    if (current == null) {
      throw new IllegalStateException("The jdbi store is not started");
    }
    if (current.dialect() != Dialect.POSTGRESQL) {
      return StatusStore.super.runExclusive(duty, work);
    }
    return current.duties().run(duty, work, this::guardStep);
  }

  private <T> T guardStep(String doing, Duties.Step<T> step) {
    return guard(doing, step::run);
  }

  // ---- notices, instances, the outbox, subscribers: offered before start; calls fail until then
  @Override
  public Optional<NoticeStore> notices() {
    return Optional.of(new JdbiNoticeStore(this));
  }

  @Override
  public Optional<InstanceStore> instances() {
    return Optional.of(new JdbiInstanceStore(this));
  }

  @Override
  public Optional<OutboxStore> outbox() {
    return Optional.of(new JdbiOutboxStore(this));
  }

  @Override
  public Optional<SubscriberStore> subscribers() {
    return Optional.of(new JdbiSubscriberStore(this));
  }

  // ---- maintenance and health
  @Override
  public MaintenanceReport maintain(Instant now, Retention retention) {
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(retention, "retention");
    return call("maintenance (day rollups and retention)", store -> store.maintain(now, retention));
  }

  @Override
  public void ping() {
    call("pinging the database", StoreParts::ping);
  }
}
