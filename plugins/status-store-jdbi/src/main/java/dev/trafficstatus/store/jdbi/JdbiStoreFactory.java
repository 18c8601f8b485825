package dev.trafficstatus.store.jdbi;

import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.trafficstatus.spi.PluginContext;
import dev.trafficstatus.spi.store.StatusStore;
import dev.trafficstatus.spi.store.StoreFactory;
import dev.trafficstatus.store.jdbi.internal.Dialect;
import dev.trafficstatus.store.jdbi.internal.RedactedUrl;
import dev.trafficstatus.store.jdbi.internal.SchemaMigrator;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.db.ManagedPooledDataSource;
import jakarta.validation.Valid;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The SQL store ({@code type: jdbi}): routes, minute buckets and day rollups in H2 or PostgreSQL,
 * through JDBI, with a Liquibase changelog of its own.
 *
 * <pre>{@code
 * store:
 *   type: jdbi
 *   migrateOnStart: true           # apply schema changes at start-up (or run `db migrate`)
 *   database:                      # a Dropwizard DataSourceFactory
 *     driverClass: org.postgresql.Driver
 *     url: jdbc:postgresql://db.example.com/status
 *     user: status
 *     password: ${STATUS_DB_PASSWORD}
 * }</pre>
 *
 * <p>Without a {@code database} block the store keeps its data in an H2 file of its service's
 * own, {@code ./data/<service>-status.mv.db} relative to the working directory (the service is
 * {@code status.service}, the app's name by default), so an app and its tests, or two apps started
 * from one folder, do not reach for the same file. An H2 file is open to one process at a time;
 * tests are better off with {@code jdbc:h2:mem:<name>}. Everything it creates is named {@code
 * status_…}: its tables,
 * its Liquibase changelog tables ({@code status_changelog}, {@code status_changelog_lock}) and its
 * connection pool ({@value #POOL_NAME}), so it can share a database and a metric registry with the
 * host application's own.
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

  @Valid private DataSourceFactory database;

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
    DataSourceFactory h2 = new DataSourceFactory();
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
   * @param database the database to keep the status data in
   */
  @JsonProperty
  public void setDatabase(DataSourceFactory database) {
    this.database = database;
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
    database.setUrl(Dialect.withStoreSettings(database.getUrl()));
    // A restarted database leaves dead connections in the pool; checking on borrow discards them, so
    // the store recovers by itself at the next flush instead of failing on each stale connection.
    database.setCheckConnectionOnBorrow(true);
    ManagedDataSource pool = database.build(metrics, POOL_NAME);
    return new JdbiStatusStore(
        pool,
        metrics,
        MetricRegistry.name(ManagedPooledDataSource.class, POOL_NAME) + ".",
        url,
        migrateOnStart,
        new SchemaMigrator(Duration.ofMinutes(5)));
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
