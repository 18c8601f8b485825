package dev.trafficstatus.store.jdbi.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One statement run for many sets of bindings in one JDBC batch: bind a set, {@link #add} it, and
 * {@link #execute} them all. The statement's text uses {@link PlainSqlSyntax} (no attributes).
 */
public final class Batch extends Bindings<Batch> {

  private final Session session;
  private final String sql;
  private final List<Map<String, Object>> sets = new ArrayList<>();

  Batch(Session session, String sql) {
    this.session = session;
    this.sql = sql;
  }

  @Override
  Batch self() {
    return this;
  }

  /**
   * Ends the current set of bindings; the next bindings start a new one.
   *
   * @return this batch
   */
  public Batch add() {
    sets.add(named);
    named = new HashMap<>();
    return this;
  }

  /**
   * Adds one set: every component of a record, by its name.
   *
   * @param row the record
   * @return this batch
   */
  public Batch add(Record row) {
    return bindRecord(row).add();
  }

  /**
   * Runs the statement once per set added; nothing when none was.
   *
   * @return the rows each run changed, as the driver reports them
   */
  public int[] execute() {
    if (sets.isEmpty()) {
      return new int[0];
    }
    PlainSqlSyntax.Parsed parsed = session.parse(sql);
    try (PreparedStatement ps = session.prepare(parsed.jdbc())) {
      for (Map<String, Object> set : sets) {
        session.bindAll(ps, parsed, set, positional);
        ps.addBatch();
      }
      return ps.executeBatch();
    } catch (SQLException e) {
      throw new SqlFailure("executing a batch of " + sets.size(), e);
    }
  }
}
