package dev.trafficstatus.store.jdbi.internal;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The databases the store runs on, and every statement that differs between them: the upserts and
 * the lock that serialises work across processes. Everything else is standard SQL that H2 and
 * PostgreSQL both run, in the other DAOs of this package. The statements of each database are in
 * {@link H2Statements} and {@link PostgresStatements}.
 *
 * <p>PostgreSQL upserts with {@code INSERT … ON CONFLICT … DO UPDATE}; H2 2.x has no {@code ON
 * CONFLICT}, so it uses the standard {@code MERGE … USING}. Both are atomic per row against
 * concurrent writers of the same key in their database. PostgreSQL serialises maintenance and
 * migrations across processes with session advisory locks; an H2 file is open to one process only,
 * so there an in-process lock (the caller's) is enough.
 */
public enum Dialect {
  H2("H2", H2Statements::new, ""),
  POSTGRESQL("PostgreSQL", PostgresStatements::new, "FOR UPDATE OF d SKIP LOCKED");

  /** The statements that differ between databases, on a session: {@link #statements(Session)}. */
  public interface Statements {

    /**
     * Inserts routes, or updates their group (and unedited name and doc) unless they were deleted,
     * and their restricted flag in any case: a restored route is as protected as last declared.
     *
     * @param routes the routes, in key order so concurrent declarations lock rows in the same order
     */
    void declareRoutes(List<RouteRow> routes);

    /**
     * Inserts the routes no row has yet, without locking existing rows (unlike an upsert).
     * @param routes the routes, in key order
     */
    void insertAbsentRoutes(List<RouteRow> routes);

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
     * error at the session's query timeout.
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

  private final String product;
  private final Function<Session, Statements> statements;
  private final String claimLocking;

  Dialect(String product, Function<Session, Statements> statements, String claimLocking) {
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
   * This database's statements, run on a session.
   *
   * @param session the session
   * @return the statements
   */
  public Statements statements(Session session) {
    return statements.apply(session);
  }
}
