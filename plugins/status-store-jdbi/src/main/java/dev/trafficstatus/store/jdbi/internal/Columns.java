package dev.trafficstatus.store.jdbi.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/** How the store reads a column into a Java type and binds a Java value to a parameter. */
final class Columns {

  /** A null bound with the SQL type of the Java type it was declared as. */
  record Null(int sqlType) {}

  private Columns() {}

  /**
   * A column of the current row as a Java type: primitives read SQL NULL as zero or false (as the
   * driver does), their boxes as null.
   */
  static Object read(ResultSet rs, int column, Class<?> type) throws SQLException {
    if (type == long.class) {
      return rs.getLong(column);
    } else if (type == int.class) {
      return rs.getInt(column);
    } else if (type == boolean.class) {
      return rs.getBoolean(column);
    } else if (type == double.class) {
      return rs.getDouble(column);
    } else if (type == String.class) {
      return rs.getString(column);
    } else if (type == byte[].class) {
      return rs.getBytes(column);
    }
    Object value;
    if (type == Long.class) {
      value = rs.getLong(column);
    } else if (type == Integer.class) {
      value = rs.getInt(column);
    } else if (type == Boolean.class) {
      value = rs.getBoolean(column);
    } else if (type == Double.class) {
      value = rs.getDouble(column);
    } else {
      return rs.getObject(column, type);
    }
    return rs.wasNull() ? null : value;
  }

  /** The value to keep for a binding: a null becomes a {@link Null} of the given SQL type. */
  static Object orNull(Object value, int sqlType) {
    return value == null ? new Null(sqlType) : value;
  }

  /** The SQL type of a null bound as {@code declared}. */
  static int sqlTypeOf(Class<?> declared) {
    if (declared == String.class) {
      return Types.VARCHAR;
    } else if (declared == Long.class || declared == long.class) {
      return Types.BIGINT;
    } else if (declared == Integer.class || declared == int.class) {
      return Types.INTEGER;
    } else if (declared == Boolean.class || declared == boolean.class) {
      return Types.BOOLEAN;
    } else if (declared == Double.class || declared == double.class) {
      return Types.DOUBLE;
    } else if (declared == byte[].class) {
      return Types.VARBINARY;
    }
    return Types.NULL;
  }

  /** Binds one value, as kept by {@link #orNull}, to a parameter. */
  static void bind(PreparedStatement ps, int index, Object value) throws SQLException {
    if (value instanceof Null none) {
      ps.setNull(index, none.sqlType());
    } else if (value instanceof String text) {
      ps.setString(index, text);
    } else if (value instanceof Long number) {
      ps.setLong(index, number);
    } else if (value instanceof Integer number) {
      ps.setInt(index, number);
    } else if (value instanceof Boolean flag) {
      ps.setBoolean(index, flag);
    } else if (value instanceof Double number) {
      ps.setDouble(index, number);
    } else if (value instanceof byte[] bytes) {
      ps.setBytes(index, bytes);
    } else {
      ps.setObject(index, value);
    }
  }
}
