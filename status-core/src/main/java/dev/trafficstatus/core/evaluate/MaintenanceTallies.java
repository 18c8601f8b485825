package dev.trafficstatus.core.evaluate;

import dev.trafficstatus.core.status.MaintenanceSpans;
import dev.trafficstatus.core.status.MaintenanceSpans.Span;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.store.DayBucket;
import dev.trafficstatus.spi.store.NoticeStore;
import dev.trafficstatus.spi.store.RouteTally;
import dev.trafficstatus.spi.store.StatusStore;
import dev.trafficstatus.spi.store.Tally;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Sums what a maintenance window held, per route and UTC day, and keeps it with the maintenance
 * ({@link NoticeStore#recordWindowTallies}), so the page leaves it out of uptime for as long as it
 * shows the day.
 *
 * <p>Each minute of a route is recorded with one window only, the one that began first (then the
 * smallest id): overlapping windows merge, and the page, which adds the windows' tallies, never
 * subtracts a request twice. A window across midnight UTC is split between the two days.
 */
final class MaintenanceTallies {

  private final StatusStore store;
  private final NoticeStore notices;

  MaintenanceTallies(StatusStore store, NoticeStore notices) {
    this.store = store;
    this.notices = notices;
  }

  /**
   * Records what a window held from its start up to now (or its end).
   *
   * @param target the window
   * @param all every span known, for the overlaps
   * @param now the current time: the minutes before its minute are closed
   * @return how many route-days were recorded
   */
  int record(Span target, List<Span> all, Instant now) {
    Instant upTo = min(target.end(), now.truncatedTo(ChronoUnit.MINUTES));
    if (!upTo.isAfter(target.start())) {
      return 0;
    }
    List<Span> earlier = new ArrayList<>();
    for (Span span : all) {
      if (!span.noticeId().equals(target.noticeId())
          && MaintenanceSpans.EARLIEST_FIRST.compare(span, target) < 0
          && span.overlaps(target.start(), upTo)) {
        earlier.add(span);
      }
    }
    Map<RouteKey, Map<LocalDate, Tally>> sums = new HashMap<>();
    List<Instant> edges = edges(target.start(), upTo, earlier);
    for (int i = 0; i + 1 < edges.size(); i++) {
      Instant from = edges.get(i);
      Instant to = edges.get(i + 1);
      Set<RouteKey> taken = new HashSet<>();
      boolean allTaken = false;
      for (Span span : earlier) {
        if (!span.start().isAfter(from) && !span.end().isBefore(to)) {
          allTaken |= span.routes().isEmpty();
          taken.addAll(span.routes());
        }
      }
      if (allTaken || (!target.routes().isEmpty() && taken.containsAll(target.routes()))) {
        continue;
      }
      LocalDate day = LocalDate.ofInstant(from, ZoneOffset.UTC);
      for (RouteTally tally : store.readBetween(from, to)) {
        if (target.covers(tally.route()) && !taken.contains(tally.route())) {
          sums.computeIfAbsent(tally.route(), r -> new HashMap<>())
              .merge(day, tally.tally(), Tally::plus);
        }
      }
    }
    List<DayBucket> buckets = new ArrayList<>();
    sums.forEach((route, days) -> days.forEach((day, tally) -> buckets.add(new DayBucket(route, day, tally))));
    notices.recordWindowTallies(target.noticeId(), buckets);
    return buckets.size();
  }

  /** The window's start and end, the midnights between, and the edges of earlier windows within. */
  private static List<Instant> edges(Instant start, Instant end, List<Span> earlier) {
    TreeSet<Instant> edges = new TreeSet<>();
    edges.add(start);
    edges.add(end);
    Instant midnight = start.truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS);
    for (; midnight.isBefore(end); midnight = midnight.plus(1, ChronoUnit.DAYS)) {
      edges.add(midnight);
    }
    for (Span span : earlier) {
      for (Instant edge : List.of(span.start(), span.end())) {
        if (edge.isAfter(start) && edge.isBefore(end)) {
          edges.add(edge);
        }
      }
    }
    return new ArrayList<>(edges);
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
