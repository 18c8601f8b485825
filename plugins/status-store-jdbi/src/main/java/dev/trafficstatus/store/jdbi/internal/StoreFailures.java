package dev.trafficstatus.store.jdbi.internal;

import dev.trafficstatus.spi.store.StoreException;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * Turns whatever JDBI, the pool, Liquibase or a driver threw into a {@link StoreException} whose
 * message says what the store was doing and what the database answered, in one line, without the
 * SQL text: messages reach logs, admin tasks and API errors, the cause chain keeps the details.
 */
public final class StoreFailures {

  private static final int MAX_REASON = 300;

  private StoreFailures() {}

  /**
   * Wraps a failure.
   *
   * @param doing what the store was doing, such as "writing 12 minute buckets"
   * @param failure what went wrong
   * @return the exception to throw; {@code failure} itself when it already is a store exception
   */
  public static StoreException wrap(String doing, Throwable failure) {
    if (failure instanceof StoreException already) {
      return already;
    }
    return new StoreException(doing + ": " + reason(failure), failure);
  }

  /**
   * The database's own words for a failure, shortened to one line.
   *
   * @param failure what went wrong
   * @return a short reason, never containing SQL text
   */
  static String reason(Throwable failure) {
    Throwable source = deepestSqlException(failure);
    if (source == null) {
      source = rootCause(failure);
    }
    String message = source.getMessage();
    if (message == null || message.isBlank()) {
      return source.getClass().getSimpleName();
    }
    // H2 appends the statement after this marker; PostgreSQL puts detail and context on later lines.
    int statement = message.indexOf("; SQL statement:");
    if (statement >= 0) {
      message = message.substring(0, statement);
    }
    int newline = message.indexOf('\n');
    if (newline >= 0) {
      message = message.substring(0, newline);
    }
    message = message.strip();
    return message.length() > MAX_REASON ? message.substring(0, MAX_REASON) + "…" : message;
  }

  /**
   * Whether a failure leaves the connections it went through unusable: the connection broke
   * (a connection-class SQL exception, SQLState class 08), or the database's I/O failed (a socket
   * timeout, a full disk, after which H2 closes the database under every open session). The
   * pool's connections are then discarded, so the next call opens fresh ones instead of failing on
   * dead ones until the pool's next validation.
   *
   * @param failure what went wrong
   * @return true when pooled connections should be discarded
   */
  public static boolean lostConnections(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof IOException
          || t instanceof SQLNonTransientConnectionException
          || t instanceof SQLTransientConnectionException
          || t instanceof SQLRecoverableException
          || (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08"))) {
        return true;
      }
    }
    return false;
  }

  private static SQLException deepestSqlException(Throwable failure) {
    SQLException deepest = null;
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException sql) {
        deepest = sql;
      }
    }
    return deepest;
  }

  private static Throwable rootCause(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root;
  }
}
