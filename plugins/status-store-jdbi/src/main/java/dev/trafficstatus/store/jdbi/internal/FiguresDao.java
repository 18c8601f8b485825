package dev.trafficstatus.store.jdbi.internal;

import java.util.List;
import java.util.function.Consumer;

/**
 * The figures the page and the API read: per route and UTC day, and per route from a minute on.
 * Both stream their rows (PostgreSQL reads a whole result into memory unless it is fetched in
 * chunks, which it does only inside a transaction).
 */
public final class FiguresDao {

  /** Rows fetched per round trip when streaming. */
  public static final int FETCH_SIZE = 5_000;

  /**
   * Figures of visible routes per UTC day, each row's period its epoch day, from three sources that
   * never overlap:
   *
   * <ol>
   *   <li>day rows of days whose rollup is complete: pruned days (their minutes are gone), and
   *       rolled-up days without a dirty hour;
   *   <li>hour rows of the clean hours of the other days that maintenance has seen (a day gets its
   *       {@code status_day_state} row when one of its hours is first rolled up);
   *   <li>minute rows of dirty hours (those with {@code status_hour_writes} rows): the hours not
   *       rolled up yet (today's latest, above all), and hours written to since their rollup.
   * </ol>
   *
   * Parameters: {@code :firstDay}, {@code :lastDay}. One statement, so one consistent snapshot:
   * maintenance switches an hour from minutes to hour rows, and a day from hours to day rows, each
   * in one transaction.
   *
   * <p>The dirty hours' minutes are joined to the routes through {@code EXISTS}, not a join: with
   * the routes in the join, H2 started from them and read every minute row of every route through
   * the minute table's route index, whatever the hours (issue 23, {@code H2QueryPlanTest}); with
   * two tables left it reads the dirty hours first and their minutes by {@code
   * status_minutes_by_minute}, as PostgreSQL always did.
   */
  public static final String READ_DAYS =
      """
      SELECT d.route_id, d.epoch_day AS period, d.total, d.success, d.failure, d.ignored,
             d.max_latency_micros, d.histogram
      FROM status_day_state s
      JOIN status_days d ON d.epoch_day = s.epoch_day
      JOIN status_routes r ON r.id = d.route_id
      WHERE s.epoch_day BETWEEN :firstDay AND :lastDay
        AND d.epoch_day BETWEEN :firstDay AND :lastDay
        AND (s.pruned
             OR (s.rolled_up
                 AND NOT EXISTS (SELECT 1 FROM status_hour_writes w
                                 WHERE w.epoch_hour >= s.epoch_day * 24
                                   AND w.epoch_hour < s.epoch_day * 24 + 24)))
        AND NOT r.hidden
      UNION ALL
      SELECT h.route_id, s.epoch_day AS period, h.total, h.success, h.failure, h.ignored,
             h.max_latency_micros, h.histogram
      FROM status_day_state s
      JOIN status_hours h
        ON h.epoch_hour >= s.epoch_day * 24
       AND h.epoch_hour < s.epoch_day * 24 + 24
      JOIN status_routes r ON r.id = h.route_id
      WHERE s.epoch_day BETWEEN :firstDay AND :lastDay
        AND h.epoch_hour BETWEEN :firstDay * 24 AND :lastDay * 24 + 23
        AND NOT s.pruned
        AND (NOT s.rolled_up
             OR EXISTS (SELECT 1 FROM status_hour_writes w
                        WHERE w.epoch_hour >= s.epoch_day * 24
                          AND w.epoch_hour < s.epoch_day * 24 + 24))
        AND NOT EXISTS (SELECT 1 FROM status_hour_writes w WHERE w.epoch_hour = h.epoch_hour)
        AND NOT r.hidden
      UNION ALL
      SELECT m.route_id, w.epoch_hour / 24 AS period, m.total, m.success, m.failure, m.ignored,
             m.max_latency_micros, m.histogram
      FROM (SELECT DISTINCT epoch_hour FROM status_hour_writes
            WHERE epoch_hour BETWEEN :firstDay * 24 AND :lastDay * 24 + 23) w
      JOIN status_minutes m
        ON m.epoch_minute >= w.epoch_hour * 60
       AND m.epoch_minute < w.epoch_hour * 60 + 60
      WHERE EXISTS (SELECT 1 FROM status_routes r WHERE r.id = m.route_id AND NOT r.hidden)
      """;

  /**
   * Minute rows of visible routes from a minute on; each row's period is its minute. Parameter:
   * {@code :fromMinute}.
   */
  public static final String READ_SINCE =
      """
      SELECT m.route_id, m.epoch_minute AS period, m.total, m.success, m.failure, m.ignored,
             m.max_latency_micros, m.histogram
      FROM status_minutes m
      JOIN status_routes r ON r.id = m.route_id
      WHERE m.epoch_minute >= :fromMinute AND NOT r.hidden
      """;

  /**
   * The version of each day with bookkeeping ({@code status_day_state}), and the days with dirty
   * hours ({@code dirty} true, version 0), in one statement so both come from one snapshot.
   * Parameters: {@code :firstDay}, {@code :lastDay}.
   */
  public static final String DAY_VERSIONS =
      """
      SELECT epoch_day, version, FALSE AS dirty
      FROM status_day_state
      WHERE epoch_day BETWEEN :firstDay AND :lastDay
      UNION ALL
      SELECT DISTINCT epoch_hour / 24, CAST(0 AS BIGINT), TRUE
      FROM status_hour_writes
      WHERE epoch_hour BETWEEN :firstDay * 24 AND :lastDay * 24 + 23
      """;

  /**
   * The version of each day with bookkeeping ({@code status_day_state}, {@code of_hour} false, {@code
   * period} the day), and per dirty hour the sum of its bookkeeping rows' versions ({@code of_hour}
   * true, {@code period} the hour), in one statement so both come from one snapshot. Parameters:
   * {@code :firstDay}, {@code :lastDay}.
   */
  public static final String HOUR_VERSIONS =
      """
      SELECT epoch_day AS period, version, FALSE AS of_hour
      FROM status_day_state
      WHERE epoch_day BETWEEN :firstDay AND :lastDay
      UNION ALL
      SELECT epoch_hour, CAST(SUM(version) AS BIGINT), TRUE
      FROM status_hour_writes
      WHERE epoch_hour BETWEEN :firstDay * 24 AND :lastDay * 24 + 23
      GROUP BY epoch_hour
      """;

  /**
   * Figures of visible routes in the minutes {@code [:fromMinute, :toMinute)}, each row's period
   * the day, hour or minute it sums, from five sources that never overlap and together hold every
   * minute of the range that retention kept:
   *
   * <ol>
   *   <li>day rows of the whole UTC days {@code [:firstWholeDay, :endWholeDay)} whose rollup is
   *       complete (as in {@link #READ_DAYS});
   *   <li>hour rows of the clean whole hours {@code [:firstWholeHour, :endWholeHour)} of the other
   *       days that maintenance has seen and not pruned ({@code :firstHourDay} to {@code
   *       :lastHourDay} are the days of those hours);
   *   <li>minute rows of the edges: {@code [:fromMinute, :headEnd)} before the first whole hour and
   *       {@code [:tailStart, :toMinute)} after the last (the whole range when it holds no whole
   *       hour);
   *   <li>minute rows of the dirty whole hours (written to since their rollup, or never rolled up:
   *       today's latest).
   * </ol>
   *
   * A long range costs a row per route and day, plus 24 hour rows per route for a day not rolled
   * up, plus the minutes of at most two edge hours and of the dirty hours. Of a day whose minute
   * rows are past retention only the whole day counts, from its day rows: its edges are gone. One
   * statement, so one consistent snapshot.
   */
  public static final String READ_BETWEEN =
      """
      SELECT d.route_id, d.epoch_day AS period, d.total, d.success, d.failure, d.ignored,
             d.max_latency_micros, d.histogram
      FROM status_day_state s
      JOIN status_days d ON d.epoch_day = s.epoch_day
      JOIN status_routes r ON r.id = d.route_id
      WHERE s.epoch_day >= :firstWholeDay AND s.epoch_day < :endWholeDay
        AND d.epoch_day >= :firstWholeDay AND d.epoch_day < :endWholeDay
        AND (s.pruned
             OR (s.rolled_up
                 AND NOT EXISTS (SELECT 1 FROM status_hour_writes w
                                 WHERE w.epoch_hour >= s.epoch_day * 24
                                   AND w.epoch_hour < s.epoch_day * 24 + 24)))
        AND NOT r.hidden
      UNION ALL
      SELECT h.route_id, h.epoch_hour AS period, h.total, h.success, h.failure, h.ignored,
             h.max_latency_micros, h.histogram
      FROM status_day_state s
      JOIN status_hours h
        ON h.epoch_hour >= s.epoch_day * 24
       AND h.epoch_hour < s.epoch_day * 24 + 24
      JOIN status_routes r ON r.id = h.route_id
      WHERE s.epoch_day >= :firstHourDay AND s.epoch_day <= :lastHourDay
        AND h.epoch_hour >= :firstWholeHour AND h.epoch_hour < :endWholeHour
        AND NOT s.pruned
        AND NOT (s.epoch_day >= :firstWholeDay AND s.epoch_day < :endWholeDay
                 AND s.rolled_up
                 AND NOT EXISTS (SELECT 1 FROM status_hour_writes w
                                 WHERE w.epoch_hour >= s.epoch_day * 24
                                   AND w.epoch_hour < s.epoch_day * 24 + 24))
        AND NOT EXISTS (SELECT 1 FROM status_hour_writes w WHERE w.epoch_hour = h.epoch_hour)
        AND NOT r.hidden
      UNION ALL
      SELECT m.route_id, m.epoch_minute AS period, m.total, m.success, m.failure, m.ignored,
             m.max_latency_micros, m.histogram
      FROM status_minutes m
      JOIN status_routes r ON r.id = m.route_id
      WHERE m.epoch_minute >= :fromMinute AND m.epoch_minute < :headEnd AND NOT r.hidden
      UNION ALL
      SELECT m.route_id, m.epoch_minute AS period, m.total, m.success, m.failure, m.ignored,
             m.max_latency_micros, m.histogram
      FROM status_minutes m
      JOIN status_routes r ON r.id = m.route_id
      WHERE m.epoch_minute >= :tailStart AND m.epoch_minute < :toMinute AND NOT r.hidden
      UNION ALL
      SELECT m.route_id, w.epoch_hour AS period, m.total, m.success, m.failure, m.ignored,
             m.max_latency_micros, m.histogram
      FROM (SELECT DISTINCT epoch_hour FROM status_hour_writes
            WHERE epoch_hour >= :firstWholeHour AND epoch_hour < :endWholeHour) w
      JOIN status_minutes m
        ON m.epoch_minute >= w.epoch_hour * 60
       AND m.epoch_minute < w.epoch_hour * 60 + 60
      WHERE EXISTS (SELECT 1 FROM status_routes r WHERE r.id = m.route_id AND NOT r.hidden)
      """;

  private static final RowMapper<TallyRow> TALLY_ROWS = new TallyRow.Mapper();
  private static final RowMapper<DayVersionRow> DAY_VERSION_ROWS =
      RowMapper.ofRecord(DayVersionRow.class);
  private static final RowMapper<HourVersionRow> HOUR_VERSION_ROWS =
      RowMapper.ofRecord(HourVersionRow.class);

  private final Session session;

  /**
   * @param session the session the statements run on
   */
  public FiguresDao(Session session) {
    this.session = session;
  }

  /**
   * Streams {@link #READ_DAYS}; call it inside a transaction.
   *
   * @param firstDay the first epoch day, inclusive
   * @param lastDay the last epoch day, inclusive
   * @param sink receives every row
   */
  public void readDays(long firstDay, long lastDay, Consumer<TallyRow> sink) {
    session
        .createQuery(READ_DAYS)
        .bind("firstDay", firstDay)
        .bind("lastDay", lastDay)
        .fetchSize(FETCH_SIZE)
        .map(TALLY_ROWS)
        .forEach(sink);
  }

  /**
   * Streams {@link #READ_SINCE}; call it inside a transaction.
   *
   * @param fromMinute the first epoch minute, inclusive
   * @param sink receives every row
   */
  public void readSince(long fromMinute, Consumer<TallyRow> sink) {
    session
        .createQuery(READ_SINCE)
        .bind("fromMinute", fromMinute)
        .fetchSize(FETCH_SIZE)
        .map(TALLY_ROWS)
        .forEach(sink);
  }

  /**
   * Runs {@link #DAY_VERSIONS}.
   *
   * @param firstDay the first epoch day, inclusive
   * @param lastDay the last epoch day, inclusive
   * @return the rows
   */
  public List<DayVersionRow> dayVersions(long firstDay, long lastDay) {
    return session
        .createQuery(DAY_VERSIONS)
        .bind("firstDay", firstDay)
        .bind("lastDay", lastDay)
        .map(DAY_VERSION_ROWS)
        .list();
  }

  /**
   * Runs {@link #HOUR_VERSIONS}.
   *
   * @param firstDay the first epoch day, inclusive
   * @param lastDay the last epoch day, inclusive
   * @return the rows
   */
  public List<HourVersionRow> hourVersions(long firstDay, long lastDay) {
    return session
        .createQuery(HOUR_VERSIONS)
        .bind("firstDay", firstDay)
        .bind("lastDay", lastDay)
        .map(HOUR_VERSION_ROWS)
        .list();
  }

  /**
   * Streams {@link #READ_BETWEEN}; call it inside a transaction.
   *
   * @param range the range's bounds, bound by their names
   * @param sink receives every row
   */
  public void readBetween(MinuteRange range, Consumer<TallyRow> sink) {
    session
        .createQuery(READ_BETWEEN)
        .bindRecord(range)
        .fetchSize(FETCH_SIZE)
        .map(TALLY_ROWS)
        .forEach(sink);
  }

  /**
   * Asks the database for nothing, to see that it answers.
   *
   * @return 1
   */
  public int ping() {
    return session.createQuery("SELECT 1").mapTo(int.class).one();
  }
}
