package dev.trafficstatus.store.jdbi.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Work whose statements may take longer than the store's statement timeout (maintenance,
 * migrations), given a longer one on its session. On PostgreSQL the connection's socket timeout
 * (pgjdbc's {@code socketTimeout}, which ends a statement the database never answers) is raised as
 * long, then set back before the connection returns to the pool.
 */
public final class LongWork {

  private LongWork() {}

  /**
   * Runs work on a session with a longer timeout.
   *
   * @param session the session, on a connection of the store's pool
   * @param dialect the database's dialect
   * @param timeout the timeout of each statement of the work
   * @param work the work
   * @param <T> what the work returns
   * @param <X> what the work throws
   * @return what the work returned
   * @throws X what the work threw
   */
  public static <T, X extends Exception> T run(
      Session session, Dialect dialect, Duration timeout, Database.Work<T, X> work) throws X {
    session.setQueryTimeout(StoreTimeouts.seconds(timeout));
    if (dialect != Dialect.POSTGRESQL) {
      return work.run(session);
    }
    Connection connection = session.connection();
    int poolTimeout;
    try {
      poolTimeout = connection.getNetworkTimeout();
      long longer = timeout.plus(StoreTimeouts.SOCKET_MARGIN).toMillis();
      connection.setNetworkTimeout(Runnable::run, (int) Math.min(Integer.MAX_VALUE, longer));
    } catch (SQLException e) {
      throw new SqlFailure("raising the connection's network timeout", e);
    }
    try {
      return work.run(session);
    } finally {
      try {
        connection.setNetworkTimeout(Runnable::run, poolTimeout);
      } catch (SQLException broken) {
        // The connection died with the work; checked on borrow, the pool discards it. What the
        // work threw (or returned) is what the caller needs to see.
      }
    }
  }
}
