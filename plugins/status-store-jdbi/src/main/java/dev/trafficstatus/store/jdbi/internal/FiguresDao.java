package dev.trafficstatus.store.jdbi.internal;

import java.util.function.Consumer;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.FetchSize;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The figures the page and the API read: per route and UTC day, and per route from a minute on.
 * Both stream their rows (PostgreSQL reads a whole result into memory unless it is fetched in
 * chunks, which it does only inside a transaction).
 */
@RegisterRowMapper(TallyRow.Mapper.class)
public interface FiguresDao {

  /** Rows fetched per round trip when streaming. */
  int FETCH_SIZE = 5_000;

  /**
   * Figures of visible routes per UTC day. Day rows of days that are rolled up (or pruned, whose
   * older minutes are gone). For days that are not (today, and days written to since their
   * rollup): hour rows of their rolled-up hours, and minute rows of their other hours, found through
   * the hours' bookkeeping so only those minutes are read. Each row's period is its epoch day.
   * Parameters: {@code :firstDay}, {@code :lastDay}. One statement, so one consistent snapshot.
   */
  String READ_DAYS =
      """
      SELECT d.route_id, d.epoch_day AS period, d.total, d.success, d.failure, d.ignored,
             d.max_latency_micros, d.histogram
      FROM status_day_state s
      JOIN status_days d ON d.epoch_day = s.epoch_day
      JOIN status_routes r ON r.id = d.route_id
      WHERE s.epoch_day BETWEEN :firstDay AND :lastDay
        AND d.epoch_day BETWEEN :firstDay AND :lastDay
        AND (s.rolled_up OR s.pruned)
        AND NOT r.hidden
      UNION ALL
      SELECT h.route_id, s.epoch_day AS period, h.total, h.success, h.failure, h.ignored,
             h.max_latency_micros, h.histogram
      FROM status_day_state s
      JOIN status_hour_state hs
        ON hs.epoch_hour >= s.epoch_day * 24
       AND hs.epoch_hour < s.epoch_day * 24 + 24
      JOIN status_hours h ON h.epoch_hour = hs.epoch_hour
      JOIN status_routes r ON r.id = h.route_id
      WHERE s.epoch_day BETWEEN :firstDay AND :lastDay
        AND hs.epoch_hour BETWEEN :firstDay * 24 AND :lastDay * 24 + 23
        AND NOT s.rolled_up
        AND hs.rolled_up
        AND NOT r.hidden
      UNION ALL
      SELECT m.route_id, s.epoch_day AS period, m.total, m.success, m.failure, m.ignored,
             m.max_latency_micros, m.histogram
      FROM status_day_state s
      JOIN status_hour_state hs
        ON hs.epoch_hour >= s.epoch_day * 24
       AND hs.epoch_hour < s.epoch_day * 24 + 24
      JOIN status_minutes m
        ON m.epoch_minute >= hs.epoch_hour * 60
       AND m.epoch_minute < hs.epoch_hour * 60 + 60
      JOIN status_routes r ON r.id = m.route_id
      WHERE s.epoch_day BETWEEN :firstDay AND :lastDay
        AND hs.epoch_hour BETWEEN :firstDay * 24 AND :lastDay * 24 + 23
        AND NOT s.rolled_up
        AND NOT hs.rolled_up
        AND NOT r.hidden
      """;

  /**
   * Minute rows of visible routes from a minute on; each row's period is its minute. Parameter:
   * {@code :fromMinute}.
   */
  String READ_SINCE =
      """
      SELECT m.route_id, m.epoch_minute AS period, m.total, m.success, m.failure, m.ignored,
             m.max_latency_micros, m.histogram
      FROM status_minutes m
      JOIN status_routes r ON r.id = m.route_id
      WHERE m.epoch_minute >= :fromMinute AND NOT r.hidden
      """;

  /**
   * Streams {@link #READ_DAYS}; call it inside a transaction.
   *
   * @param firstDay the first epoch day, inclusive
   * @param lastDay the last epoch day, inclusive
   * @param sink receives every row
   */
  @SqlQuery(READ_DAYS)
  @FetchSize(FETCH_SIZE)
  void readDays(long firstDay, long lastDay, Consumer<TallyRow> sink);

  /**
   * Streams {@link #READ_SINCE}; call it inside a transaction.
   *
   * @param fromMinute the first epoch minute, inclusive
   * @param sink receives every row
   */
  @SqlQuery(READ_SINCE)
  @FetchSize(FETCH_SIZE)
  void readSince(long fromMinute, Consumer<TallyRow> sink);

  /**
   * Asks the database for nothing, to see that it answers.
   *
   * @return 1
   */
  @SqlQuery("SELECT 1")
  int ping();
}
