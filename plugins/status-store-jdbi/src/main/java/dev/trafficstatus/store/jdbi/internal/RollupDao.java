package dev.trafficstatus.store.jdbi.internal;

import java.util.List;
import java.util.function.Consumer;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.customizer.FetchSize;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

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
@RegisterRowMapper(TallyRow.Mapper.class)
@RegisterConstructorMapper(HourWrite.class)
public interface RollupDao {

  /** The columns of figures. */
  String FIGURES = "total, success, failure, ignored, max_latency_micros, histogram";

  // ---- bookkeeping

  /**
   * The bookkeeping rows of closed hours: the hours to roll up, and what each was when read.
   *
   * @param currentHour the current epoch hour; it and later hours are left alone
   * @return the rows, by hour and instance
   */
  @SqlQuery(
      """
      SELECT epoch_hour, instance, version FROM status_hour_writes
      WHERE epoch_hour < :currentHour
      ORDER BY epoch_hour, instance
      """)
  List<HourWrite> writesBefore(long currentHour);

  /**
   * How many bookkeeping rows the hours {@code [from, to)} have: zero when they are all clean.
   *
   * @param from the first epoch hour
   * @param to the first epoch hour after the range
   * @return the number of rows visible now
   */
  @SqlQuery("SELECT COUNT(*) FROM status_hour_writes WHERE epoch_hour >= :from AND epoch_hour < :to")
  long countWritesBetween(long from, long to);

  /**
   * Deletes exactly the bookkeeping rows read before a rollup: a row whose version moved since (a
   * write after the rollup read its minutes) is left, so its hour stays dirty.
   *
   * @param seen the rows as read
   */
  @SqlBatch(
      """
      DELETE FROM status_hour_writes
      WHERE epoch_hour = :epochHour AND instance = :instance AND version = :version
      """)
  void forget(@BindMethods List<HourWrite> seen);

  /**
   * Days whose minutes were pruned, among some days.
   *
   * @param firstDay the first epoch day
   * @param lastDay the last epoch day, inclusive
   * @return the pruned days
   */
  @SqlQuery(
      "SELECT epoch_day FROM status_day_state WHERE pruned AND epoch_day BETWEEN :firstDay AND :lastDay")
  List<Long> prunedDaysBetween(long firstDay, long lastDay);

  /**
   * Days that need a rollup once closed: one of their hours was rolled up since the day last was.
   *
   * @param today the current epoch day; it and later days are left out
   * @return the days, oldest first
   */
  @SqlQuery(
      """
      SELECT epoch_day FROM status_day_state
      WHERE NOT rolled_up AND NOT pruned AND epoch_day < :today
      ORDER BY epoch_day
      """)
  List<Long> unrolledDaysBefore(long today);

  /**
   * Rolled-up days whose minute rows are still there.
   *
   * @param day days before this one are returned
   * @return the days, oldest first
   */
  @SqlQuery(
      """
      SELECT epoch_day FROM status_day_state
      WHERE rolled_up AND NOT pruned AND epoch_day < :day
      ORDER BY epoch_day
      """)
  List<Long> prunableDaysBefore(long day);

  /**
   * Marks a day rolled up: its day rows hold every minute of its clean hours. Moves its version: it
   * is read from its day rows from now on.
   *
   * @param day the epoch day
   */
  @SqlUpdate("UPDATE status_day_state SET rolled_up = TRUE, version = version + 1 WHERE epoch_day = :day")
  void markRolledUp(long day);

  /**
   * Marks a rolled-up day pruned: its minute and hour rows are gone, its day rows hold them. Moves
   * its version: the day reads the same, but a range inside it now reads nothing (see {@link
   * FiguresReader#hourVersions}).
   *
   * @param day the epoch day
   */
  @SqlUpdate("UPDATE status_day_state SET pruned = TRUE, version = version + 1 WHERE epoch_day = :day AND rolled_up")
  void markPruned(long day);

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
  @SqlQuery(
      "SELECT route_id, CAST(:period AS BIGINT) AS period, " + FIGURES + """

      FROM status_minutes
      WHERE epoch_minute >= :from AND epoch_minute < :to
      """)
  @FetchSize(FiguresDao.FETCH_SIZE)
  void minutesBetween(long period, long from, long to, Consumer<TallyRow> sink);

  /**
   * Streams the hour rows of {@code [from, to)}, of every route, each row's period set to {@code
   * period}.
   *
   * @param period what to report as every row's period
   * @param from the first epoch hour
   * @param to the first epoch hour after the range
   * @param sink receives every row
   */
  @SqlQuery(
      "SELECT route_id, CAST(:period AS BIGINT) AS period, " + FIGURES + """

      FROM status_hours
      WHERE epoch_hour >= :from AND epoch_hour < :to
      """)
  void hoursBetween(long period, long from, long to, Consumer<TallyRow> sink);

  /**
   * Streams the day rows of a day, of every route.
   *
   * @param day the epoch day
   * @param sink receives every row
   */
  @SqlQuery("SELECT route_id, epoch_day AS period, " + FIGURES + " FROM status_days WHERE epoch_day = :day")
  void dayRowsOf(long day, Consumer<TallyRow> sink);

  // ---- writing rollups

  /**
   * Deletes the hour rows of an hour.
   *
   * @param hour the epoch hour
   */
  @SqlUpdate("DELETE FROM status_hours WHERE epoch_hour = :hour")
  void deleteHourRows(long hour);

  /**
   * Inserts hour rows.
   *
   * @param rows the rows, each row's period its epoch hour
   */
  @SqlBatch(
      "INSERT INTO status_hours (route_id, epoch_hour, " + FIGURES + """
      )
      VALUES (:routeId, :period, :total, :success, :failure, :ignored, :maxLatencyMicros, :histogram)
      """)
  void insertHourRows(@BindMethods List<TallyRow> rows);

  /**
   * Deletes the day rows of a day.
   *
   * @param day the epoch day
   */
  @SqlUpdate("DELETE FROM status_days WHERE epoch_day = :day")
  void deleteDayRows(long day);

  /**
   * Inserts day rows.
   *
   * @param rows the rows, each row's period its epoch day
   */
  @SqlBatch(
      "INSERT INTO status_days (route_id, epoch_day, " + FIGURES + """
      )
      VALUES (:routeId, :period, :total, :success, :failure, :ignored, :maxLatencyMicros, :histogram)
      """)
  void insertDayRows(@BindMethods List<TallyRow> rows);

  // ---- deleting

  /**
   * Deletes the minute rows of {@code [from, to)}.
   *
   * @param from the first epoch minute
   * @param to the first epoch minute after the range
   * @return the rows deleted
   */
  @SqlUpdate("DELETE FROM status_minutes WHERE epoch_minute >= :from AND epoch_minute < :to")
  int deleteMinutesBetween(long from, long to);

  /**
   * Deletes the hour rows of {@code [from, to)}.
   *
   * @param from the first epoch hour
   * @param to the first epoch hour after the range
   */
  @SqlUpdate("DELETE FROM status_hours WHERE epoch_hour >= :from AND epoch_hour < :to")
  void deleteHoursBetween(long from, long to);

  /**
   * Deletes the minute rows before a minute.
   *
   * @param minute the first epoch minute kept
   * @return the rows deleted
   */
  @SqlUpdate("DELETE FROM status_minutes WHERE epoch_minute < :minute")
  int deleteMinutesBefore(long minute);

  /**
   * Deletes the hour rows before an hour.
   *
   * @param hour the first epoch hour kept
   */
  @SqlUpdate("DELETE FROM status_hours WHERE epoch_hour < :hour")
  void deleteHoursBefore(long hour);

  /**
   * Deletes the bookkeeping of the hours before an hour.
   *
   * @param hour the first epoch hour kept
   */
  @SqlUpdate("DELETE FROM status_hour_writes WHERE epoch_hour < :hour")
  void deleteWritesBefore(long hour);

  /**
   * Deletes the day rows of the days before a day.
   *
   * @param day the first epoch day kept
   * @return the rows deleted
   */
  @SqlUpdate("DELETE FROM status_days WHERE epoch_day < :day")
  int deleteDayRowsBefore(long day);

  /**
   * Deletes the day bookkeeping of the days before a day.
   *
   * @param day the first epoch day kept
   */
  @SqlUpdate("DELETE FROM status_day_state WHERE epoch_day < :day")
  void deleteDayStatesBefore(long day);
}
