package dev.trafficstatus.store.jdbi.internal;

import java.sql.SQLException;
import java.util.Optional;

/**
 * A statement, a connection or a transaction of the store failed. Unchecked, so that work on a
 * {@link Session} can be a lambda; the cause, when there is one, is the driver's {@link
 * SQLException}, whose message and SQLState {@link StoreFailures} reads.
 */
public final class SqlFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * @param doing what the store's SQL layer was doing, such as "executing a statement"
   * @param cause what the driver threw, or null when the statement itself was wrong
   */
  public SqlFailure(String doing, SQLException cause) {
    super(cause == null ? doing : doing + ": " + cause.getMessage(), cause);
  }

  /**
   * The driver's exception, when there is one.
   *
   * @return what the driver threw
   */
  public Optional<SQLException> sqlException() {
    return getCause() instanceof SQLException sql ? Optional.of(sql) : Optional.empty();
  }

  /**
   * Whether the database refused the statement because of a unique constraint (SQLState 23505, on
   * both H2 and PostgreSQL): another process inserted the same key first.
   *
   * @return true for a unique violation
   */
  public boolean isUniqueViolation() {
    return sqlException().map(sql -> "23505".equals(sql.getSQLState())).orElse(false);
  }
}
