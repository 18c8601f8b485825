package dev.trafficstatus.store.jdbi.testing;

import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.store.Tally;
import dev.trafficstatus.store.jdbi.internal.TallyRow;
import dev.trafficstatus.store.jdbi.internal.UtcPeriods;
import dev.trafficstatus.testkit.Tallies;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * A database at change set 6 ("6-hours") as the store before the per-instance bookkeeping left it,
 * with a day in every state that store could leave one in: rolled up; rolled up and written to
 * again; rolled up while one of its hours was not; pruned and written to again, that late hour
 * rolled up or not; and today, partly rolled up. {@link #OLD_READ_DAYS} is that store's query,
 * to show the fixture reads as {@link #expected()} says before the migration.
 */
public final class OldSchemaFixture {

  /** The read of days of change set 6, verbatim. */
  public static final String OLD_READ_DAYS =
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

  private final Handle handle;
  private final LocalDate day0;
  private final Map<RouteKey, Integer> ids = new HashMap<>();
  private final Map<RouteKey, Map<LocalDate, Tally>> expected = new HashMap<>();
  private int tallies;

  private OldSchemaFixture(Handle handle, LocalDate day0) {
    this.handle = handle;
    this.day0 = day0;
  }

  /**
   * Fills a database at change set 6; the days written are {@code day0 - 20} to {@code day0 + 3},
   * the last being "today".
   *
   * @param handle a handle on it
   * @param day0 the first of the recent days
   * @param home a route
   * @param item another route
   * @return the fixture, saying what the days read
   */
  public static OldSchemaFixture fill(Handle handle, LocalDate day0, RouteKey home, RouteKey item) {
    OldSchemaFixture f = new OldSchemaFixture(handle, day0);
    f.route(home);
    f.route(item);

    // Day 0: rolled up, its hours too.
    Tally t1 = f.minute(home, 0, 10, 5, "i-1");
    Tally t2 = f.minute(item, 0, 10, 7, "i-2");
    Tally t3 = f.minute(home, 0, 14, 0, "i-1");
    f.hourRow(home, 0, 10, t1).hourRow(item, 0, 10, t2).hourRow(home, 0, 14, t3);
    f.hourState(0, 10, true).hourState(0, 14, true);
    f.dayRow(home, 0, t1.plus(t3)).dayRow(item, 0, t2).dayState(0, true, false);

    // Day 1: rolled up, then a late write into its last hour.
    Tally t4 = f.minute(home, 1, 5, 0, "i-1");
    f.minute(home, 1, 23, 59, "i-2");
    f.hourRow(home, 1, 5, t4).hourState(1, 5, true).hourState(1, 23, false);
    f.dayRow(home, 1, t4).dayState(1, false, false);

    // Day 2: rolled up (from all its minutes) while its hour 8 was not.
    Tally t6 = f.minute(item, 2, 8, 0, "i-1");
    Tally t7 = f.minute(item, 2, 9, 0, "i-1");
    f.hourRow(item, 2, 9, t7).hourState(2, 8, false).hourState(2, 9, true);
    f.dayRow(item, 2, t6.plus(t7)).dayState(2, true, false);

    // Day -20: pruned, then a late write whose hour was rolled up but not yet folded in.
    Tally t8 = f.pruned(home, -20);
    Tally t9 = f.minute(home, -20, 20, 30, "i-3");
    f.hourRow(home, -20, 20, t9).hourState(-20, 20, true);
    f.dayRow(home, -20, t8).dayState(-20, false, true);

    // Day -19: pruned, then a late write not rolled up at all.
    Tally t10 = f.pruned(item, -19);
    f.minute(item, -19, 21, 0, "i-3");
    f.hourState(-19, 21, false);
    f.dayRow(item, -19, t10).dayState(-19, false, true);

    // Day 3, today: hour 3 rolled up, hour 4 not.
    Tally t12 = f.minute(home, 3, 3, 10, "i-1");
    f.minute(home, 3, 4, 20, "i-1");
    f.minute(item, 3, 4, 21, "i-2");
    f.hourRow(home, 3, 3, t12).hourState(3, 3, true).hourState(3, 4, false).dayState(3, false, false);
    return f;
  }

  /**
   * What {@code readDays(day0 - 20, day0 + 3)} must return.
   *
   * @return the tallies by route and day
   */
  public Map<RouteKey, Map<LocalDate, Tally>> expected() {
    return expected;
  }

  private void route(RouteKey key) {
    handle.execute(
        "INSERT INTO status_routes (service, rule, name, doc, grp) VALUES (?, ?, ?, '', 'Group')",
        key.service(), key.rule(), key.rule());
    ids.put(
        key,
        handle
            .createQuery("SELECT id FROM status_routes WHERE service = :s AND rule = :r")
            .bind("s", key.service())
            .bind("r", key.rule())
            .mapTo(Integer.class)
            .one());
  }

  private Tally next() {
    tallies++;
    return Tallies.of(tallies * 3L, tallies % 3, tallies % 2, 100L * tallies);
  }

  private Tally minute(RouteKey route, int day, int hour, int minute, String instance) {
    Tally tally = next();
    Instant at = day0.plusDays(day).atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(hour * 3600L + minute * 60L);
    TallyRow row = TallyRow.of(ids.get(route), UtcPeriods.minuteOf(at), tally);
    handle.execute(
        "INSERT INTO status_minutes (route_id, epoch_minute, instance, total, success, failure, ignored,"
            + " max_latency_micros, histogram) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        row.routeId(), row.period(), instance, row.total(), row.success(), row.failure(), row.ignored(),
        row.maxLatencyMicros(), row.histogram());
    expect(route, day, tally);
    return tally;
  }

  /** A tally of a day whose minutes are gone: only its day row holds it. */
  private Tally pruned(RouteKey route, int day) {
    Tally tally = next();
    expect(route, day, tally);
    return tally;
  }

  private void expect(RouteKey route, int day, Tally tally) {
    expected.computeIfAbsent(route, r -> new HashMap<>()).merge(day0.plusDays(day), tally, Tally::plus);
  }

  private OldSchemaFixture hourRow(RouteKey route, int day, int hour, Tally tally) {
    rollupRow("status_hours", "epoch_hour", TallyRow.of(ids.get(route), epochHour(day, hour), tally));
    return this;
  }

  private OldSchemaFixture dayRow(RouteKey route, int day, Tally tally) {
    rollupRow("status_days", "epoch_day", TallyRow.of(ids.get(route), day0.plusDays(day).toEpochDay(), tally));
    return this;
  }

  private void rollupRow(String table, String period, TallyRow row) {
    handle.execute(
        "INSERT INTO " + table + " (route_id, " + period + ", total, success, failure, ignored,"
            + " max_latency_micros, histogram) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        row.routeId(), row.period(), row.total(), row.success(), row.failure(), row.ignored(),
        row.maxLatencyMicros(), row.histogram());
  }

  private OldSchemaFixture hourState(int day, int hour, boolean rolledUp) {
    handle.execute(
        "INSERT INTO status_hour_state (epoch_hour, rolled_up, version) VALUES (?, ?, 1)",
        epochHour(day, hour), rolledUp);
    return this;
  }

  private OldSchemaFixture dayState(int day, boolean rolledUp, boolean pruned) {
    handle.execute(
        "INSERT INTO status_day_state (epoch_day, rolled_up, pruned, version) VALUES (?, ?, ?, 1)",
        day0.plusDays(day).toEpochDay(), rolledUp, pruned);
    return this;
  }

  private long epochHour(int day, int hour) {
    return UtcPeriods.firstHourOf(day0.plusDays(day).toEpochDay()) + hour;
  }
}
