package dev.trafficstatus.store.jdbi.internal;

import dev.trafficstatus.spi.notice.Notice;
import dev.trafficstatus.spi.store.ConcurrentChangeException;
import dev.trafficstatus.spi.store.DayBucket;
import dev.trafficstatus.spi.store.NoticeStore;
import dev.trafficstatus.spi.store.OutboxEvent;
import dev.trafficstatus.spi.store.WindowTally;
import dev.trafficstatus.store.jdbi.internal.NoticeRows.AffectedRow;
import dev.trafficstatus.store.jdbi.internal.NoticeRows.ChangeRow;
import dev.trafficstatus.store.jdbi.internal.NoticeRows.NoticeRow;
import dev.trafficstatus.store.jdbi.internal.NoticeRows.UpdateRow;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Incidents and maintenances in their tables ({@link NoticeRows}), the outbox events their changes
 * cause, and what maintenance windows held.
 *
 * <p>A save locks the notice's row, checks its version, replaces the row and its timeline, and
 * appends the events, in one transaction: a concurrent save of the same version waits for the
 * lock, then finds the version moved and fails with {@link ConcurrentChangeException}, writing
 * nothing; two saves of a new notice with the same id meet at the primary key, and the second
 * fails the same way.
 *
 * <p>A read takes notices by a condition (an index range on {@code closed_at}, which child rows
 * carry too, or the notice's id) and reads their rows and those of their timelines by it: four
 * statements in one repeatable-read transaction, so a save in between never mixes two versions of
 * a notice. Its cost follows the notices read, whatever the history holds.
 */
public final class Notices implements NoticeStore {

  /**
   * Which notices a read takes: a condition on {@code status_notices} (alias {@code n}), the same
   * on a table of their child rows (alias {@code c}), and the parameters both use.
   *
   * @param notices the condition on notice rows; may end with an ORDER BY and a LIMIT
   * @param children the condition on child rows
   * @param parameters the values of the named parameters
   */
  public record Selection(String notices, String children, Map<String, Object> parameters) {}

  /** The notice rows of a read; {@code %s}: the selection's condition on notices. */
  public static final String NOTICE_ROWS =
      """
      SELECT n.id, n.kind, n.name, n.status, n.impact, n.automatic, n.handled_by_person,
             n.created_at, n.started_at, n.updated_at, n.monitoring_at, n.resolved_at,
             n.scheduled_for, n.scheduled_until, n.closed_at, n.version
      FROM status_notices n
      WHERE %s
      """;

  /** The update rows of a read; {@code %s}: the selection's condition on child rows. */
  public static final String UPDATE_ROWS =
      """
      SELECT c.notice_id, c.position, c.id, c.status, c.body, c.created_at, c.display_at,
             c.automatic, c.closed_at
      FROM status_notice_updates c
      WHERE %s
      ORDER BY c.notice_id, c.position
      """;

  /** The affected route rows of a read; {@code %s}: the selection's condition on child rows. */
  public static final String AFFECTED_ROWS =
      """
      SELECT c.notice_id, c.position, c.service, c.rule, c.state, c.closed_at
      FROM status_notice_routes c
      WHERE %s
      ORDER BY c.notice_id, c.position
      """;

  /** The state change rows of a read; {@code %s}: the selection's condition on child rows. */
  public static final String CHANGE_ROWS =
      """
      SELECT c.notice_id, c.update_position, c.position, c.service, c.rule, c.before_state,
             c.after_state, c.closed_at
      FROM status_notice_changes c
      WHERE %s
      ORDER BY c.notice_id, c.update_position, c.position
      """;

  /** The latest {@code :limit} notices closed in {@code [:from, :to)}, by id. */
  private static final String LATEST_CLOSED =
      """
      SELECT id FROM status_notices
      WHERE closed_at >= :from AND closed_at < :to
      ORDER BY closed_at DESC, id DESC
      LIMIT :limit
      """;

  private static final Comparator<Notice> NEWEST_START_FIRST =
      Comparator.comparing(Notice::startedAt).reversed().thenComparing(Notice::id);

  private static final Comparator<Notice> NEWEST_CLOSING_FIRST =
      Comparator.comparing(Notice::resolvedAt)
          .reversed()
          .thenComparing(Notice::id, Comparator.reverseOrder());

  private final Database database;

  /**
   * @param database the store's database
   */
  public Notices(Database database) {
    this.database = database;
  }

  @Override
  public List<Notice> current(Instant closedSince) {
    List<Notice> notices = new ArrayList<>(read(current(UtcPeriods.micros(closedSince))));
    notices.sort(NEWEST_START_FIRST);
    return notices;
  }

  @Override
  public List<Notice> closedBetween(Instant from, Instant to, int limit) {
    if (limit <= 0) {
      return List.of();
    }
    Map<String, Object> parameters =
        Map.of("from", UtcPeriods.micros(from), "to", UtcPeriods.micros(to), "limit", limit);
    List<Notice> notices =
        new ArrayList<>(
            read(
                new Selection(
                    "n.id IN (" + LATEST_CLOSED + ")",
                    "c.closed_at >= :from AND c.closed_at < :to AND c.notice_id IN ("
                        + LATEST_CLOSED
                        + ")",
                    parameters)));
    notices.sort(NEWEST_CLOSING_FIRST);
    return notices;
  }

  @Override
  public Optional<Notice> find(String id) {
    return read(new Selection("n.id = :id", "c.notice_id = :id", Map.of("id", id))).stream()
        .findFirst();
  }

  @Override
  public Notice save(Notice notice, List<OutboxEvent> events) {
    long version = notice.version() + 1;
    NoticeRows rows = NoticeRows.of(notice, version);
    List<EventRow> eventRows = events.stream().map(EventRow::of).toList();
    database.useTransaction(
        session -> {
          NoticeDao dao = new NoticeDao(session);
          Optional<Long> stored = dao.lockVersion(notice.id());
          if (stored.isEmpty() && notice.version() == 0) {
            insertNew(dao, rows.notice());
          } else if (stored.isEmpty()
              || stored.get() != notice.version()
              || dao.updateNotice(rows.notice(), notice.version()) != 1) {
            throw new ConcurrentChangeException(
                "notice "
                    + notice.id()
                    + (stored.isEmpty() ? " does not exist" : " is at version " + stored.get())
                    + ", the change was made to version "
                    + notice.version());
          }
          dao.replaceChildren(rows);
          if (!eventRows.isEmpty()) {
            dao.insertEvents(eventRows);
          }
        });
    return NoticeRows.assemble(
            List.of(rows.notice()), rows.updates(), rows.affected(), rows.changes())
        .get(0);
  }

  /** Inserts a new notice's row; another writer's notice with the same id is a concurrent change. */
  private static void insertNew(NoticeDao dao, NoticeRow row) {
    try {
      dao.insertNotice(row);
    } catch (SqlFailure failed) {
      if (failed.isUniqueViolation()) {
        throw new ConcurrentChangeException(
            "notice " + row.id() + " was created meanwhile by another writer");
      }
      throw failed;
    }
  }

  @Override
  public boolean delete(String id, List<OutboxEvent> events) {
    List<EventRow> eventRows = events.stream().map(EventRow::of).toList();
    return database.inTransaction(
        session -> {
          NoticeDao dao = new NoticeDao(session);
          if (dao.deleteNotice(id) == 0) {
            return false;
          }
          if (!eventRows.isEmpty()) {
            dao.insertEvents(eventRows);
          }
          return true;
        });
  }

  @Override
  public void recordWindowTallies(String noticeId, List<DayBucket> tallies) {
    List<WindowTallyRow> rows = new ArrayList<>(tallies.size());
    for (int position = 0; position < tallies.size(); position++) {
      rows.add(WindowTallyRow.of(noticeId, position, tallies.get(position)));
    }
    database.useTransaction(
        session -> {
          NoticeDao dao = new NoticeDao(session);
          // Locks the notice, so a concurrent delete either waits for these rows (and deletes
          // them) or has deleted the notice already (and there is nothing to record).
          if (dao.lockVersion(noticeId).isEmpty()) {
            return;
          }
          dao.deleteWindowTallies(noticeId);
          if (!rows.isEmpty()) {
            dao.insertWindowTallies(rows);
          }
        });
  }

  @Override
  public List<WindowTally> windowTallies(LocalDate first, LocalDate last) {
    return database
        .withHandle(
            session -> new NoticeDao(session).windowTallies(first.toEpochDay(), last.toEpochDay()))
        .stream()
        .map(WindowTallyRow::toWindowTally)
        .toList();
  }

  @Override
  public int deleteClosedBefore(Instant before) {
    return database.withHandle(
        session -> new NoticeDao(session).deleteClosedBefore(UtcPeriods.micros(before)));
  }

  /**
   * The selection of the page's read: open notices and those closed since a moment; one index
   * range on {@code closed_at} in each table.
   *
   * @param closedSince epoch microseconds
   * @return the selection
   */
  public static Selection current(long closedSince) {
    return new Selection(
        "n.closed_at >= :closedSince",
        "c.closed_at >= :closedSince",
        Map.of("closedSince", closedSince));
  }

  /** The notices a selection takes, with their timelines, in no order. */
  private List<Notice> read(Selection selection) {
    return database.inTransaction(
        Connection.TRANSACTION_REPEATABLE_READ,
        session -> {
          List<NoticeRow> notices =
              rows(session, NOTICE_ROWS.formatted(selection.notices()), selection, NoticeRow.class);
          if (notices.isEmpty()) {
            return List.of();
          }
          String children = selection.children();
          return NoticeRows.assemble(
              notices,
              rows(session, UPDATE_ROWS.formatted(children), selection, UpdateRow.class),
              rows(session, AFFECTED_ROWS.formatted(children), selection, AffectedRow.class),
              rows(session, CHANGE_ROWS.formatted(children), selection, ChangeRow.class));
        });
  }

  private static <T extends Record> List<T> rows(
      Session session, String query, Selection selection, Class<T> type) {
    Sql sql = session.createQuery(query);
    selection.parameters().forEach(sql::bind);
    return sql.map(RowMapper.ofRecord(type)).list();
  }
}
