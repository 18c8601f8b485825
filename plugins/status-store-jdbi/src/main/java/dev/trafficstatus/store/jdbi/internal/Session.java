package dev.trafficstatus.store.jdbi.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * One connection of the store's pool, lent to a piece of work by {@link Database}: the statements
 * it runs, each with the session's query timeout. Closing it gives the connection back.
 */
public final class Session implements AutoCloseable {

  private final Connection connection;
  private final PlainSqlSyntax syntax;
  private int queryTimeoutSeconds;

  Session(Connection connection, int queryTimeoutSeconds, PlainSqlSyntax syntax) {
    this.connection = connection;
    this.queryTimeoutSeconds = queryTimeoutSeconds;
    this.syntax = syntax;
  }

  /**
   * The connection, for work that needs JDBC itself (metadata, Liquibase, network timeouts).
   *
   * @return the connection; the session's owner closes it
   */
  public Connection connection() {
    return connection;
  }

  /**
   * Sets the timeout of the statements this session runs from now on.
   *
   * @param seconds the timeout; 0 for none
   */
  public void setQueryTimeout(int seconds) {
    this.queryTimeoutSeconds = seconds;
  }

  /**
   * A query.
   *
   * @param sql its text
   * @return the statement, to bind and run
   */
  public Sql createQuery(String sql) {
    return new Sql(this, sql);
  }

  /**
   * An update (or any statement that returns no rows).
   *
   * @param sql its text
   * @return the statement, to bind and run
   */
  public Sql createUpdate(String sql) {
    return new Sql(this, sql);
  }

  /**
   * A batch of one statement.
   *
   * @param sql its text
   * @return the batch, to add sets of bindings to and run
   */
  public Batch prepareBatch(String sql) {
    return new Batch(this, sql);
  }

  /**
   * Runs work in one transaction on this session at its connection's isolation level: committed
   * when the work returns, rolled back when it throws; the session is in auto-commit again
   * afterwards.
   *
   * @param work the work, given this session
   * @param <T> what it returns
   * @param <X> what it throws
   * @return what it returned
   * @throws X what it threw
   */
  public <T, X extends Exception> T inTransaction(Database.Work<T, X> work) throws X {
    return inTransaction(-1, work);
  }

  /**
   * Runs work in one transaction on this session at an isolation level, which the connection gets
   * back afterwards.
   *
   * @param isolation a {@link Connection} {@code TRANSACTION_} level, or -1 for the connection's
   * @param work the work, given this session
   * @param <T> what it returns
   * @param <X> what it throws
   * @return what it returned
   * @throws X what it threw
   */
  public <T, X extends Exception> T inTransaction(int isolation, Database.Work<T, X> work) throws X {
    int before = begin(isolation);
    T result;
    try {
      result = work.run(this);
    } catch (Throwable failure) {
      rollbackAfter(failure);
      end(isolation, before);
      throw failure;
    }
    try {
      connection.commit();
    } catch (SQLException e) {
      SqlFailure failure = new SqlFailure("committing a transaction", e);
      rollbackAfter(failure);
      end(isolation, before);
      throw failure;
    }
    end(isolation, before);
    return result;
  }

  /**
   * Undoes the current transaction's changes, for work that finds it must not keep them; what the
   * transaction does after this starts afresh.
   */
  public void rollback() {
    try {
      connection.rollback();
    } catch (SQLException e) {
      throw new SqlFailure("rolling back a transaction", e);
    }
  }

  /**
   * Starts a transaction; returns the connection's isolation level before it when one was asked
   * for (pgjdbc asks the server for it, a round trip a transaction at the default level need not
   * pay), -1 otherwise.
   */
  private int begin(int isolation) {
    try {
      int before = -1;
      if (isolation >= 0) {
        before = connection.getTransactionIsolation();
        if (isolation != before) {
          connection.setTransactionIsolation(isolation);
        }
      }
      connection.setAutoCommit(false);
      return before;
    } catch (SQLException e) {
      throw new SqlFailure("starting a transaction", e);
    }
  }

  /**
   * Puts the connection back in auto-commit at its isolation level. A connection that cannot be is
   * left to the pool, which checks connections when they are borrowed.
   */
  private void end(int isolation, int before) {
    try {
      connection.setAutoCommit(true);
      if (isolation >= 0 && isolation != before) {
        connection.setTransactionIsolation(before);
      }
    } catch (SQLException broken) {
      // The work's outcome is what the caller needs; the pool validates the connection.
    }
  }

  private void rollbackAfter(Throwable failure) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }

  /**
   * Gives the connection back to the pool. A connection the pool cannot take back is the pool's to
   * discard; what the work did (or threw) is what its caller needs, so closing never throws.
   */
  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      // See above: the pool checks connections when they are borrowed.
    }
  }

  PlainSqlSyntax.Parsed parse(String sql) {
    return syntax.parse(sql);
  }

  PreparedStatement prepare(String jdbc) throws SQLException {
    PreparedStatement ps = connection.prepareStatement(jdbc);
    if (queryTimeoutSeconds > 0) {
      ps.setQueryTimeout(queryTimeoutSeconds);
    }
    return ps;
  }

  void bindAll(
      PreparedStatement ps,
      PlainSqlSyntax.Parsed parsed,
      Map<String, Object> named,
      Map<Integer, Object> positional)
      throws SQLException {
    List<String> names = parsed.names();
    int position = 0;
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      Object value;
      if (name == null) {
        value = positional.get(position);
        if (value == null) {
          throw new SqlFailure("no value bound for positional parameter " + position, null);
        }
        position++;
      } else {
        value = named.get(name);
        if (value == null) {
          throw new SqlFailure("no value bound for :" + name, null);
        }
      }
      Columns.bind(ps, i + 1, value);
    }
  }
}
