package dev.trafficstatus.store.jdbi.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A query and how its rows are read; one of its methods runs it.
 *
 * @param <T> what a row is read as
 */
public final class Rows<T> {

  private final Sql sql;
  private final RowMapper<T> mapper;

  Rows(Sql sql, RowMapper<T> mapper) {
    this.sql = sql;
    this.mapper = mapper;
  }

  /**
   * Runs the query and hands each row to {@code sink} as it is read.
   *
   * @param sink takes the rows
   */
  public void forEach(Consumer<? super T> sink) {
    try (PreparedStatement ps = sql.prepare();
        ResultSet rs = ps.executeQuery()) {
      RowMapper<T> rows = mapper.forResultSet(rs);
      while (rs.next()) {
        sink.accept(rows.map(rs));
      }
    } catch (SQLException e) {
      throw new SqlFailure("executing a query", e);
    }
  }

  /**
   * Runs the query.
   *
   * @return every row, in the order the database gave them
   */
  public List<T> list() {
    List<T> rows = new ArrayList<>();
    forEach(rows::add);
    return rows;
  }

  /**
   * Runs a query of at most one row.
   *
   * @return the row, or empty when there is none
   * @throws IllegalStateException when there is more than one
   */
  public Optional<T> findOne() {
    List<T> rows = list();
    if (rows.size() > 1) {
      throw new IllegalStateException("expected at most one row, got " + rows.size());
    }
    return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
  }

  /**
   * Runs a query of exactly one row.
   *
   * @return the row's value (null when it is an SQL NULL read into a box)
   * @throws IllegalStateException when there is no row or more than one
   */
  public T one() {
    List<T> rows = list();
    if (rows.size() != 1) {
      throw new IllegalStateException("expected one row, got " + rows.size());
    }
    return rows.get(0);
  }
}
