package dev.trafficstatus.store.jdbi.internal;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Rows read into a record through its canonical constructor, each component from the column whose
 * label matches its name without regard to case or underscores. A component without a column
 * fails the statement, as does a column of a type the component cannot take.
 *
 * @param <R> the record
 */
final class RecordRows<R extends Record> implements RowMapper<R> {

  private final Class<R> type;
  private final RecordComponent[] components;
  private final Constructor<R> constructor;

  RecordRows(Class<R> type) {
    this.type = type;
    this.components = type.getRecordComponents();
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
    }
    try {
      this.constructor = type.getDeclaredConstructor(types);
    } catch (NoSuchMethodException impossible) {
      throw new IllegalArgumentException(type + " has no canonical constructor", impossible);
    }
    constructor.setAccessible(true);
  }

  @Override
  public R map(ResultSet rs) throws SQLException {
    return forResultSet(rs).map(rs);
  }

  @Override
  public RowMapper<R> forResultSet(ResultSet rs) throws SQLException {
    ResultSetMetaData meta = rs.getMetaData();
    int[] columns = new int[components.length];
    for (int i = 0; i < components.length; i++) {
      String wanted = normalized(components[i].getName());
      for (int c = 1; c <= meta.getColumnCount() && columns[i] == 0; c++) {
        if (normalized(meta.getColumnLabel(c)).equals(wanted)) {
          columns[i] = c;
        }
      }
      if (columns[i] == 0) {
        throw new SqlFailure(
            "no column for " + type.getSimpleName() + "." + components[i].getName() + " in the result", null);
      }
    }
    return row -> {
      Object[] args = new Object[components.length];
      for (int i = 0; i < components.length; i++) {
        args[i] = Columns.read(row, columns[i], components[i].getType());
      }
      try {
        return constructor.newInstance(args);
      } catch (InvocationTargetException e) {
        if (e.getCause() instanceof RuntimeException unchecked) {
          throw unchecked;
        }
        throw new IllegalStateException("making a " + type.getSimpleName(), e.getCause());
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("making a " + type.getSimpleName(), e);
      }
    };
  }

  private static String normalized(String name) {
    return name.replace("_", "").toLowerCase(Locale.ROOT);
  }
}
