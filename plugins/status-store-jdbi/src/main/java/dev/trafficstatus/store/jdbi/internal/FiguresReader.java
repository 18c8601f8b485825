package dev.trafficstatus.store.jdbi.internal;

import dev.trafficstatus.spi.store.DayBucket;
import dev.trafficstatus.spi.store.DayVersions;
import dev.trafficstatus.spi.store.HourVersions;
import dev.trafficstatus.spi.store.RouteTally;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads figures per route and day, per route from a minute on, and per route in a range of
 * minutes, summed over instances.
 */
public final class FiguresReader {

  /** The key of rows read per route and day. */
  private record RouteDay(int routeId, long epochDay) {}

  private final Database database;
  private final Routes routes;

  /**
   * @param database the store's database
   * @param routes the routes, to name the ids rows carry
   */
  public FiguresReader(Database database, Routes routes) {
    this.database = database;
    this.routes = routes;
  }

  /**
   * One bucket per route and UTC day with requests, within the given days.
   *
   * @param first the first day, inclusive
   * @param last the last day, inclusive
   * @return the buckets
   */
  public List<DayBucket> readDays(LocalDate first, LocalDate last) {
    Map<RouteDay, TallySum> sums = new HashMap<>();
    // In a transaction so PostgreSQL streams today's minute rows through a cursor.
    database.useTransaction(
        session ->
            new FiguresDao(session)
                .readDays(
                    first.toEpochDay(),
                    last.toEpochDay(),
                    row ->
                        sums.computeIfAbsent(new RouteDay(row.routeId(), row.period()), k -> new TallySum())
                            .add(row)));
    List<DayBucket> days = new ArrayList<>(sums.size());
    RouteIds ids = routes.ids();
    for (Map.Entry<RouteDay, TallySum> entry : sums.entrySet()) {
      if (entry.getValue().hasRequests()) {
        ids = routes.knowing(ids, entry.getKey().routeId());
        days.add(
            new DayBucket(
                ids.key(entry.getKey().routeId()).orElseThrow(),
                UtcPeriods.dateOf(entry.getKey().epochDay()),
                entry.getValue().toTally()));
      }
    }
    return days;
  }

  /**
   * One tally per route with requests from a minute on.
   *
   * @param from the start of the window, truncated to the minute
   * @return the tallies
   */
  public List<RouteTally> readSince(Instant from) {
    Map<Integer, TallySum> sums = new HashMap<>();
    database.useTransaction(
        session ->
            new FiguresDao(session)
                .readSince(
                    UtcPeriods.minuteOf(from),
                    row -> sums.computeIfAbsent(row.routeId(), k -> new TallySum()).add(row)));
    return tallies(sums);
  }

  /** The tallies of the routes with requests, named by their keys. */
  private List<RouteTally> tallies(Map<Integer, TallySum> sums) {
    List<RouteTally> tallies = new ArrayList<>(sums.size());
    RouteIds ids = routes.ids();
    for (Map.Entry<Integer, TallySum> entry : sums.entrySet()) {
      if (entry.getValue().hasRequests()) {
        ids = routes.knowing(ids, entry.getKey());
        tallies.add(new RouteTally(ids.key(entry.getKey()).orElseThrow(), entry.getValue().toTally()));
      }
    }
    return tallies;
  }

  /**
   * The versions of the days that have one: every day without dirty hours. A day's figures change
   * only through a dirty hour (a write) or a maintenance transaction that moves the day's version
   * (see {@link Maintenance}); a route's deleted history moves the versions of its days too. A day
   * without bookkeeping and without dirty hours has no figures at all: version 0, which it keeps
   * until a write makes it dirty.
   *
   * @param first the first day, inclusive
   * @param last the last day, inclusive
   * @return the versions
   */
  public DayVersions dayVersions(LocalDate first, LocalDate last) {
    Map<Long, Long> versions = new HashMap<>();
    Set<Long> dirty = new HashSet<>();
    for (DayVersionRow row :
        database.withHandle(
            session -> new FiguresDao(session).dayVersions(first.toEpochDay(), last.toEpochDay()))) {
      if (row.dirty()) {
        dirty.add(row.epochDay());
      } else {
        versions.put(row.epochDay(), row.version());
      }
    }
    Map<LocalDate, Long> answer = new HashMap<>();
    for (long day = first.toEpochDay(); day <= last.toEpochDay(); day++) {
      if (!dirty.contains(day)) {
        answer.put(UtcPeriods.dateOf(day), versions.getOrDefault(day, 0L));
      }
    }
    return new DayVersions(answer);
  }

  /**
   * The versions of the hours {@code [from, to)} touches: every hour has one, made of its day's
   * version and the sum of the hour's bookkeeping versions ({@link HourWrite}), {@code day version
   * × 2^32 + sum}. A write into an hour bumps one of its bookkeeping rows, so the sum grows; the
   * rows are deleted only by maintenance, in a transaction that moves the day's version (an hour
   * rolled up, late minutes folded into a pruned day, see {@link Maintenance}), as does every other
   * change to what the hour is read from (a deleted route's history, days past retention). So
   * while the day's version stays, the sum only grows, and an hour's version repeats only if
   * nothing changed it; an hour's sum stays far below 2^32 (a write per instance and second
   * would take 1,193 instances).
   *
   * @param from the start, inclusive
   * @param to the end, exclusive
   * @return the versions
   */
  public HourVersions hourVersions(Instant from, Instant to) {
    long firstHour = UtcPeriods.hourOf(from);
    long endHour = UtcPeriods.hourOf(to.minusNanos(1)) + 1;
    Map<Long, Long> days = new HashMap<>();
    Map<Long, Long> hours = new HashMap<>();
    for (HourVersionRow row :
        database.withHandle(
            session -> new FiguresDao(session).hourVersions(Math.floorDiv(firstHour, UtcPeriods.HOURS_PER_DAY),
                Math.floorDiv(endHour - 1, UtcPeriods.HOURS_PER_DAY)))) {
      (row.ofHour() ? hours : days).put(row.period(), row.version());
    }
    Map<Instant, Long> answer = new HashMap<>();
    for (long hour = firstHour; hour < endHour; hour++) {
      long day = days.getOrDefault(Math.floorDiv(hour, UtcPeriods.HOURS_PER_DAY), 0L);
      answer.put(Instant.ofEpochSecond(hour * 3_600), (day << 32) + hours.getOrDefault(hour, 0L));
    }
    return new HourVersions(answer);
  }

  /**
   * One tally per route with requests in a range of minutes.
   *
   * @param from the start, truncated to the minute
   * @param to the end, exclusive, truncated to the minute
   * @return the tallies
   */
  public List<RouteTally> readBetween(Instant from, Instant to) {
    long fromMinute = UtcPeriods.minuteOf(from);
    long toMinute = UtcPeriods.minuteOf(to);
    if (toMinute <= fromMinute) {
      return List.of();
    }
    MinuteRange range = MinuteRange.of(fromMinute, toMinute);
    Map<Integer, TallySum> sums = new HashMap<>();
    database.useTransaction(
        session ->
            new FiguresDao(session)
                .readBetween(
                    range, row -> sums.computeIfAbsent(row.routeId(), k -> new TallySum()).add(row)));
    return tallies(sums);
  }

  /** Asks the database for nothing, to see that it answers. */
  public void ping() {
    database.useHandle(session -> new FiguresDao(session).ping());
  }
}
