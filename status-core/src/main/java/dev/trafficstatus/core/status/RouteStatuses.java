package dev.trafficstatus.core.status;

import dev.trafficstatus.spi.Health;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.page.DayStatus;
import dev.trafficstatus.spi.page.Latency;
import dev.trafficstatus.spi.page.RouteStatus;
import dev.trafficstatus.spi.store.LatencyHistogram;
import dev.trafficstatus.spi.store.StoredRoute;
import dev.trafficstatus.spi.store.Tally;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A route's card over a window: a status per day, the window's uptime, counts and latency, and its
 * current state.
 *
 * <p>A day's status is a function of its tally, of what maintenance windows held that day and of
 * the builder's rules; a refresh keeps the tallies of the days that did not change (the same
 * objects: see {@code FiguresReader}), so the status built from them before is kept too, and a page
 * builds anew only the statuses of days whose tallies are new objects (today, a day written to
 * late, a day with maintenance, whose window tallies are read again each time). What is kept is
 * dropped whole when it holds more than twice the days of the largest page built, which bounds it
 * when routes go away. Thread-safe.
 */
final class RouteStatuses {

  /** Days kept at the least before what is kept is dropped. */
  private static final int MIN_KEPT = 4_096;

  private record DayKey(RouteKey route, LocalDate day) {}

  /** A day's status and the tallies it was built from, compared by identity. */
  private record KeptDay(Tally tally, Tally maintenance, DayStatus status) {}

  private final HealthPolicy policy;
  private final boolean excludeMaintenance;
  private final SlowRoutes slow;
  private final ConcurrentHashMap<DayKey, KeptDay> kept = new ConcurrentHashMap<>();
  private volatile int limit = MIN_KEPT;

  RouteStatuses(HealthPolicy policy, boolean excludeMaintenance, SlowRoutes slow) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.excludeMaintenance = excludeMaintenance;
    this.slow = Objects.requireNonNull(slow, "slow");
  }

  /**
   * Makes room for a page of this many route-days.
   *
   * @param days routes × days of the page about to be built
   */
  void expect(int days) {
    if (days * 2 > limit) {
      limit = days * 2;
    }
    if (kept.size() > limit) {
      kept.clear();
    }
  }

  /**
   * A route's card.
   *
   * @param route the route
   * @param first the window's first day
   * @param last the window's last day, today
   * @param days the route's tallies by day
   * @param maintenanceDays what maintenance windows held, by day
   * @param recent the route's recent tally, for its current state
   * @param inMaintenance whether a maintenance that affects it is in progress
   * @return the card
   */
  RouteStatus of(
      StoredRoute route,
      LocalDate first,
      LocalDate last,
      Map<LocalDate, Tally> days,
      Map<LocalDate, Tally> maintenanceDays,
      Tally recent,
      boolean inMaintenance) {
    List<DayStatus> squares = new ArrayList<>();
    long requests = 0;
    long successes = 0;
    long failures = 0;
    long ignored = 0;
    long maintenanceRequests = 0;
    LatencyHistogram.Builder latencies = LatencyHistogram.builder();
    for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
      Tally tally = days.getOrDefault(day, Tally.empty());
      Tally maintenance = maintenanceDays.getOrDefault(day, Tally.empty());
      DayStatus status = day(route.key(), day, tally, maintenance);
      squares.add(status);
      requests += status.requests();
      successes += status.successes();
      failures += status.failures();
      ignored += status.ignored();
      maintenanceRequests += status.maintenanceRequests();
      latencies.add(tally.latency());
    }
    Health current = currentState(route, recent, squares.get(squares.size() - 1).health(), inMaintenance);
    return new RouteStatus(
        route.key(),
        route.name(),
        route.doc(),
        current,
        HealthPolicy.uptimePercent(successes, failures),
        requests,
        successes,
        failures,
        ignored,
        latency(latencies.build()),
        squares,
        maintenanceRequests);
  }

  /** The day's status: kept when built from these very tallies before, else built and kept. */
  private DayStatus day(RouteKey route, LocalDate day, Tally tally, Tally maintenance) {
    DayKey key = new DayKey(route, day);
    KeptDay earlier = kept.get(key);
    if (earlier != null && earlier.tally() == tally && earlier.maintenance() == maintenance) {
      return earlier.status();
    }
    DayStatus status = built(day, tally, maintenance);
    kept.put(key, new KeptDay(tally, maintenance, status));
    return status;
  }

  private DayStatus built(LocalDate day, Tally tally, Tally maintenance) {
    Counts all = Counts.of(tally);
    Counts during = Counts.of(maintenance).within(all);
    Counts counted = excludeMaintenance ? all.minus(during) : all;
    Health health = policy.health(counted.success(), counted.failure());
    if (excludeMaintenance && during.total() > 0 && !health.hasData()) {
      health = Health.MAINTENANCE;
    }
    return new DayStatus(
        day,
        health,
        counted.total(),
        counted.success(),
        counted.failure(),
        counted.ignored(),
        HealthPolicy.uptimePercent(counted.success(), counted.failure()),
        latency(tally.latency()),
        during.total());
  }

  /**
   * Under maintenance while a window runs; else the recent verdict, or today's when the recent
   * window has too few requests. Today drawn as maintenance is no verdict once the window is over.
   */
  private Health currentState(StoredRoute route, Tally recent, Health today, boolean inMaintenance) {
    if (inMaintenance) {
      return Health.MAINTENANCE;
    }
    Health current = slow.judge(route, recent, policy.health(recent.success(), recent.failure()));
    if (current.hasData()) {
      return current;
    }
    return today == Health.MAINTENANCE ? Health.NO_DATA : today;
  }

  private static Latency latency(LatencyHistogram histogram) {
    if (histogram.count() == 0) {
      return null;
    }
    return new Latency(
        histogram.percentile(50).orElseThrow(),
        histogram.percentile(95).orElseThrow(),
        histogram.percentile(99).orElseThrow());
  }
}
