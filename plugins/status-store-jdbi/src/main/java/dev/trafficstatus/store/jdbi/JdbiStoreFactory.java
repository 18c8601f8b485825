package dev.trafficstatus.store.jdbi;

import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.trafficstatus.spi.PluginContext;
import dev.trafficstatus.spi.store.StatusStore;
import dev.trafficstatus.spi.store.StoreFactory;
import dev.trafficstatus.store.jdbi.internal.Dialect;
import dev.trafficstatus.store.jdbi.internal.RedactedUrl;
import dev.trafficstatus.store.jdbi.internal.StoreTimeouts;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.db.ManagedPooledDataSource;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The SQL store ({@code type: jdbi}): routes, minute buckets and rollups, incidents and
 * maintenances, and the outbox of notifications in H2 or PostgreSQL, through plain JDBC, with a
 * Liquibase changelog of its own. ({@code jdbi} is the name it had when it ran on JDBI; configurations
 * keep working with it.)
 *
 * <pre>{@code
 * store:
 *   type: jdbi
 *   migrateOnStart: true           # apply schema changes at start-up (or run `db migrate`)
 *   timeouts:                      # what a call may take before it fails (defaults shown)
 *     statement: 10s               # each statement of page reads, flushes and API edits
 *     maintenance: 2m              # each statement of rollups and retention
 *     migration: 5m                # waiting for another process's migration, each statement of one
 *   database:                      # a Dropwizard DataSourceFactory (StoreDataSourceFactory)
 *     url: jdbc:postgresql://db.example.com/status
 *     user: status
 *     password: ${STATUS_DB_PASSWORD}
 *     maxWaitForConnection: 5s     # the store's default; Dropwizard's is 30s
 *     validationQueryTimeout: 5s   # the store's default
 *     properties:                  # pgjdbc's; the store's defaults unless set here or in the URL
 *       connectTimeout: 10         # seconds
 *       loginTimeout: 10           # seconds
 *       socketTimeout: 15          # seconds; default: timeouts.statement + 5
 * }</pre>
 *
 * <p>Every call is bounded: with a database that accepts connections and never answers, a call
 * fails with a {@link dev.trafficstatus.spi.store.StoreException} after at most about
 * maxWaitForConnection + loginTimeout + socketTimeout (the check of a borrowed connection and the
 * statement each end at the socket timeout), and works again once the database answers. Maintenance
 * and migrations raise their connection's socket timeout to their own timeout plus 5 s while they
 * run.
 *
 * <p>Without a {@code database} block the store keeps its data in an H2 file of its service's
 * own, {@code ./data/<service>-status.mv.db} relative to the working directory (the service is
 * {@code status.service}, the app's name by default), so an app and its tests, or two apps started
 * from one folder, do not reach for the same file. An H2 file is open to one process at a time;
 * tests are better off with {@code jdbc:h2:mem:<name>}. Everything it creates is named {@code
 * status_…}: its tables, its Liquibase changelog tables ({@code status_changelog}, {@code
 * status_changelog_lock}) and its connection pool ({@value #POOL_NAME}), so it can share a
 * database and a metric registry with the host application's own.
 */
@JsonTypeName(JdbiStoreFactory.NAME)
public final class JdbiStoreFactory implements StoreFactory {

  /** The {@code type:} of this store in configuration. */
  public static final String NAME = "jdbi";

  /**
   * The name of the connection pool. Its gauges are registered in the host's metric registry as
   * {@code io.dropwizard.db.ManagedPooledDataSource.trafficstatus-store.*} while the store runs.
   */
  public static final String POOL_NAME = "trafficstatus-store";

  /** Characters a service name may bring into the default file name; others become "-". */
  private static final Pattern UNSAFE_IN_FILE_NAMES = Pattern.compile("[^A-Za-z0-9._-]+");

  /** The {@code timeouts:} block: what DataSourceFactory has no key for. */
  public static final class Timeouts {

    @NotNull @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    private Duration statement = Duration.seconds(10);

    @NotNull @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    private Duration maintenance = Duration.minutes(2);

    @NotNull @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    private Duration migration = Duration.minutes(5);

    /**
     * Each statement of the page's reads, flushes and API edits (a JDBC query timeout).
     *
     * @return the timeout, 10s by default
     */
    @JsonProperty
    public Duration getStatement() {
      return statement;
    }

    /**
     * @param statement each statement's timeout
     */
    @JsonProperty
    public void setStatement(Duration statement) {
      this.statement = statement;
    }

    /**
     * Each statement of maintenance (rollups and retention), which may read a day of minutes.
     *
     * @return the timeout, 2m by default
     */
    @JsonProperty
    public Duration getMaintenance() {
      return maintenance;
    }

    /**
     * @param maintenance each maintenance statement's timeout
     */
    @JsonProperty
    public void setMaintenance(Duration maintenance) {
      this.maintenance = maintenance;
    }

    /**
     * How long to wait for another process's schema migration, and each statement of one.
     *
     * @return the timeout, 5m by default
     */
    @JsonProperty
    public Duration getMigration() {
      return migration;
    }

    /**
     * @param migration the migration timeout
     */
    @JsonProperty
    public void setMigration(Duration migration) {
      this.migration = migration;
    }

    StoreTimeouts toStoreTimeouts() {
      return new StoreTimeouts(statement.toJavaDuration(), maintenance.toJavaDuration(), migration.toJavaDuration());
    }
  }

  @Valid private DataSourceFactory database;

  @Valid @NotNull private Timeouts timeouts = new Timeouts();

  private boolean migrateOnStart = true;

  /** A factory with the defaults: an H2 file of the service's own in {@code ./data}, migrated on start. */
  public JdbiStoreFactory() {}

  /**
   * The embedded default: an H2 file database at {@code ./data/<service>-status.mv.db}, created on
   * first start, with a pool sized for the store's few threads (flusher, maintenance, page reads).
   *
   * @param service the service the store records for; characters other than letters, digits,
   *     {@code .}, {@code _} and {@code -} become {@code -} in the file name
   * @return a new data source factory with the defaults
   */
  public static DataSourceFactory defaultDatabase(String service) {
    DataSourceFactory h2 = new StoreDataSourceFactory();
    h2.setDriverClass("org.h2.Driver");
    // H2 2.x rejects paths implicitly relative to the working directory; "./" makes it explicit.
    h2.setUrl("jdbc:h2:./data/" + UNSAFE_IN_FILE_NAMES.matcher(service).replaceAll("-") + "-status");
    h2.setUser("sa");
    h2.setPassword("");
    h2.setInitialSize(1);
    h2.setMinSize(1);
    h2.setMaxSize(8);
    return h2;
  }

  @Override
  public String name() {
    return NAME;
  }

  /**
   * The database to keep the status data in.
   *
   * @return the data source factory, or null for the default: {@link #defaultDatabase(String)} of
   *     the service the store is built for
   */
  @JsonProperty
  public DataSourceFactory getDatabase() {
    return database;
  }

  /**
   * @param database the database to keep the status data in; bound from configuration as a {@link
   *     StoreDataSourceFactory}, with the store's defaults
   */
  @JsonProperty
  @JsonDeserialize(as = StoreDataSourceFactory.class)
  public void setDatabase(DataSourceFactory database) {
    this.database = database;
  }

  /**
   * What a call may take before it fails, beyond what the database block sets.
   *
   * @return the timeouts
   */
  @JsonProperty
  public Timeouts getTimeouts() {
    return timeouts;
  }

  /**
   * @param timeouts what a call may take before it fails
   */
  @JsonProperty
  public void setTimeouts(Timeouts timeouts) {
    this.timeouts = timeouts;
  }

  /**
   * Whether {@link StatusStore#start()} applies pending schema changes. When false, start-up fails
   * if changes are pending, and they are applied with the server's {@code db migrate} command.
   *
   * @return true to migrate on start
   */
  @JsonProperty
  public boolean isMigrateOnStart() {
    return migrateOnStart;
  }

  /**
   * @param migrateOnStart whether start-up applies pending schema changes
   */
  @JsonProperty
  public void setMigrateOnStart(boolean migrateOnStart) {
    this.migrateOnStart = migrateOnStart;
  }

  /**
   * Builds the store and its (unopened) connection pool. The pool's gauges go to the host's metric
   * registry when the host offers one ({@link Environment#metrics()}, or a bare {@link
   * MetricRegistry}), otherwise to a registry of the store's own.
   */
  @Override
  public StatusStore build(PluginContext context) {
    DataSourceFactory database =
        this.database != null ? this.database : defaultDatabase(context.service());
    if (database.getUrl() == null || database.getUrl().isBlank()) {
      throw new IllegalStateException("store.database.url is empty; set it to an H2 or PostgreSQL JDBC URL");
    }
    String url = RedactedUrl.of(database.getUrl(), database.getPassword());
    if (database.getDriverClass() == null || database.getDriverClass().isBlank()) {
      database.setDriverClass(driverFor(database.getUrl(), url));
    } else {
      requireDriverTakes(database.getDriverClass(), database.getUrl(), url);
    }
    MetricRegistry metrics =
        context
            .host(Environment.class)
            .map(Environment::metrics)
            .or(() -> context.host(MetricRegistry.class))
            .orElseGet(MetricRegistry::new);
    StoreTimeouts bounds = timeouts.toStoreTimeouts();
    database.setUrl(Dialect.withStoreSettings(database.getUrl()));
    // A restarted database leaves dead connections in the pool; checking on borrow discards them, so
    // the store recovers by itself at the next flush instead of failing on each stale connection.
    database.setCheckConnectionOnBorrow(true);
    if (database.getValidationQueryTimeout().isEmpty()) {
      database.setValidationQueryTimeout(StoreDataSourceFactory.VALIDATION_QUERY_TIMEOUT);
    }
    if (Dialect.guessProduct(database.getUrl()).equals(Dialect.POSTGRESQL.product())) {
      database.setProperties(withPgjdbcTimeouts(database.getProperties(), bounds));
    }
    ManagedDataSource pool = database.build(metrics, POOL_NAME);
    return new JdbiStatusStore(
        pool,
        metrics,
        MetricRegistry.name(ManagedPooledDataSource.class, POOL_NAME) + ".",
        url,
        migrateOnStart,
        bounds);
  }

  /**
   * pgjdbc's timeouts, unless configured: without them a connection to a database that stopped
   * answering waits forever for the login or a statement's result. A value in the URL wins over
   * these (pgjdbc reads URL parameters last).
   */
  private static Map<String, String> withPgjdbcTimeouts(Map<String, String> configured, StoreTimeouts bounds) {
    Map<String, String> properties = new LinkedHashMap<>(configured);
    properties.putIfAbsent("connectTimeout", String.valueOf(StoreDataSourceFactory.CONNECT_SECONDS));
    properties.putIfAbsent("loginTimeout", String.valueOf(StoreDataSourceFactory.CONNECT_SECONDS));
    properties.putIfAbsent(
        "socketTimeout", String.valueOf(StoreTimeouts.seconds(bounds.statement().plus(StoreTimeouts.SOCKET_MARGIN))));
    return properties;
  }

  /**
   * The class of the driver that takes a URL, for a configuration that names none: the pool wants
   * a class name (without one it logs a warning per connection it opens).
   */
  private static String driverFor(String url, String redactedUrl) {
    try {
      return DriverManager.getDriver(url).getClass().getName();
    } catch (SQLException none) {
      throw new IllegalStateException(
          "no JDBC driver takes store.database.url " + redactedUrl
              + "; the server ships H2 (jdbc:h2:...) and PostgreSQL (jdbc:postgresql://...)",
          none);
    }
  }

  /**
   * Fails early, and says why, when the configured driver would not take the URL: otherwise the
   * pool reports only that the driver "returned null for URL" when the store starts. A likely slip
   * when the URL comes from the environment and the driver from a default.
   */
  private static void requireDriverTakes(String driverClass, String url, String redactedUrl) {
    boolean accepts;
    try {
      Driver driver =
          (Driver)
              Class.forName(driverClass, true, JdbiStoreFactory.class.getClassLoader())
                  .getDeclaredConstructor()
                  .newInstance();
      accepts = driver.acceptsURL(url);
    } catch (ReflectiveOperationException | ClassCastException | LinkageError | SQLException e) {
      throw new IllegalStateException(
          "store.database.driverClass " + driverClass + " is not a usable JDBC driver: " + e, e);
    }
    if (!accepts) {
      throw new IllegalStateException(
          "store.database.driverClass "
              + driverClass
              + " does not take the URL "
              + redactedUrl
              + "; set the driver of that database, or leave driverClass out so the URL picks it");
    }
  }
}
