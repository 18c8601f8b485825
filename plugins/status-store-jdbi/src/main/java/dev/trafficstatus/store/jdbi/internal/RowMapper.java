package dev.trafficstatus.store.jdbi.internal;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Makes one value of the current row of a result set.
 *
 * @param <T> the value
 */
@FunctionalInterface
public interface RowMapper<T> {

  /**
   * The value of the current row.
   *
   * @param rs the result set, on a row
   * @return the value
   * @throws SQLException when a column cannot be read
   */
  T map(ResultSet rs) throws SQLException;

  /**
   * The mapper for the rows of one result set, for a mapper that looks its columns up once per
   * result set instead of once per row; this one by default.
   *
   * @param rs the result set, before its first row
   * @return the mapper to use for its rows
   * @throws SQLException when the result set's columns cannot be read
   */
  default RowMapper<T> forResultSet(ResultSet rs) throws SQLException {
    return this;
  }

  /**
   * A mapper into a record: each component takes the column of its name, matched without regard
   * to case or underscores ({@code eventSeq} takes {@code event_seq}).
   *
   * @param type the record
   * @param <R> the record
   * @return the mapper
   */
  static <R extends Record> RowMapper<R> ofRecord(Class<R> type) {
    return new RecordRows<>(type);
  }
}
