package dev.trafficstatus.core.status;

import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.notice.Notice;
import dev.trafficstatus.spi.notice.NoticeKind;
import dev.trafficstatus.spi.page.DayStatus;
import dev.trafficstatus.spi.page.Health;
import dev.trafficstatus.spi.page.Latency;
import dev.trafficstatus.spi.page.RouteGroup;
import dev.trafficstatus.spi.page.RouteStatus;
import dev.trafficstatus.spi.page.StatusPage;
import dev.trafficstatus.spi.store.DayBucket;
import dev.trafficstatus.spi.store.LatencyHistogram;
import dev.trafficstatus.spi.store.RouteTally;
import dev.trafficstatus.spi.store.StoredRoute;
import dev.trafficstatus.spi.store.Tally;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Computes the page model from what the store holds; a pure function of its inputs.
 *
 * <p>The window is the last {@code days} UTC calendar days, today included, and a route's uptime
 * covers exactly those days. A route's current state is its state over the configured recent
 * window; when that has too few requests for a verdict, today's state. The headline is the worst
 * current state among shown routes, except that a major outage of only some routes is reported as a
 * partial outage; routes without data do not count. An open incident makes it at least what its
 * impact says (critical: major outage, major: partial outage, minor: degraded).
 *
 * <p>A route is shown unless it was deleted, belongs to a service the page does not show, is not
 * among the configured rules, or is protected by the host without being named in the rules (or
 * protected routes being shown).
 */
public final class PageBuilder {

  private final PageSettings settings;
  private final HealthPolicy policy;

  /**
   * @param settings what to show
   * @param policy how figures become states
   */
  public PageBuilder(PageSettings settings, HealthPolicy policy) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  /**
   * The first day of a window ending today.
   *
   * @param now the current time
   * @param days the window length
   * @return the first UTC day
   */
  public static LocalDate firstDay(Instant now, int days) {
    return today(now).minusDays(days - 1L);
  }

  static LocalDate today(Instant now) {
    return LocalDate.ofInstant(now, ZoneOffset.UTC);
  }

  /**
   * Builds the page of figures read when due.
   *
   * @param now when the figures were read
   * @param days the window length, at least 1
   * @param routes every route the store knows
   * @param dayBuckets tallies per route and day, within the window (days outside it are skipped)
   * @param recent tallies per route over the recent window
   * @return the page
   */
  public StatusPage build(
      Instant now,
      int days,
      List<StoredRoute> routes,
      List<DayBucket> dayBuckets,
      List<RouteTally> recent) {
    return build(now, days, routes, dayBuckets, recent, false);
  }

  /**
   * Builds the page.
   *
   * @param now when the figures were read
   * @param days the window length, at least 1
   * @param routes every route the store knows
   * @param dayBuckets tallies per route and day, within the window (days outside it are skipped)
   * @param recent tallies per route over the recent window
   * @param stale whether reading them again failed since
   * @return the page
   */
  public StatusPage build(
      Instant now,
      int days,
      List<StoredRoute> routes,
      List<DayBucket> dayBuckets,
      List<RouteTally> recent,
      boolean stale) {
    return build(now, days, routes, dayBuckets, recent, stale, List.of());
  }

  /**
   * Builds the page, with the notices it tells about.
   *
   * @param now when the figures were read
   * @param days the window length, at least 1
   * @param routes every route the store knows
   * @param dayBuckets tallies per route and day, within the window (days outside it are skipped)
   * @param recent tallies per route over the recent window
   * @param stale whether reading them again failed since
   * @param notices open notices and those closed lately, newest first
   * @return the page
   */
  public StatusPage build(
      Instant now,
      int days,
      List<StoredRoute> routes,
      List<DayBucket> dayBuckets,
      List<RouteTally> recent,
      boolean stale,
      List<Notice> notices) {
    LocalDate last = today(now);
    LocalDate first = firstDay(now, days);

    Map<RouteKey, Map<LocalDate, Tally>> byRoute = new HashMap<>();
    for (DayBucket bucket : dayBuckets) {
      if (!bucket.day().isBefore(first) && !bucket.day().isAfter(last)) {
        byRoute
            .computeIfAbsent(bucket.route(), k -> new HashMap<>())
            .merge(bucket.day(), bucket.tally(), Tally::plus);
      }
    }
    Map<RouteKey, Tally> recentByRoute = new HashMap<>();
    for (RouteTally tally : recent) {
      recentByRoute.merge(tally.route(), tally.tally(), Tally::plus);
    }

    Set<String> shownRules = new HashSet<>(settings.rules());
    Set<String> shownServices = new HashSet<>(settings.services());
    Map<String, List<RouteStatus>> groups = new TreeMap<>();
    List<RouteStatus> shown = new ArrayList<>();
    for (StoredRoute route : routes) {
      if (!shows(route, shownRules, shownServices)) {
        continue;
      }
      RouteStatus status =
          routeStatus(
              route,
              first,
              last,
              byRoute.getOrDefault(route.key(), Map.of()),
              recentByRoute.getOrDefault(route.key(), Tally.empty()));
      shown.add(status);
      String heading =
          settings.grouping() == Grouping.SERVICE ? route.key().service() : route.group();
      groups.computeIfAbsent(heading, k -> new ArrayList<>()).add(status);
    }

    List<RouteGroup> grouped = new ArrayList<>(groups.size());
    groups.forEach(
        (heading, members) -> {
          members.sort(Comparator.comparing(RouteStatus::key));
          grouped.add(new RouteGroup(heading, members));
        });
    Health overall = worse(overall(shown), worstOpenIncident(notices));
    return new StatusPage(
        settings.title(),
        overall,
        headline(overall),
        now,
        settings.zone(),
        first,
        last,
        settings.maxDays(),
        policy.minimumRequests(),
        settings.refresh(),
        grouped,
        stale,
        notices);
  }

  private boolean shows(StoredRoute route, Set<String> rules, Set<String> services) {
    if (route.hidden()) {
      return false;
    }
    if (!services.isEmpty() && !services.contains(route.key().service())) {
      return false;
    }
    boolean named = rules.contains(route.key().rule());
    if (!rules.isEmpty() && !named) {
      return false;
    }
    return !route.restricted() || named || settings.showProtectedRoutes();
  }

  private RouteStatus routeStatus(
      StoredRoute route, LocalDate first, LocalDate last, Map<LocalDate, Tally> days, Tally recent) {
    List<DayStatus> squares = new ArrayList<>();
    long requests = 0;
    long successes = 0;
    long failures = 0;
    long ignored = 0;
    LatencyHistogram.Builder latencies = LatencyHistogram.builder();
    for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
      Tally tally = days.getOrDefault(day, Tally.empty());
      squares.add(
          new DayStatus(
              day,
              policy.health(tally.success(), tally.failure()),
              tally.total(),
              tally.success(),
              tally.failure(),
              tally.ignored(),
              HealthPolicy.uptimePercent(tally.success(), tally.failure()),
              latency(tally.latency())));
      requests += tally.total();
      successes += tally.success();
      failures += tally.failure();
      ignored += tally.ignored();
      latencies.add(tally.latency());
    }
    Health current = policy.health(recent.success(), recent.failure());
    if (!current.hasData()) {
      current = squares.get(squares.size() - 1).health();
    }
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
        squares);
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

  private static Health overall(List<RouteStatus> routes) {
    Health worst = Health.NO_DATA;
    int withData = 0;
    int major = 0;
    for (RouteStatus route : routes) {
      Health current = route.current();
      if (!current.hasData()) {
        continue;
      }
      withData++;
      if (current == Health.MAJOR_OUTAGE) {
        major++;
      }
      if (!worst.hasData() || current.ordinal() > worst.ordinal()) {
        worst = current;
      }
    }
    if (worst == Health.MAJOR_OUTAGE && major < withData) {
      return Health.PARTIAL_OUTAGE;
    }
    return worst;
  }

  /**
   * What the open incidents say about the whole service, as Statuspage words it: a critical
   * incident is a major outage, a major one a partial outage, a minor one degraded performance.
   */
  private static Health worstOpenIncident(List<Notice> notices) {
    Health worst = Health.NO_DATA;
    for (Notice notice : notices) {
      if (notice.kind() != NoticeKind.INCIDENT || !notice.isOpen()) {
        continue;
      }
      Health said = switch (notice.impact()) {
        case CRITICAL -> Health.MAJOR_OUTAGE;
        case MAJOR -> Health.PARTIAL_OUTAGE;
        case MINOR -> Health.DEGRADED;
        case NONE, MAINTENANCE -> Health.NO_DATA;
      };
      worst = worse(worst, said);
    }
    return worst;
  }

  /**
   * The worse of two states: a state with data is worse than none, and planned maintenance is
   * worse than operational but better than any trouble.
   */
  private static Health worse(Health a, Health b) {
    return severity(a) >= severity(b) ? a : b;
  }

  private static int severity(Health health) {
    return switch (health) {
      case NO_DATA -> 0;
      case OPERATIONAL -> 1;
      case MAINTENANCE -> 2;
      case DEGRADED -> 3;
      case PARTIAL_OUTAGE -> 4;
      case MAJOR_OUTAGE -> 5;
    };
  }

  /**
   * The headline text of an overall state.
   *
   * @param overall the state
   * @return the text, as Statsig's page words it
   */
  public static String headline(Health overall) {
    return switch (overall) {
      case OPERATIONAL -> "All Systems Operational";
      case DEGRADED -> "Degraded Performance";
      case PARTIAL_OUTAGE -> "Partial Outage";
      case MAJOR_OUTAGE -> "Major Outage";
      case NO_DATA -> "No Data Yet";
      case MAINTENANCE -> "Service Under Maintenance";
    };
  }
}
