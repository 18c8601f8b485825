package dev.trafficstatus.store.jdbi.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * One statement of a {@link Session}, with its bindings: a query ({@link #map}) or an update
 * ({@link #execute}). The statement's text uses {@link PlainSqlSyntax}.
 */
public final class Sql extends Bindings<Sql> {

  private final Session session;
  private final String template;
  private final Map<String, Object> attributes = new HashMap<>();
  private int fetchSize;

  Sql(Session session, String template) {
    this.session = session;
    this.template = template;
  }

  @Override
  Sql self() {
    return this;
  }

  /**
   * Defines an attribute: {@code <name>} in the text becomes {@code value}. Only for text of the
   * store's own, never for a value from outside (bind those).
   *
   * @param name the attribute
   * @param value its text
   * @return this statement
   */
  public Sql define(String name, Object value) {
    attributes.put(name, value);
    return this;
  }

  /**
   * Binds a list: {@code <name>} becomes one parameter per value, separated by commas.
   *
   * @param name the attribute
   * @param values the values; at least one
   * @return this statement
   * @throws IllegalArgumentException when the list is empty (no SQL list may be)
   */
  public Sql bindList(String name, Collection<?> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("an empty list for <" + name + ">");
    }
    StringJoiner parameters = new StringJoiner(", ");
    int i = 0;
    for (Object value : values) {
      String parameter = name + "__" + i++;
      parameters.add(":" + parameter);
      bind(parameter, value);
    }
    attributes.put(name, parameters.toString());
    return this;
  }

  /**
   * How many rows the driver fetches at a time (on PostgreSQL inside a transaction only, where it
   * keeps a cursor instead of reading the whole result).
   *
   * @param rows rows per fetch
   * @return this statement
   */
  public Sql fetchSize(int rows) {
    this.fetchSize = rows;
    return this;
  }

  /**
   * Runs an update.
   *
   * @return how many rows it changed
   */
  public int execute() {
    try (PreparedStatement ps = prepare()) {
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new SqlFailure("executing a statement", e);
    }
  }

  /**
   * Makes the statement a query whose rows the mapper reads.
   *
   * @param mapper reads one row
   * @param <T> what a row is read as
   * @return the query
   */
  public <T> Rows<T> map(RowMapper<T> mapper) {
    return new Rows<>(this, mapper);
  }

  /**
   * Makes the statement a query of one column, read as {@code type} (a box is null for SQL NULL).
   *
   * @param type String, Long, Integer, Boolean, Double, byte[] or a primitive
   * @param <T> the type
   * @return the query
   */
  @SuppressWarnings("unchecked")
  public <T> Rows<T> mapTo(Class<T> type) {
    return new Rows<>(this, rs -> (T) Columns.read(rs, 1, type));
  }

  PreparedStatement prepare() throws SQLException {
    PlainSqlSyntax.Parsed parsed = session.parse(PlainSqlSyntax.render(template, attributes));
    PreparedStatement ps = session.prepare(parsed.jdbc());
    try {
      if (fetchSize > 0) {
        ps.setFetchSize(fetchSize);
      }
      session.bindAll(ps, parsed, named, positional);
      return ps;
    } catch (SQLException | RuntimeException e) {
      ps.close();
      throw e;
    }
  }
}
