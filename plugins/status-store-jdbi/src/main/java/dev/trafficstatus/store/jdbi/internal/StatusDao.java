package dev.trafficstatus.store.jdbi.internal;

import dev.trafficstatus.spi.RouteDescriptor;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.store.StoredRoute;
import dev.trafficstatus.spi.store.Tally;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Every statement of the store, on one handle. The statements that differ between databases come
 * from the {@link Dialect}; the rest is standard SQL that H2 and PostgreSQL both run.
 *
 * <p>Lock order, the same everywhere so concurrent transactions wait instead of deadlocking:
 * minute rows, then {@code status_day_state} rows (ascending day), then day rows.
 */
public final class StatusDao {

  /** Rows fetched per round trip when streaming; PostgreSQL otherwise reads a whole result. */
  private static final int FETCH_SIZE = 5_000;

  private final Handle handle;
  private final Dialect dialect;

  /**
   * @param handle the connection to use; the caller opens, closes and demarcates transactions
   * @param dialect the database's dialect
   */
  public StatusDao(Handle handle, Dialect dialect) {
    this.handle = handle;
    this.dialect = dialect;
  }

  /**
   * The database product, as its driver reports it.
   *
   * @param handle an open handle
   * @return such as "PostgreSQL"
   * @throws SQLException when the driver cannot say
   */
  public static String productName(Handle handle) throws SQLException {
    return handle.getConnection().getMetaData().getDatabaseProductName();
  }

  // ---- routes

  /**
   * Every row of the routes table.
   *
   * @return the rows, in no particular order
   */
  public List<RouteIds.Entry> routeEntries() {
    return handle
        .createQuery("SELECT id, service, rule, hidden FROM status_routes")
        .map(
            (rs, ctx) ->
                new RouteIds.Entry(
                    rs.getInt("id"),
                    new RouteKey(rs.getString("service"), rs.getString("rule")),
                    rs.getBoolean("hidden")))
        .list();
  }

  /**
   * Every route.
   *
   * @return the routes, in no particular order
   */
  public List<StoredRoute> routes() {
    return handle
        .createQuery("SELECT service, rule, name, doc, grp, hidden, edited FROM status_routes")
        .map((rs, ctx) -> storedRoute(rs))
        .list();
  }

  /**
   * One route.
   *
   * @param key the route
   * @return the route, or empty when there is no such route
   */
  public Optional<StoredRoute> route(RouteKey key) {
    return handle
        .createQuery(
            """
            SELECT service, rule, name, doc, grp, hidden, edited
            FROM status_routes
            WHERE service = :service AND rule = :rule
            """)
        .bind("service", key.service())
        .bind("rule", key.rule())
        .map((rs, ctx) -> storedRoute(rs))
        .findOne();
  }

  private static StoredRoute storedRoute(ResultSet rs) throws SQLException {
    return new StoredRoute(
        new RouteKey(rs.getString("service"), rs.getString("rule")),
        rs.getString("name"),
        rs.getString("doc"),
        rs.getString("grp"),
        rs.getBoolean("hidden"),
        rs.getBoolean("edited"));
  }

  /**
   * Inserts or updates routes as {@link dev.trafficstatus.spi.store.StatusStore#declareRoutes}
   * says, in one batch.
   *
   * @param routes the routes, in key order so concurrent declarations lock rows in the same order
   */
  public void declareRoutes(List<RouteDescriptor> routes) {
    PreparedBatch batch = handle.prepareBatch(dialect.declareRoute());
    for (RouteDescriptor route : routes) {
      batch
          .bind("service", route.key().service())
          .bind("rule", route.key().rule())
          .bind("name", route.name())
          .bind("doc", route.doc())
          .bind("grp", route.group())
          .add();
    }
    batch.execute();
  }

  /**
   * Sets a visible route's name and doc and marks it edited.
   *
   * @param key the route
   * @param name the new name, or null to keep it
   * @param doc the new doc, or null to keep it
   * @return whether a visible route was changed
   */
  public boolean editRoute(RouteKey key, String name, String doc) {
    return handle
            .createUpdate(
                """
                UPDATE status_routes
                SET name = COALESCE(CAST(:name AS VARCHAR), name),
                    doc = COALESCE(CAST(:doc AS VARCHAR), doc),
                    edited = TRUE
                WHERE service = :service AND rule = :rule AND NOT hidden
                """)
            .bind("name", name)
            .bind("doc", doc)
            .bind("service", key.service())
            .bind("rule", key.rule())
            .execute()
        == 1;
  }

  /**
   * Hides a visible route for good.
   *
   * @param key the route
   * @return its id, or empty when no visible route has that key
   */
  public Optional<Integer> hideRoute(RouteKey key) {
    int changed =
        handle
            .createUpdate(
                """
                UPDATE status_routes SET hidden = TRUE
                WHERE service = :service AND rule = :rule AND NOT hidden
                """)
            .bind("service", key.service())
            .bind("rule", key.rule())
            .execute();
    return changed == 0 ? Optional.empty() : idOf(key);
  }

  private Optional<Integer> idOf(RouteKey key) {
    return handle
        .createQuery("SELECT id FROM status_routes WHERE service = :service AND rule = :rule")
        .bind("service", key.service())
        .bind("rule", key.rule())
        .mapTo(Integer.class)
        .findOne();
  }

  /**
   * Shows a hidden route again, counting from a given minute on.
   *
   * @param key the route
   * @param countsFrom the first epoch minute whose buckets are kept
   * @return its id, or empty when no hidden route has that key
   */
  public Optional<Integer> unhideRoute(RouteKey key, long countsFrom) {
    int changed =
        handle
            .createUpdate(
                """
                UPDATE status_routes SET hidden = FALSE, counts_from = :countsFrom
                WHERE service = :service AND rule = :rule AND hidden
                """)
            .bind("countsFrom", countsFrom)
            .bind("service", key.service())
            .bind("rule", key.rule())
            .execute();
    return changed == 0 ? Optional.empty() : idOf(key);
  }

  /**
   * Deletes a route's minute, hour and day rows.
   *
   * @param routeId the route's id
   */
  public void deleteHistory(int routeId) {
    for (String table : List.of("status_minutes", "status_hours", "status_days")) {
      handle.createUpdate("DELETE FROM " + table + " WHERE route_id = :id").bind("id", routeId).execute();
    }
  }

  // ---- writing minutes

  /**
   * A minute bucket ready to write.
   *
   * @param routeId its route's id
   * @param epochMinute its minute
   * @param instance the process that counted it
   * @param tally its figures
   */
  public record MinuteRow(int routeId, long epochMinute, String instance, Tally tally) {}

  /**
   * Upserts minute rows, then marks their hours and days as written, as one batch each. Run inside
   * the caller's transaction. The order (minutes, hours, days) is the order maintenance locks in
   * too, so a writer and a rollup wait for each other and never deadlock.
   *
   * @param rows the rows, unique per key and in key order
   * @param hours the hours of the rows, ascending
   * @param days the days of the rows, ascending
   */
  public void writeMinutes(Collection<MinuteRow> rows, Collection<Long> hours, Collection<Long> days) {
    PreparedBatch minutes = handle.prepareBatch(dialect.upsertMinute());
    for (MinuteRow row : rows) {
      Tally tally = row.tally();
      minutes
          .bind("route", row.routeId())
          .bind("minute", row.epochMinute())
          .bind("instance", row.instance())
          .bind("total", tally.total())
          .bind("success", tally.success())
          .bind("failure", tally.failure())
          .bind("ignored", tally.ignored())
          .bind("maxLatencyMicros", TallyRow.maxLatencyMicros(tally))
          .bind("histogram", tally.latency().encode())
          .add();
    }
    minutes.execute();
    PreparedBatch hourMarks = handle.prepareBatch(dialect.markHourWritten());
    for (long hour : hours) {
      hourMarks.bind("hour", hour).add();
    }
    hourMarks.execute();
    // Last, so the day rows stay locked only until the commit that follows.
    PreparedBatch marks = handle.prepareBatch(dialect.markDayWritten());
    for (long day : days) {
      marks.bind("day", day).add();
    }
    marks.execute();
  }

  // ---- reading

  /**
   * Figures of visible routes per UTC day. Day rows of days that are rolled up (or pruned, whose
   * older minutes are gone). For days that are not (today, and days written to since their
   * rollup): hour rows of their rolled-up hours, and minute rows of their other hours, found through
   * the hours' bookkeeping so only those minutes are read. Each row's period is its epoch day.
   * Parameters: {@code :firstDay}, {@code :lastDay}. One statement, so one consistent snapshot.
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
  public static final String READ_SINCE =
      """
      SELECT m.route_id, m.epoch_minute AS period, m.total, m.success, m.failure, m.ignored,
             m.max_latency_micros, m.histogram
      FROM status_minutes m
      JOIN status_routes r ON r.id = m.route_id
      WHERE m.epoch_minute >= :fromMinute AND NOT r.hidden
      """;

  /**
   * Streams {@link #READ_DAYS}.
   *
   * @param firstDay the first epoch day, inclusive
   * @param lastDay the last epoch day, inclusive
   * @param sink receives every row
   */
  public void readDays(long firstDay, long lastDay, Consumer<TallyRow> sink) {
    handle
        .createQuery(READ_DAYS)
        .bind("firstDay", firstDay)
        .bind("lastDay", lastDay)
        .setFetchSize(FETCH_SIZE)
        .map(TallyRow.MAPPER)
        .forEach(sink);
  }

  /**
   * Streams {@link #READ_SINCE}.
   *
   * @param fromMinute the first epoch minute, inclusive
   * @param sink receives every row
   */
  public void readSince(long fromMinute, Consumer<TallyRow> sink) {
    handle
        .createQuery(READ_SINCE)
        .bind("fromMinute", fromMinute)
        .setFetchSize(FETCH_SIZE)
        .map(TallyRow.MAPPER)
        .forEach(sink);
  }

  // ---- maintenance

  /**
   * Days that need a rollup: written since their last rollup, or never rolled up, and closed.
   *
   * @param today the current epoch day; it and later days are left alone
   * @return the days, oldest first
   */
  public List<DayState> unrolledDaysBefore(long today) {
    return handle
        .createQuery(
            """
            SELECT epoch_day, rolled_up, pruned, version FROM status_day_state
            WHERE NOT rolled_up AND epoch_day < :today
            ORDER BY epoch_day
            """)
        .bind("today", today)
        .map((rs, ctx) -> dayState(rs))
        .list();
  }

  /**
   * Closed hours that need a rollup: written since their last rollup, or never rolled up.
   *
   * @param currentHour the current epoch hour; it and later hours are left alone
   * @return the hours, oldest first
   */
  public List<HourState> unrolledHoursBefore(long currentHour) {
    return handle
        .createQuery(
            """
            SELECT epoch_hour, version FROM status_hour_state
            WHERE NOT rolled_up AND epoch_hour < :hour
            ORDER BY epoch_hour
            """)
        .bind("hour", currentHour)
        .map((rs, ctx) -> new HourState(rs.getLong("epoch_hour"), rs.getLong("version")))
        .list();
  }

  /**
   * Streams every minute row of an hour, of every route. Each row's period is the hour.
   *
   * @param hour the epoch hour
   * @param sink receives every row
   */
  public void minutesOfHour(long hour, Consumer<TallyRow> sink) {
    minutesBetween(hour, hour * 60, hour * 60 + 60, false, sink);
  }

  /**
   * Marks an hour rolled up if nothing was written to it since its state was read; locks the
   * hour's state row until the transaction ends.
   *
   * @param hour the state read before the hour's minutes were
   * @return true when the rollup may be stored
   */
  public boolean claimHourRollup(HourState hour) {
    return claim("status_hour_state", "epoch_hour", hour.epochHour(), hour.version(), "rolled_up", "");
  }

  /**
   * Replaces the hour rows of an hour.
   *
   * @param hour the epoch hour
   * @param tallies the new figures per route id; routes without requests are left out
   */
  public void replaceHourRows(long hour, Map<Integer, Tally> tallies) {
    replaceRollupRows("status_hours", "epoch_hour", hour, tallies);
  }

  /**
   * Deletes the hour rows and hour bookkeeping of the days before a day, or of one day: once a
   * day's minutes are gone, its day rows hold everything.
   *
   * @param firstDay the first epoch day affected
   * @param endDay the first epoch day no longer affected
   */
  public void deleteHoursOfDays(long firstDay, long endDay) {
    for (String table : List.of("status_hours", "status_hour_state")) {
      handle
          .createUpdate("DELETE FROM " + table + " WHERE epoch_hour >= :from AND epoch_hour < :to")
          .bind("from", UtcPeriods.firstHourOf(firstDay))
          .bind("to", UtcPeriods.firstHourOf(endDay))
          .execute();
    }
  }

  /**
   * Rolled-up days whose minute rows are still there.
   *
   * @param day days before this one are returned
   * @return the days, oldest first
   */
  public List<DayState> prunableDaysBefore(long day) {
    return handle
        .createQuery(
            """
            SELECT epoch_day, rolled_up, pruned, version FROM status_day_state
            WHERE rolled_up AND NOT pruned AND epoch_day < :day
            ORDER BY epoch_day
            """)
        .bind("day", day)
        .map((rs, ctx) -> dayState(rs))
        .list();
  }

  private static DayState dayState(ResultSet rs) throws SQLException {
    return new DayState(
        rs.getLong("epoch_day"), rs.getBoolean("rolled_up"), rs.getBoolean("pruned"), rs.getLong("version"));
  }

  /**
   * Streams every minute row of a day, of every route. Each row's period is the day.
   *
   * @param day the epoch day
   * @param lock whether to lock the rows against concurrent writers until the transaction ends
   * @param sink receives every row
   */
  public void minutesOfDay(long day, boolean lock, Consumer<TallyRow> sink) {
    minutesBetween(day, UtcPeriods.firstMinuteOf(day), UtcPeriods.firstMinuteOf(day + 1), lock, sink);
  }

  /** Streams the minute rows of {@code [from, to)}, each row's period set to {@code period}. */
  private void minutesBetween(
      long period, long from, long to, boolean lock, Consumer<TallyRow> sink) {
    handle
        .createQuery(lock ? MINUTES_BETWEEN + "FOR UPDATE" : MINUTES_BETWEEN)
        .bind("period", period)
        .bind("from", from)
        .bind("to", to)
        .setFetchSize(FETCH_SIZE)
        .map(TallyRow.MAPPER)
        .forEach(sink);
  }

  private static final String MINUTES_BETWEEN =
      """
      SELECT route_id, CAST(:period AS BIGINT) AS period, total, success, failure, ignored,
             max_latency_micros, histogram
      FROM status_minutes
      WHERE epoch_minute >= :from AND epoch_minute < :to
      """;

  /**
   * Streams the day rows of a day, of every route.
   *
   * @param day the epoch day
   * @param sink receives every row
   */
  public void dayRowsOf(long day, Consumer<TallyRow> sink) {
    handle
        .createQuery(
            """
            SELECT route_id, epoch_day AS period, total, success, failure, ignored,
                   max_latency_micros, histogram
            FROM status_days
            WHERE epoch_day = :day
            """)
        .bind("day", day)
        .map(TallyRow.MAPPER)
        .forEach(sink);
  }

  /**
   * Marks a day rolled up if nothing was written to it since its state was read. Locks the day's
   * state row until the transaction ends, so a writer of that day waits and then marks it again.
   *
   * @param day the state read before the day's minutes were
   * @return true when the rollup may be stored; false when the day changed meanwhile
   */
  public boolean claimRollup(DayState day) {
    return claim("status_day_state", "epoch_day", day.epochDay(), day.version(), "rolled_up", "");
  }

  /**
   * Sets a flag of a period's bookkeeping row if its version is still the one read, and the flag
   * not set yet (nor unless {@code condition} holds); locks the row until the transaction ends.
   */
  private boolean claim(
      String table, String periodColumn, long period, long version, String flag, String condition) {
    return handle
            .createUpdate(
                "UPDATE " + table + " SET " + flag + " = TRUE WHERE " + periodColumn + " = :period"
                    + " AND version = :version AND NOT " + flag + condition)
            .bind("period", period)
            .bind("version", version)
            .execute()
        == 1;
  }

  /**
   * Marks a rolled-up day pruned if nothing was written to it since its state was read.
   *
   * @param day the state read before its minutes were deleted
   * @return true when the deletion may be committed
   */
  public boolean claimPrune(DayState day) {
    return claim("status_day_state", "epoch_day", day.epochDay(), day.version(), "pruned", " AND rolled_up");
  }

  /**
   * Replaces the day rows of a day.
   *
   * @param day the epoch day
   * @param tallies the new figures per route id; routes without requests are left out
   */
  public void replaceDayRows(long day, Map<Integer, Tally> tallies) {
    replaceRollupRows("status_days", "epoch_day", day, tallies);
  }

  /** Replaces the rows of one period in a rollup table (status_days or status_hours). */
  private void replaceRollupRows(String table, String periodColumn, long period, Map<Integer, Tally> tallies) {
    handle
        .createUpdate("DELETE FROM " + table + " WHERE " + periodColumn + " = :period")
        .bind("period", period)
        .execute();
    if (tallies.isEmpty()) {
      return;
    }
    PreparedBatch batch =
        handle.prepareBatch(
            "INSERT INTO " + table + " (route_id, " + periodColumn + ", total, success, failure,"
                + " ignored, max_latency_micros, histogram) VALUES (:route, :period, :total,"
                + " :success, :failure, :ignored, :maxLatencyMicros, :histogram)");
    tallies.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            entry -> {
              Tally tally = entry.getValue();
              batch
                  .bind("route", entry.getKey())
                  .bind("period", period)
                  .bind("total", tally.total())
                  .bind("success", tally.success())
                  .bind("failure", tally.failure())
                  .bind("ignored", tally.ignored())
                  .bind("maxLatencyMicros", TallyRow.maxLatencyMicros(tally))
                  .bind("histogram", tally.latency().encode())
                  .add();
            });
    batch.execute();
  }

  /**
   * Deletes every minute row of a day.
   *
   * @param day the epoch day
   * @return the rows deleted
   */
  public int deleteMinutesOfDay(long day) {
    return handle
        .createUpdate("DELETE FROM status_minutes WHERE epoch_minute >= :from AND epoch_minute < :to")
        .bind("from", UtcPeriods.firstMinuteOf(day))
        .bind("to", UtcPeriods.firstMinuteOf(day + 1))
        .execute();
  }

  /**
   * Deletes the day rows of the days before a day.
   *
   * @param day the first epoch day kept
   * @return the rows deleted
   */
  public int deleteDayRowsBefore(long day) {
    return handle
        .createUpdate("DELETE FROM status_days WHERE epoch_day < :day")
        .bind("day", day)
        .execute();
  }

  /**
   * Deletes the minute rows of the days before a day, and the days' bookkeeping.
   *
   * @param day the first epoch day kept
   * @return the minute rows deleted
   */
  public int deleteMinutesAndStateBefore(long day) {
    int deleted =
        handle
            .createUpdate("DELETE FROM status_minutes WHERE epoch_minute < :minute")
            .bind("minute", UtcPeriods.firstMinuteOf(day))
            .execute();
    deleteHoursOfDays(0, day);
    handle
        .createUpdate("DELETE FROM status_day_state WHERE epoch_day < :day")
        .bind("day", day)
        .execute();
    return deleted;
  }

  /**
   * Tries to take the database-wide maintenance lock, for dialects that have one.
   *
   * @param key the lock's key
   * @return whether this session now holds it
   */
  public boolean tryMaintenanceLock(long key) {
    return handle.createQuery(dialect.tryMaintenanceLock()).bind("key", key).mapTo(Boolean.class).one();
  }

  /**
   * Releases the lock {@link #tryMaintenanceLock} took.
   *
   * @param key the lock's key
   */
  public void releaseMaintenanceLock(long key) {
    handle.createQuery(dialect.releaseMaintenanceLock()).bind("key", key).mapTo(Boolean.class).one();
  }

  /** Asks the database for nothing, to see that it answers. */
  public void ping() {
    handle.createQuery("SELECT 1").mapTo(Integer.class).one();
  }
}
