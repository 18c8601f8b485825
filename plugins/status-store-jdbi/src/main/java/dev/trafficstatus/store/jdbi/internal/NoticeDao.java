package dev.trafficstatus.store.jdbi.internal;

import dev.trafficstatus.store.jdbi.internal.NoticeRows.AffectedRow;
import dev.trafficstatus.store.jdbi.internal.NoticeRows.ChangeRow;
import dev.trafficstatus.store.jdbi.internal.NoticeRows.NoticeRow;
import dev.trafficstatus.store.jdbi.internal.NoticeRows.UpdateRow;
import java.util.List;
import java.util.Optional;

/**
 * Writes of notices, their timelines, what their windows held and their outbox events; the reads
 * of whole notices are in {@link Notices}, which selects them by one of its selections. Standard
 * SQL that H2 and PostgreSQL both run.
 */
public final class NoticeDao {

  private static final RowMapper<WindowTallyRow> WINDOW_TALLY_ROWS =
      RowMapper.ofRecord(WindowTallyRow.class);

  private final Session session;

  /**
   * @param session the session the statements run on
   */
  public NoticeDao(Session session) {
    this.session = session;
  }

  /**
   * A notice's version, locking its row until the transaction ends, so a concurrent save of the
   * same notice waits and then sees the version this one wrote.
   *
   * @param id the notice's id
   * @return its version, or empty when there is no such notice
   */
  public Optional<Long> lockVersion(String id) {
    return session
        .createQuery("SELECT version FROM status_notices WHERE id = :id FOR UPDATE")
        .bind("id", id)
        .mapTo(Long.class)
        .findOne();
  }

  /**
   * Inserts a new notice's row; fails with a unique violation when its id is taken.
   *
   * @param row the row
   */
  public void insertNotice(NoticeRow row) {
    session
        .createUpdate(
            """
            INSERT INTO status_notices
              (id, kind, name, status, impact, automatic, handled_by_person, created_at, started_at,
               updated_at, monitoring_at, resolved_at, scheduled_for, scheduled_until, closed_at, version)
            VALUES
              (:id, :kind, :name, :status, :impact, :automatic, :handledByPerson, :createdAt, :startedAt,
               :updatedAt, :monitoringAt, :resolvedAt, :scheduledFor, :scheduledUntil, :closedAt, :version)
            """)
        .bindRecord(row)
        .execute();
  }

  /**
   * Replaces a notice's row if it still has the version read.
   *
   * @param row the row, with the new version
   * @param readVersion the version the change was made to
   * @return 1 when replaced, 0 when the version moved or the notice is gone
   */
  public int updateNotice(NoticeRow row, long readVersion) {
    return session
        .createUpdate(
            """
            UPDATE status_notices SET
              kind = :kind, name = :name, status = :status, impact = :impact, automatic = :automatic,
              handled_by_person = :handledByPerson, created_at = :createdAt, started_at = :startedAt,
              updated_at = :updatedAt, monitoring_at = :monitoringAt, resolved_at = :resolvedAt,
              scheduled_for = :scheduledFor, scheduled_until = :scheduledUntil, closed_at = :closedAt,
              version = :version
            WHERE id = :id AND version = :readVersion
            """)
        .bindRecord(row)
        .bind("readVersion", readVersion)
        .execute();
  }

  /**
   * Deletes a notice's updates.
   *
   * @param id the notice's id
   */
  public void deleteUpdates(String id) {
    session
        .createUpdate("DELETE FROM status_notice_updates WHERE notice_id = :id")
        .bind("id", id)
        .execute();
  }

  /**
   * Deletes a notice's affected routes.
   *
   * @param id the notice's id
   */
  public void deleteAffected(String id) {
    session
        .createUpdate("DELETE FROM status_notice_routes WHERE notice_id = :id")
        .bind("id", id)
        .execute();
  }

  /**
   * Deletes the state changes of a notice's updates.
   *
   * @param id the notice's id
   */
  public void deleteChanges(String id) {
    session
        .createUpdate("DELETE FROM status_notice_changes WHERE notice_id = :id")
        .bind("id", id)
        .execute();
  }

  /**
   * Inserts updates.
   *
   * @param rows the rows
   */
  public void insertUpdates(List<UpdateRow> rows) {
    batch(
        """
        INSERT INTO status_notice_updates
          (notice_id, position, id, status, body, created_at, display_at, automatic, closed_at)
        VALUES (:noticeId, :position, :id, :status, :body, :createdAt, :displayAt, :automatic,
                :closedAt)
        """,
        rows);
  }

  /**
   * Inserts affected routes.
   *
   * @param rows the rows
   */
  public void insertAffected(List<AffectedRow> rows) {
    batch(
        """
        INSERT INTO status_notice_routes (notice_id, position, service, rule, state, closed_at)
        VALUES (:noticeId, :position, :service, :rule, :state, :closedAt)
        """,
        rows);
  }

  /**
   * Inserts state changes.
   *
   * @param rows the rows
   */
  public void insertChanges(List<ChangeRow> rows) {
    batch(
        """
        INSERT INTO status_notice_changes
          (notice_id, update_position, position, service, rule, before_state, after_state, closed_at)
        VALUES (:noticeId, :updatePosition, :position, :service, :rule, :beforeState, :afterState,
                :closedAt)
        """,
        rows);
  }

  /**
   * Writes a notice's timeline, affected routes and state changes, within the caller's transaction,
   * replacing what it had.
   *
   * @param rows the notice's rows
   */
  public void replaceChildren(NoticeRows rows) {
    String id = rows.notice().id();
    deleteChanges(id);
    deleteAffected(id);
    deleteUpdates(id);
    if (!rows.updates().isEmpty()) {
      insertUpdates(rows.updates());
    }
    if (!rows.affected().isEmpty()) {
      insertAffected(rows.affected());
    }
    if (!rows.changes().isEmpty()) {
      insertChanges(rows.changes());
    }
  }

  /**
   * Deletes a notice with everything that refers to it (its child rows go by cascade).
   *
   * @param id the notice's id
   * @return 1 when deleted, else 0
   */
  public int deleteNotice(String id) {
    return session
        .createUpdate("DELETE FROM status_notices WHERE id = :id")
        .bind("id", id)
        .execute();
  }

  /**
   * Deletes the notices closed before a moment, with everything that refers to them.
   *
   * @param before epoch microseconds; open notices are never before it
   * @return how many notices were deleted
   */
  public int deleteClosedBefore(long before) {
    return session
        .createUpdate("DELETE FROM status_notices WHERE closed_at < :before")
        .bind("before", before)
        .execute();
  }

  /**
   * Appends events, each unless an event with its id is there already: appending the same events
   * again (a retry after a lost acknowledgement) changes nothing.
   *
   * @param rows the events
   */
  public void insertEvents(List<EventRow> rows) {
    batch(
        """
        INSERT INTO status_outbox_events (id, type, notice_id, created_at, payload)
        SELECT CAST(:id AS VARCHAR(12)), CAST(:type AS VARCHAR(40)), CAST(:noticeId AS VARCHAR(12)),
               CAST(:createdAt AS BIGINT), CAST(:payload AS VARCHAR)
        WHERE NOT EXISTS (SELECT 1 FROM status_outbox_events WHERE id = CAST(:id AS VARCHAR(12)))
        """,
        rows);
  }

  /**
   * Deletes what a notice's window held.
   *
   * @param noticeId the notice's id
   */
  public void deleteWindowTallies(String noticeId) {
    session
        .createUpdate("DELETE FROM status_window_tallies WHERE notice_id = :noticeId")
        .bind("noticeId", noticeId)
        .execute();
  }

  /**
   * Inserts what a window held.
   *
   * @param rows the rows
   */
  public void insertWindowTallies(List<WindowTallyRow> rows) {
    batch(
        """
        INSERT INTO status_window_tallies
          (notice_id, position, service, rule, epoch_day, total, success, failure, ignored,
           max_latency_micros, histogram)
        VALUES (:noticeId, :position, :service, :rule, :epochDay, :total, :success, :failure, :ignored,
                :maxLatencyMicros, :histogram)
        """,
        rows);
  }

  /**
   * What windows held on some days.
   *
   * @param firstDay the first epoch day
   * @param lastDay the last epoch day, inclusive
   * @return the rows
   */
  public List<WindowTallyRow> windowTallies(long firstDay, long lastDay) {
    return session
        .createQuery(
            """
            SELECT notice_id, position, service, rule, epoch_day, total, success, failure, ignored,
                   max_latency_micros, histogram
            FROM status_window_tallies
            WHERE epoch_day BETWEEN :firstDay AND :lastDay
            ORDER BY notice_id, position
            """)
        .bind("firstDay", firstDay)
        .bind("lastDay", lastDay)
        .map(WINDOW_TALLY_ROWS)
        .list();
  }

  /** Runs one statement per row, each row's components bound by name, in one JDBC batch. */
  private void batch(String sql, List<? extends Record> rows) {
    Batch batch = session.prepareBatch(sql);
    for (Record row : rows) {
      batch.add(row);
    }
    batch.execute();
  }
}
