package dev.trafficstatus.store.jdbi.internal;

import java.util.List;
import java.util.Locale;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The databases the store runs on, and every statement that differs between them: the upserts and
 * the lock that serialises work across processes. Everything else is standard SQL that H2 and
 * PostgreSQL both run, in the other DAOs of this package.
 *
 * <p>PostgreSQL upserts with {@code INSERT … ON CONFLICT … DO UPDATE}; H2 2.x has no {@code ON
 * CONFLICT}, so it uses the standard {@code MERGE … USING}. Both are atomic per row against
 * concurrent writers of the same key in their database. PostgreSQL serialises maintenance and
 * migrations across processes with session advisory locks; an H2 file is open to one process only,
 * so there an in-process lock (the caller's) is enough.
 */
public enum Dialect {
  H2("H2", H2Statements.class, ""),
  POSTGRESQL("PostgreSQL", PostgresStatements.class, "FOR UPDATE OF d SKIP LOCKED");

  /** The statements that differ between databases; attach {@link #statements()} to a handle. */
  public interface Statements {

    /**
     * Inserts routes, or updates their group (and unedited name and doc) unless they were deleted,
     * and their restricted flag in any case: a restored route is as protected as last declared.
     *
     * @param routes the routes, in key order so concurrent declarations lock rows in the same order
     */
    void declareRoutes(List<RouteRow> routes);

    /**
     * Inserts or replaces minute rows, except those of hidden routes or of minutes before the
     * route counts from.
     *
     * @param rows the rows, unique per key and in key order
     */
    void upsertMinutes(List<MinuteRow> rows);

    /**
     * Bumps the bookkeeping rows of the hours a write wrote to ({@link HourWrite}), inserting those
     * missing. Each instance has rows of its own, so concurrent writers never share one.
     *
     * @param writes the rows, in (hour, instance) order
     */
    void markWritten(List<HourWrite> writes);

    /**
     * Marks days as no longer rolled up, because maintenance rolled one of their hours up again;
     * only maintenance calls it.
     *
     * @param days the epoch days, ascending
     */
    void reopenDays(List<Long> days);

    /**
     * Creates the deliveries of events created at or after a moment to a receiver, for the events
     * that have none for it yet.
     *
     * @param receiver the receiver
     * @param since epoch microseconds; older events are not delivered to it
     */
    void createDeliveries(String receiver, long since);

    /**
     * Waits for a lock shared by every process on the database and takes it, held by this session
     * (across its transactions) until {@link #unlock} or the session's end; the wait ends with an
     * error at the handle's query timeout.
     *
     * @param key the lock's key
     * @return true once this session holds it; false when the database has no such locks (H2,
     *     whose file one process opens at a time)
     */
    boolean lock(long key);

    /**
     * Takes a lock shared by every process on the database, if it is free; held by this session
     * (across its transactions) until {@link #unlock} or the session's end.
     *
     * @param key the lock's key
     * @return whether this session now holds it
     */
    boolean tryLock(long key);

    /**
     * Releases what {@link #tryLock} took.
     *
     * @param key the lock's key
     * @return whether this session held it
     */
    boolean unlock(long key);
  }

  /** H2: {@code MERGE … USING}, and no database lock (one process per file). */
  public interface H2Statements extends Statements {

    @Override
    @SqlBatch(
        """
        MERGE INTO status_routes t
        USING (VALUES (CAST(:service AS VARCHAR), CAST(:rule AS VARCHAR), CAST(:name AS VARCHAR),
                       CAST(:doc AS VARCHAR), CAST(:grp AS VARCHAR), CAST(:restricted AS BOOLEAN)))
          AS s (service, rule, name, doc, grp, restricted)
        ON t.service = s.service AND t.rule = s.rule
        WHEN MATCHED AND NOT t.hidden THEN UPDATE SET
          grp = s.grp,
          name = CASE WHEN t.edited THEN t.name ELSE s.name END,
          doc = CASE WHEN t.edited THEN t.doc ELSE s.doc END,
          restricted = s.restricted
        WHEN MATCHED THEN UPDATE SET restricted = s.restricted
        WHEN NOT MATCHED THEN
          INSERT (service, rule, name, doc, grp, hidden, edited, restricted)
          VALUES (s.service, s.rule, s.name, s.doc, s.grp, FALSE, FALSE, s.restricted)
        """)
    void declareRoutes(@BindMethods List<RouteRow> routes);

    @Override
    @SqlBatch(
        """
        MERGE INTO status_minutes t
        USING (
          SELECT r.id AS route_id,
                 CAST(:minute AS BIGINT) AS epoch_minute,
                 CAST(:instance AS VARCHAR) AS instance,
                 CAST(:total AS BIGINT) AS total,
                 CAST(:success AS BIGINT) AS success,
                 CAST(:failure AS BIGINT) AS failure,
                 CAST(:ignored AS BIGINT) AS ignored,
                 CAST(:maxLatencyMicros AS BIGINT) AS max_latency_micros,
                 CAST(:histogram AS VARBINARY) AS histogram
          FROM status_routes r
          WHERE r.id = :routeId AND NOT r.hidden AND r.counts_from <= CAST(:minute AS BIGINT)) s
        ON t.route_id = s.route_id AND t.epoch_minute = s.epoch_minute AND t.instance = s.instance
        WHEN MATCHED THEN UPDATE SET
          total = s.total, success = s.success, failure = s.failure, ignored = s.ignored,
          max_latency_micros = s.max_latency_micros, histogram = s.histogram
        WHEN NOT MATCHED THEN
          INSERT (route_id, epoch_minute, instance, total, success, failure, ignored,
                  max_latency_micros, histogram)
          VALUES (s.route_id, s.epoch_minute, s.instance, s.total, s.success, s.failure, s.ignored,
                  s.max_latency_micros, s.histogram)
        """)
    void upsertMinutes(@BindMethods List<MinuteRow> rows);

    @Override
    @SqlBatch(
        """
        MERGE INTO status_hour_writes t
        USING (VALUES (CAST(:epochHour AS BIGINT), CAST(:instance AS VARCHAR)))
          AS s (epoch_hour, instance)
        ON t.epoch_hour = s.epoch_hour AND t.instance = s.instance
        WHEN MATCHED THEN UPDATE SET version = t.version + 1
        WHEN NOT MATCHED THEN
          INSERT (epoch_hour, instance, version) VALUES (s.epoch_hour, s.instance, 1)
        """)
    void markWritten(@BindMethods List<HourWrite> writes);

    @Override
    @SqlBatch(
        """
        MERGE INTO status_day_state t
        USING (VALUES (CAST(:day AS BIGINT))) AS s (epoch_day)
        ON t.epoch_day = s.epoch_day
        WHEN MATCHED THEN UPDATE SET rolled_up = FALSE, version = t.version + 1
        WHEN NOT MATCHED THEN
          INSERT (epoch_day, rolled_up, pruned, version) VALUES (s.epoch_day, FALSE, FALSE, 1)
        """)
    void reopenDays(@Bind("day") List<Long> days);

    // Two claims at once (in one process) may both insert a row: the second fails with a unique
    // violation, and the outbox claims again (H2 has no ON CONFLICT).
    @Override
    @SqlUpdate(OutboxDao.CREATE_DELIVERIES)
    void createDeliveries(String receiver, long since);

    /** None: the file is this process's alone, and the caller locks within the process. */
    @Override
    default boolean lock(long key) {
      return false;
    }

    /** Always free: the file is this process's alone, and the caller locks within the process. */
    @Override
    default boolean tryLock(long key) {
      return true;
    }

    @Override
    default boolean unlock(long key) {
      return true;
    }
  }

  /** PostgreSQL: {@code INSERT … ON CONFLICT}, and session advisory locks. */
  public interface PostgresStatements extends Statements {

    @Override
    @SqlBatch(
        """
        INSERT INTO status_routes AS t (service, rule, name, doc, grp, hidden, edited, restricted)
        VALUES (:service, :rule, :name, :doc, :grp, FALSE, FALSE, :restricted)
        ON CONFLICT (service, rule) DO UPDATE SET
          grp = CASE WHEN t.hidden THEN t.grp ELSE EXCLUDED.grp END,
          name = CASE WHEN t.hidden OR t.edited THEN t.name ELSE EXCLUDED.name END,
          doc = CASE WHEN t.hidden OR t.edited THEN t.doc ELSE EXCLUDED.doc END,
          restricted = EXCLUDED.restricted
        """)
    void declareRoutes(@BindMethods List<RouteRow> routes);

    @Override
    @SqlBatch(
        """
        INSERT INTO status_minutes AS t
          (route_id, epoch_minute, instance, total, success, failure, ignored, max_latency_micros,
           histogram)
        SELECT r.id, :minute, :instance, :total, :success, :failure, :ignored, :maxLatencyMicros,
               :histogram
        FROM status_routes r
        WHERE r.id = :routeId AND NOT r.hidden AND r.counts_from <= :minute
        ON CONFLICT (route_id, epoch_minute, instance) DO UPDATE SET
          total = EXCLUDED.total, success = EXCLUDED.success, failure = EXCLUDED.failure,
          ignored = EXCLUDED.ignored, max_latency_micros = EXCLUDED.max_latency_micros,
          histogram = EXCLUDED.histogram
        """)
    void upsertMinutes(@BindMethods List<MinuteRow> rows);

    @Override
    @SqlBatch(
        """
        INSERT INTO status_hour_writes AS t (epoch_hour, instance, version)
        VALUES (:epochHour, :instance, 1)
        ON CONFLICT (epoch_hour, instance) DO UPDATE SET version = t.version + 1
        """)
    void markWritten(@BindMethods List<HourWrite> writes);

    @Override
    @SqlBatch(
        """
        INSERT INTO status_day_state AS t (epoch_day, rolled_up, pruned, version)
        VALUES (:day, FALSE, FALSE, 1)
        ON CONFLICT (epoch_day) DO UPDATE SET rolled_up = FALSE, version = t.version + 1
        """)
    void reopenDays(@Bind("day") List<Long> days);

    @Override
    @SqlUpdate(OutboxDao.CREATE_DELIVERIES + " ON CONFLICT (event_seq, receiver) DO NOTHING")
    void createDeliveries(String receiver, long since);

    // Session locks, not transaction locks: maintenance commits hour by hour while holding one,
    // and a session that dies (a process killed while migrating) releases its locks with it.
    @Override
    @SqlQuery("SELECT COUNT(*) > 0 FROM (SELECT pg_advisory_lock(:key)) AS taken")
    boolean lock(long key);

    @Override
    @SqlQuery("SELECT pg_try_advisory_lock(:key)")
    boolean tryLock(long key);

    @Override
    @SqlQuery("SELECT pg_advisory_unlock(:key)")
    boolean unlock(long key);
  }

  private final String product;
  private final Class<? extends Statements> statements;
  private final String claimLocking;

  Dialect(String product, Class<? extends Statements> statements, String claimLocking) {
    this.product = product;
    this.statements = statements;
    this.claimLocking = claimLocking;
  }

  /**
   * The dialect of a database, from the product name its JDBC driver reports.
   *
   * @param productName {@link java.sql.DatabaseMetaData#getDatabaseProductName()}
   * @return the dialect
   * @throws StoreSetupException when the store does not support that database
   */
  public static Dialect ofProduct(String productName) {
    String name = String.valueOf(productName).trim();
    for (Dialect dialect : values()) {
      if (dialect.product.equalsIgnoreCase(name)) {
        return dialect;
      }
    }
    throw new StoreSetupException(
        "The jdbi store supports H2 and PostgreSQL, but the configured database is "
            + name
            + "; point store.database.url at an H2 or PostgreSQL database.");
  }

  /**
   * Guesses the dialect from a JDBC URL, for describing a store before it has connected.
   *
   * @param url the JDBC URL
   * @return the product name, or "database" when the URL does not say
   */
  public static String guessProduct(String url) {
    String lower = url.toLowerCase(Locale.ROOT);
    if (lower.startsWith("jdbc:h2:")) {
      return H2.product;
    }
    if (lower.startsWith("jdbc:postgresql:")) {
      return POSTGRESQL.product;
    }
    return "database";
  }

  /**
   * The settings an H2 database needs to keep what the store promises; other URLs unchanged, and
   * a setting the URL already names is left as it says.
   *
   * <ul>
   *   <li>{@code DB_CLOSE_ON_EXIT=FALSE}: by default H2 closes a database from a JVM shutdown hook
   *       of its own, which may run before the server's graceful stop has written the last minute;
   *       the store's {@code stop()} closes its pool, and with it the database, after that write.
   *   <li>{@code WRITE_DELAY=0}: by default H2 writes a committed transaction to its file up to
   *       half a second later, so a process killed just after a flush lost that flush.
   * </ul>
   *
   * @param url the configured JDBC URL
   * @return the URL with the settings added for H2
   */
  public static String withStoreSettings(String url) {
    boolean h2 = url.regionMatches(true, 0, "jdbc:h2:", 0, "jdbc:h2:".length());
    if (!h2) {
      return url;
    }
    String upper = url.toUpperCase(Locale.ROOT);
    String tuned = url;
    for (String setting : List.of("DB_CLOSE_ON_EXIT=FALSE", "WRITE_DELAY=0")) {
      if (!upper.contains(setting.substring(0, setting.indexOf('=') + 1))) {
        tuned += ";" + setting;
      }
    }
    return tuned;
  }

  /**
   * The product name, as drivers report it.
   *
   * @return such as "PostgreSQL"
   */
  public String product() {
    return product;
  }

  /**
   * How a claim of outbox deliveries locks the rows it selects (alias {@code d}): on PostgreSQL it
   * skips rows another claimer holds, so concurrent claimers never wait for each other nor take the
   * same delivery; H2 needs nothing, its claims being serialised in the process (and the lease
   * update re-checks each row in any case).
   *
   * @return the locking clause, or empty
   */
  public String claimLocking() {
    return claimLocking;
  }

  /**
   * The SQL object of this database's statements, to attach to a handle.
   *
   * @return the interface
   */
  public Class<? extends Statements> statements() {
    return statements;
  }
}
