package dev.trafficstatus.store.jdbi.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.sql.Types;
import java.util.HashMap;
import java.util.Map;

/**
 * The named and positional values of a statement being built; a null keeps the SQL type of what
 * it was declared as, as drivers want for a null parameter.
 *
 * @param <S> the statement, returned by every binding so calls chain
 */
public abstract class Bindings<S extends Bindings<S>> {

  /** Each record class's accessors, made accessible once: flushes bind thousands of rows. */
  private static final ClassValue<Method[]> ACCESSORS =
      new ClassValue<>() {
        @Override
        protected Method[] computeValue(Class<?> type) {
          RecordComponent[] components = type.getRecordComponents();
          Method[] accessors = new Method[components.length];
          for (int i = 0; i < components.length; i++) {
            accessors[i] = components[i].getAccessor();
            accessors[i].setAccessible(true);
          }
          return accessors;
        }
      };

  Map<String, Object> named = new HashMap<>();
  Map<Integer, Object> positional = new HashMap<>();

  Bindings() {}

  abstract S self();

  /** Binds a text, or a VARCHAR null. */
  public S bind(String name, String value) {
    named.put(name, Columns.orNull(value, Types.VARCHAR));
    return self();
  }

  /** Binds a number, or a BIGINT null. */
  public S bind(String name, Long value) {
    named.put(name, Columns.orNull(value, Types.BIGINT));
    return self();
  }

  /** Binds a number. */
  public S bind(String name, long value) {
    named.put(name, value);
    return self();
  }

  /** Binds a number, or an INTEGER null. */
  public S bind(String name, Integer value) {
    named.put(name, Columns.orNull(value, Types.INTEGER));
    return self();
  }

  /** Binds a number. */
  public S bind(String name, int value) {
    named.put(name, value);
    return self();
  }

  /** Binds a flag, or a BOOLEAN null. */
  public S bind(String name, Boolean value) {
    named.put(name, Columns.orNull(value, Types.BOOLEAN));
    return self();
  }

  /** Binds a flag. */
  public S bind(String name, boolean value) {
    named.put(name, value);
    return self();
  }

  /** Binds bytes, or a VARBINARY null. */
  public S bind(String name, byte[] value) {
    named.put(name, Columns.orNull(value, Types.VARBINARY));
    return self();
  }

  /** Binds a value of another type (a null of unknown type when null). */
  public S bind(String name, Object value) {
    named.put(name, Columns.orNull(value, Types.NULL));
    return self();
  }

  /** Binds the {@code position}th {@code ?} of the statement, counting from 0. */
  public S bind(int position, Object value) {
    positional.put(position, Columns.orNull(value, Types.NULL));
    return self();
  }

  /**
   * Binds every component of a record by its name ({@code :routeId} takes {@code routeId()}); a
   * null component is a null of its declared type.
   *
   * @param row the record
   * @return this statement
   */
  public S bindRecord(Record row) {
    for (Method accessor : ACCESSORS.get(row.getClass())) {
      Object value;
      try {
        value = accessor.invoke(row);
      } catch (InvocationTargetException | IllegalAccessException e) {
        throw new IllegalStateException("reading " + accessor.getName() + " of " + row, e);
      }
      named.put(accessor.getName(), Columns.orNull(value, Columns.sqlTypeOf(accessor.getReturnType())));
    }
    return self();
  }
}
