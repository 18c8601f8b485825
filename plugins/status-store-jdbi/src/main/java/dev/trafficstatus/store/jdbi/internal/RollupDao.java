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
 * Maintenance: the bookkeeping of hours and days, rolling them up, and deleting rows past
 * retention. Only {@link Maintenance} uses it, in one process at a time.
 *
 * <p>Lock order, the same everywhere so concurrent transactions wait instead of deadlocking:
 * minute rows, then {@code status_hour_state} rows (ascending hour), then {@code status_day_state}
 * rows (ascending day), then hour and day rows.
 */
@RegisterRowMapper(TallyRow.Mapper.class)
@RegisterConstructorMapper(DayState.class)
@RegisterConstructorMapper(HourState.class)
public interface RollupDao {

  /** The columns of figures, each row's period named {@code period}. */
  String FIGURES = "total, success, failure, ignored, max_latency_micros, histogram";

  /**
   * Closed hours that need a rollup: written since their last rollup, or never rolled up.
   *
   * @param currentHour the current epoch hour; it and later hours are left alone
   * @return the hours, oldest first
   */
  @SqlQuery(
      """
      SELECT epoch_hour, version FROM status_hour_state
      WHERE NOT rolled_up AND epoch_hour < :currentHour
      ORDER BY epoch_hour
      """)
  List<HourState> unrolledHoursBefore(long currentHour);

  /**
   * Days that need a rollup: written since their last rollup, or never rolled up, and closed.
   *
   * @param today the current epoch day; it and later days are left alone
   * @return the days, oldest first
   */
  @SqlQuery(
      """
      SELECT epoch_day, rolled_up, pruned, version FROM status_day_state
      WHERE NOT rolled_up AND epoch_day < :today
      ORDER BY epoch_day
      """)
  List<DayState> unrolledDaysBefore(long today);

  /**
   * Rolled-up days whose minute rows are still there.
   *
   * @param day days before this one are returned
   * @return the days, oldest first
   */
  @SqlQuery(
      """
      SELECT epoch_day, rolled_up, pruned, version FROM status_day_state
      WHERE rolled_up AND NOT pruned AND epoch_day < :day
      ORDER BY epoch_day
      """)
  List<DayState> prunableDaysBefore(long day);

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
   * {@link #minutesBetween}, locking the rows against concurrent writers until the transaction
   * ends.
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
      FOR UPDATE
      """)
  @FetchSize(FiguresDao.FETCH_SIZE)
  void lockMinutesBetween(long period, long from, long to, Consumer<TallyRow> sink);

  /**
   * Streams the day rows of a day, of every route.
   *
   * @param day the epoch day
   * @param sink receives every row
   */
  @SqlQuery("SELECT route_id, epoch_day AS period, " + FIGURES + " FROM status_days WHERE epoch_day = :day")
  void dayRowsOf(long day, Consumer<TallyRow> sink);

  /**
   * Marks an hour rolled up if nothing was written to it since its state was read; locks the
   * hour's state row until the transaction ends.
   *
   * @param epochHour the hour
   * @param version the version read before the hour's minutes were
   * @return 1 when the rollup may be stored, else 0
   */
  @SqlUpdate(
      """
      UPDATE status_hour_state SET rolled_up = TRUE
      WHERE epoch_hour = :epochHour AND version = :version AND NOT rolled_up
      """)
  int claimHour(long epochHour, long version);

  /**
   * Marks a day rolled up if nothing was written to it since its state was read. Locks the day's
   * state row until the transaction ends, so a writer of that day waits and then marks it again.
   *
   * @param epochDay the day
   * @param version the version read before the day's minutes were
   * @return 1 when the rollup may be stored, else 0
   */
  @SqlUpdate(
      """
      UPDATE status_day_state SET rolled_up = TRUE
      WHERE epoch_day = :epochDay AND version = :version AND NOT rolled_up
      """)
  int claimDay(long epochDay, long version);

  /**
   * Marks a rolled-up day pruned if nothing was written to it since its state was read.
   *
   * @param epochDay the day
   * @param version the version read before its minutes were deleted
   * @return 1 when the deletion may be committed, else 0
   */
  @SqlUpdate(
      """
      UPDATE status_day_state SET pruned = TRUE
      WHERE epoch_day = :epochDay AND version = :version AND NOT pruned AND rolled_up
      """)
  int claimPrune(long epochDay, long version);

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
   * Deletes the hour bookkeeping of {@code [from, to)}.
   *
   * @param from the first epoch hour
   * @param to the first epoch hour after the range
   */
  @SqlUpdate("DELETE FROM status_hour_state WHERE epoch_hour >= :from AND epoch_hour < :to")
  void deleteHourStatesBetween(long from, long to);

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
   * Deletes the hour bookkeeping before an hour.
   *
   * @param hour the first epoch hour kept
   */
  @SqlUpdate("DELETE FROM status_hour_state WHERE epoch_hour < :hour")
  void deleteHourStatesBefore(long hour);

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

  /**
   * Deletes the hour rows and hour bookkeeping of the days {@code [firstDay, endDay)}: once a
   * day's minutes are gone, its day rows hold everything.
   *
   * @param firstDay the first epoch day affected
   * @param endDay the first epoch day no longer affected
   */
  default void deleteHoursOfDays(long firstDay, long endDay) {
    deleteHoursBetween(UtcPeriods.firstHourOf(firstDay), UtcPeriods.firstHourOf(endDay));
    deleteHourStatesBetween(UtcPeriods.firstHourOf(firstDay), UtcPeriods.firstHourOf(endDay));
  }
}
