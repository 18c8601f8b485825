package dev.trafficstatus.store.jdbi.internal;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The store's database: lends a connection of the pool to a piece of work as a {@link Session},
 * in auto-commit or in one transaction, and returns it to the pool afterwards.
 *
 * <p>Why not JDBI, which the store used until December 2026: JDBI loaded about 890 classes into a
 * host at every start (its SQL objects' proxies and the lambdas of its configuration), the largest
 * share of the start-up cost the bundle adds to its host (BENCHMARKS.md, start-up). The store's
 * statements are its own and few; this layer is the part of JDBI they used: named parameters,
 * batches, rows read into records, transactions and a statement timeout.
 */
public final class Database {

  /**
   * Work on a session.
   *
   * @param <T> what it returns
   * @param <X> what it throws
   */
  @FunctionalInterface
  public interface Work<T, X extends Exception> {
    /**
     * Does the work.
     *
     * @param session the session
     * @return the result
     * @throws X when the work fails
     */
    T run(Session session) throws X;
  }

  /**
   * Work on a session that returns nothing.
   *
   * @param <X> what it throws
   */
  @FunctionalInterface
  public interface Use<X extends Exception> {
    /**
     * Does the work.
     *
     * @param session the session
     * @throws X when the work fails
     */
    void run(Session session) throws X;
  }

  private final DataSource dataSource;
  private final int queryTimeoutSeconds;
  private final PlainSqlSyntax syntax = new PlainSqlSyntax();

  /**
   * @param dataSource the pool
   * @param queryTimeout how long each statement may take (0 for no limit); work may set another on
   *     its session
   */
  public Database(DataSource dataSource, Duration queryTimeout) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.queryTimeoutSeconds = StoreTimeouts.seconds(queryTimeout);
  }

  /**
   * Runs work on a connection in auto-commit.
   *
   * @param work the work
   * @param <T> what it returns
   * @param <X> what it throws
   * @return what it returned
   * @throws X what it threw
   */
  public <T, X extends Exception> T withHandle(Work<T, X> work) throws X {
    try (Session session = open()) {
      return work.run(session);
    }
  }

  /**
   * Runs work on a connection in auto-commit.
   *
   * @param work the work
   * @param <X> what it throws
   * @throws X what it threw
   */
  public <X extends Exception> void useHandle(Use<X> work) throws X {
    withHandle(
        session -> {
          work.run(session);
          return null;
        });
  }

  /**
   * Runs work in one transaction at the connection's isolation level: committed when the work
   * returns, rolled back when it throws.
   *
   * @param work the work
   * @param <T> what it returns
   * @param <X> what it throws
   * @return what it returned
   * @throws X what it threw
   */
  public <T, X extends Exception> T inTransaction(Work<T, X> work) throws X {
    return inTransaction(-1, work);
  }

  /**
   * Runs work in one transaction at an isolation level, which the connection gets back afterwards.
   *
   * @param isolation a {@link Connection} {@code TRANSACTION_} level, or -1 for the connection's
   * @param work the work
   * @param <T> what it returns
   * @param <X> what it throws
   * @return what it returned
   * @throws X what it threw
   */
  public <T, X extends Exception> T inTransaction(int isolation, Work<T, X> work) throws X {
    return withHandle(session -> session.inTransaction(isolation, work));
  }

  /**
   * Runs work in one transaction that returns nothing.
   *
   * @param work the work
   * @param <X> what it throws
   * @throws X what it threw
   */
  public <X extends Exception> void useTransaction(Use<X> work) throws X {
    inTransaction(
        session -> {
          work.run(session);
          return null;
        });
  }

  /**
   * Takes a connection of the pool for work that manages its session itself; close the session to
   * give the connection back.
   *
   * @return the session
   * @throws SqlFailure when the pool cannot give a connection
   */
  public Session open() {
    try {
      return new Session(dataSource.getConnection(), queryTimeoutSeconds, syntax);
    } catch (SQLException e) {
      throw new SqlFailure("opening a connection", e);
    }
  }
}
