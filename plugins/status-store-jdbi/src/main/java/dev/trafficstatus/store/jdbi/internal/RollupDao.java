package dev.trafficstatus.store.jdbi.internal;

import java.util.List;
import java.util.function.Consumer;

/**
 * Maintenance: the bookkeeping of dirty hours ({@link HourWrite}) and of days, rolling them up, and
 * deleting rows past retention. Only {@link Maintenance} uses it, in one process at a time; it is
 * the only writer of {@code status_day_state}, {@code status_hours} and {@code status_days}.
 *
 * <p>Lock order, the same everywhere so concurrent transactions wait instead of deadlocking: minute
 * rows, then {@code status_hour_writes} rows, then hour rows, then {@code status_day_state} rows,
 * then day rows. Writers take the first two only (their own rows), so writers of different
 * instances never wait for each other; an hour rollup takes the last four; the fold of late
 * minutes and the prune delete minute rows before they look at the bookkeeping again.
 */
public final class RollupDao {

  /** The columns of figures. */
  public static final String FIGURES = "total, success, failure, ignored, max_latency_micros, histogram";

  private static final RowMapper<TallyRow> TALLY_ROWS = new TallyRow.Mapper();
  private static final RowMapper<HourWrite> HOUR_WRITES = RowMapper.ofRecord(HourWrite.class);

  private final Session session;

  /**
   * @param session the session the statements run on
   */
  public RollupDao(Session session) {
    this.session = session;
  }

  // ---- bookkeeping

  /**
   * The bookkeeping rows of closed hours: the hours to roll up, and what each was when read.
   *
   * @param currentHour the current epoch hour; it and later hours are left alone
   * @return the rows, by hour and instance
   */
  public List<HourWrite> writesBefore(long currentHour) {
    return session
        .createQuery(
            """
            SELECT epoch_hour, instance, version FROM status_hour_writes
            WHERE epoch_hour < :currentHour
            ORDER BY epoch_hour, instance
            """)
        .bind("currentHour", currentHour)
        .map(HOUR_WRITES)
        .list();
  }

  /**
   * How many bookkeeping rows the hours {@code [from, to)} have: zero when they are all clean.
   *
   * @param from the first epoch hour
   * @param to the first epoch hour after the range
   * @return the number of rows visible now
   */
  public long countWritesBetween(long from, long to) {
    return session
        .createQuery("SELECT COUNT(*) FROM status_hour_writes WHERE epoch_hour >= :from AND epoch_hour < :to")
        .bind("from", from)
        .bind("to", to)
        .mapTo(long.class)
        .one();
  }

  /**
   * Deletes exactly the bookkeeping rows read before a rollup: a row whose version moved since (a
   * write after the rollup read its minutes) is left, so its hour stays dirty.
   *
   * @param seen the rows as read
   */
  public void forget(List<HourWrite> seen) {
    Batch batch =
        session.prepareBatch(
            """
            DELETE FROM status_hour_writes
            WHERE epoch_hour = :epochHour AND instance = :instance AND version = :version
            """);
    for (HourWrite row : seen) {
      batch.add(row);
    }
    batch.execute();
  }

  /**
   * Days whose minutes were pruned, among some days.
   *
   * @param firstDay the first epoch day
   * @param lastDay the last epoch day, inclusive
   * @return the pruned days
   */
  public List<Long> prunedDaysBetween(long firstDay, long lastDay) {
    return session
        .createQuery(
            "SELECT epoch_day FROM status_day_state WHERE pruned AND epoch_day BETWEEN :firstDay AND :lastDay")
        .bind("firstDay", firstDay)
        .bind("lastDay", lastDay)
        .mapTo(Long.class)
        .list();
  }

  /**
   * Days that need a rollup once closed: one of their hours was rolled up since the day last was.
   *
   * @param today the current epoch day; it and later days are left out
   * @return the days, oldest first
   */
  public List<Long> unrolledDaysBefore(long today) {
    return session
        .createQuery(
            """
            SELECT epoch_day FROM status_day_state
            WHERE NOT rolled_up AND NOT pruned AND epoch_day < :today
            ORDER BY epoch_day
            """)
        .bind("today", today)
        .mapTo(Long.class)
        .list();
  }

  /**
   * Rolled-up days whose minute rows are still there.
   *
   * @param day days before this one are returned
   * @return the days, oldest first
   */
  public List<Long> prunableDaysBefore(long day) {
    return session
        .createQuery(
            """
            SELECT epoch_day FROM status_day_state
            WHERE rolled_up AND NOT pruned AND epoch_day < :day
            ORDER BY epoch_day
            """)
        .bind("day", day)
        .mapTo(Long.class)
        .list();
  }

  /**
   * Marks a day rolled up: its day rows hold every minute of its clean hours. Moves its version: it
   * is read from its day rows from now on.
   *
   * @param day the epoch day
   */
  public void markRolledUp(long day) {
    session
        .createUpdate("UPDATE status_day_state SET rolled_up = TRUE, version = version + 1 WHERE epoch_day = :day")
        .bind("day", day)
        .execute();
  }

  /**
   * Marks a rolled-up day pruned: its minute and hour rows are gone, its day rows hold them. Moves
   * its version: the day reads the same, but a range inside it now reads nothing (see {@link
   * FiguresReader#hourVersions}).
   *
   * @param day the epoch day
   */
  public void markPruned(long day) {
    session
        .createUpdate(
            "UPDATE status_day_state SET pruned = TRUE, version = version + 1 WHERE epoch_day = :day AND rolled_up")
        .bind("day", day)
        .execute();
  }

  // ---- reading what is rolled up

  /**
   * Streams the minute rows of {@code [from, to)}, of every route, each row's period set to
   * {@code period}; call it inside a transaction.
   *
   * @param period what to report as every row's period
   * @param from the first epoch minute
   * @param to the first epoch minute after the range
   * @param sink receives every row
   */
  public void minutesBetween(long period, long from, long to, Consumer<TallyRow> sink) {
    session
        .createQuery(
            "SELECT route_id, CAST(:period AS BIGINT) AS period, " + FIGURES + """

            FROM status_minutes
            WHERE epoch_minute >= :from AND epoch_minute < :to
            """)
        .bind("period", period)
        .bind("from", from)
        .bind("to", to)
        .fetchSize(FiguresDao.FETCH_SIZE)
        .map(TALLY_ROWS)
        .forEach(sink);
  }

  /**
   * Streams the hour rows of {@code [from, to)}, of every route, each row's period set to {@code
   * period}.
   *
   * @param period what to report as every row's period
   * @param from the first epoch hour
   * @param to the first epoch hour after the range
   * @param sink receives every row
   */
  public void hoursBetween(long period, long from, long to, Consumer<TallyRow> sink) {
    session
        .createQuery(
            "SELECT route_id, CAST(:period AS BIGINT) AS period, " + FIGURES + """

            FROM status_hours
            WHERE epoch_hour >= :from AND epoch_hour < :to
            """)
        .bind("period", period)
        .bind("from", from)
        .bind("to", to)
        .map(TALLY_ROWS)
        .forEach(sink);
  }

  /**
   * Streams the day rows of a day, of every route.
   *
   * @param day the epoch day
   * @param sink receives every row
   */
  public void dayRowsOf(long day, Consumer<TallyRow> sink) {
    session
        .createQuery("SELECT route_id, epoch_day AS period, " + FIGURES + " FROM status_days WHERE epoch_day = :day")
        .bind("day", day)
        .map(TALLY_ROWS)
        .forEach(sink);
  }

  // ---- writing rollups

  /**
   * Deletes the hour rows of an hour.
   *
   * @param hour the epoch hour
   */
  public void deleteHourRows(long hour) {
    session.createUpdate("DELETE FROM status_hours WHERE epoch_hour = :hour").bind("hour", hour).execute();
  }

  /**
   * Inserts hour rows.
   *
   * @param rows the rows, each row's period its epoch hour
   */
  public void insertHourRows(List<TallyRow> rows) {
    insert(
        "INSERT INTO status_hours (route_id, epoch_hour, " + FIGURES + """
        )
        VALUES (:routeId, :period, :total, :success, :failure, :ignored, :maxLatencyMicros, :histogram)
        """,
        rows);
  }

  /**
   * Deletes the day rows of a day.
   *
   * @param day the epoch day
   */
  public void deleteDayRows(long day) {
    session.createUpdate("DELETE FROM status_days WHERE epoch_day = :day").bind("day", day).execute();
  }

  /**
   * Inserts day rows.
   *
   * @param rows the rows, each row's period its epoch day
   */
  public void insertDayRows(List<TallyRow> rows) {
    insert(
        "INSERT INTO status_days (route_id, epoch_day, " + FIGURES + """
        )
        VALUES (:routeId, :period, :total, :success, :failure, :ignored, :maxLatencyMicros, :histogram)
        """,
        rows);
  }

  private void insert(String sql, List<TallyRow> rows) {
    Batch batch = session.prepareBatch(sql);
    for (TallyRow row : rows) {
      batch.add(row);
    }
    batch.execute();
  }

  // ---- deleting

  /**
   * Deletes the minute rows of {@code [from, to)}.
   *
   * @param from the first epoch minute
   * @param to the first epoch minute after the range
   * @return the rows deleted
   */
  public int deleteMinutesBetween(long from, long to) {
    return session
        .createUpdate("DELETE FROM status_minutes WHERE epoch_minute >= :from AND epoch_minute < :to")
        .bind("from", from)
        .bind("to", to)
        .execute();
  }

  /**
   * Deletes the hour rows of {@code [from, to)}.
   *
   * @param from the first epoch hour
   * @param to the first epoch hour after the range
   */
  public void deleteHoursBetween(long from, long to) {
    session
        .createUpdate("DELETE FROM status_hours WHERE epoch_hour >= :from AND epoch_hour < :to")
        .bind("from", from)
        .bind("to", to)
        .execute();
  }

  /**
   * Deletes the minute rows before a minute.
   *
   * @param minute the first epoch minute kept
   * @return the rows deleted
   */
  public int deleteMinutesBefore(long minute) {
    return session
        .createUpdate("DELETE FROM status_minutes WHERE epoch_minute < :minute")
        .bind("minute", minute)
        .execute();
  }

  /**
   * Deletes the hour rows before an hour.
   *
   * @param hour the first epoch hour kept
   */
  public void deleteHoursBefore(long hour) {
    session.createUpdate("DELETE FROM status_hours WHERE epoch_hour < :hour").bind("hour", hour).execute();
  }

  /**
   * Deletes the bookkeeping of the hours before an hour.
   *
   * @param hour the first epoch hour kept
   */
  public void deleteWritesBefore(long hour) {
    session.createUpdate("DELETE FROM status_hour_writes WHERE epoch_hour < :hour").bind("hour", hour).execute();
  }

  /**
   * Deletes the day rows of the days before a day.
   *
   * @param day the first epoch day kept
   * @return the rows deleted
   */
  public int deleteDayRowsBefore(long day) {
    return session.createUpdate("DELETE FROM status_days WHERE epoch_day < :day").bind("day", day).execute();
  }

  /**
   * Deletes the day bookkeeping of the days before a day.
   *
   * @param day the first epoch day kept
   */
  public void deleteDayStatesBefore(long day) {
    session.createUpdate("DELETE FROM status_day_state WHERE epoch_day < :day").bind("day", day).execute();
  }
}
