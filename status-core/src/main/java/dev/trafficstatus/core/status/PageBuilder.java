package dev.trafficstatus.core.status;

import dev.trafficstatus.core.fleet.FleetView;
import dev.trafficstatus.core.fleet.InstanceSettings;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.notice.Notice;
import dev.trafficstatus.spi.Health;
import dev.trafficstatus.spi.page.RouteGroup;
import dev.trafficstatus.spi.page.RouteStatus;
import dev.trafficstatus.spi.page.StatusPage;
import dev.trafficstatus.spi.store.DayBucket;
import dev.trafficstatus.spi.store.Deploy;
import dev.trafficstatus.spi.store.RouteTally;
import dev.trafficstatus.spi.store.StoredInstance;
import dev.trafficstatus.spi.store.StoredRoute;
import dev.trafficstatus.spi.store.Tally;
import dev.trafficstatus.spi.store.WindowTally;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Computes the page model from what the store holds; a function of its inputs (it keeps the day
 * statuses it built from the same tally objects before, see {@link RouteStatuses}).
 *
 * <p>The window is the last {@code days} UTC calendar days, today included, and a route's uptime
 * covers exactly those days. A route's current state is its state over the configured recent
 * window; when that has too few requests for a verdict, today's state; under maintenance while a
 * maintenance that affects it is in progress. The headline is {@link Headline}'s.
 *
 * <p>Requests a route answered inside maintenance windows (what the evaluator recorded with each
 * window) are counted apart, as "during maintenance", and left out of its counts, uptime and day
 * states unless the host keeps them in; a day with maintenance requests and too few others for a
 * verdict is drawn as under maintenance. Latency percentiles keep every request.
 *
 * <p>Which routes are shown is {@link ShownRoutes}'s rule.
 */
public final class PageBuilder {

  private final PageSettings settings;
  private final HealthPolicy policy;
  private final boolean excludeMaintenance;
  private final ShownRoutes shown;
  private final RouteStatuses statuses;
  private final FleetView fleet;

  /**
   * A builder that leaves maintenance traffic out of uptime.
   *
   * @param settings what to show
   * @param policy how figures become states
   */
  public PageBuilder(PageSettings settings, HealthPolicy policy) {
    this(settings, policy, true);
  }

  /**
   * @param settings what to show
   * @param policy how figures become states
   * @param excludeMaintenance whether requests inside maintenance windows are left out of counts,
   *     uptime and day states ({@code status.maintenance.excludeFromUptime})
   */
  public PageBuilder(PageSettings settings, HealthPolicy policy, boolean excludeMaintenance) {
    this(settings, policy, excludeMaintenance, SlowRoutes.none());
  }

  /**
   * @param settings what to show
   * @param policy how figures become states
   * @param excludeMaintenance whether requests inside maintenance windows are left out of counts,
   *     uptime and day states ({@code status.maintenance.excludeFromUptime})
   * @param slow the objectives' latency allowances, which degrade slow routes
   */
  public PageBuilder(PageSettings settings, HealthPolicy policy, boolean excludeMaintenance, SlowRoutes slow) {
    this(settings, policy, excludeMaintenance, slow, InstanceSettings.defaults(Duration.ofMinutes(1)));
  }

  /**
   * @param settings what to show
   * @param policy how figures become states
   * @param excludeMaintenance whether requests inside maintenance windows are left out of counts,
   *     uptime and day states ({@code status.maintenance.excludeFromUptime})
   * @param slow the objectives' latency allowances, which degrade slow routes
   * @param instances when an instance counts as silent ({@code status.instances})
   */
  public PageBuilder(
      PageSettings settings,
      HealthPolicy policy,
      boolean excludeMaintenance,
      SlowRoutes slow,
      InstanceSettings instances) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.excludeMaintenance = excludeMaintenance;
    this.shown = new ShownRoutes(settings);
    this.statuses = new RouteStatuses(policy, excludeMaintenance, slow);
    this.fleet = new FleetView(instances, settings.showVersions());
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
    return build(now, days, routes, dayBuckets, recent, stale, notices, List.of());
  }

  /**
   * Builds the page, with the notices it tells about and what maintenance windows held.
   *
   * @param now when the figures were read
   * @param days the window length, at least 1
   * @param routes every route the store knows
   * @param dayBuckets tallies per route and day, within the window (days outside it are skipped)
   * @param recent tallies per route over the recent window, without maintenance minutes
   * @param stale whether reading them again failed since
   * @param notices open notices and those closed lately, newest first
   * @param windowTallies requests per route and day inside maintenance windows; the evaluator
   *     records each minute in one window only, so they add up
   * @return the page
   */
  public StatusPage build(
      Instant now,
      int days,
      List<StoredRoute> routes,
      List<DayBucket> dayBuckets,
      List<RouteTally> recent,
      boolean stale,
      List<Notice> notices,
      List<WindowTally> windowTallies) {
    return build(now, days, routes, dayBuckets, recent, stale, notices, windowTallies, List.of(), List.of());
  }

  /**
   * Builds the page, with the notices it tells about, what maintenance windows held, and what the
   * instances writing its figures say (silent instances, deploys).
   *
   * @param now when the figures were read
   * @param days the window length, at least 1
   * @param routes every route the store knows
   * @param dayBuckets tallies per route and day, within the window (days outside it are skipped)
   * @param recent tallies per route over the recent window, without maintenance minutes
   * @param stale whether reading them again failed since
   * @param notices open notices and those closed lately, newest first
   * @param windowTallies requests per route and day inside maintenance windows
   * @param instances the instances heard from lately
   * @param deploys the deploys within the window (others are skipped)
   * @return the page
   */
  public StatusPage build(
      Instant now,
      int days,
      List<StoredRoute> routes,
      List<DayBucket> dayBuckets,
      List<RouteTally> recent,
      boolean stale,
      List<Notice> notices,
      List<WindowTally> windowTallies,
      List<StoredInstance> instances,
      List<Deploy> deploys) {
    LocalDate last = today(now);
    LocalDate first = firstDay(now, days);

    Map<RouteKey, Map<LocalDate, Tally>> byRoute = DayTallies.byRouteAndDay(dayBuckets, first, last);
    Map<RouteKey, Map<LocalDate, Tally>> inMaintenance =
        DayTallies.byRouteAndDay(windowTallies.stream().map(WindowTally::bucket).toList(), first, last);
    Map<RouteKey, Tally> recentByRoute = new HashMap<>();
    for (RouteTally tally : recent) {
      recentByRoute.merge(tally.route(), tally.tally(), Tally::plus);
    }
    MaintenanceSpans spans = MaintenanceSpans.of(notices);
    statuses.expect(routes.size() * days);

    Map<String, List<RouteStatus>> groups = new TreeMap<>();
    List<RouteStatus> cards = new ArrayList<>();
    for (StoredRoute route : routes) {
      if (!shown.shows(route)) {
        continue;
      }
      RouteStatus status =
          statuses.of(
              route,
              first,
              last,
              byRoute.getOrDefault(route.key(), Map.of()),
              inMaintenance.getOrDefault(route.key(), Map.of()),
              recentByRoute.getOrDefault(route.key(), Tally.empty()),
              spans.inProgress(route.key()));
      cards.add(status);
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
    Health overall = Headline.overall(cards, notices, spans.anyInProgress());
    Set<String> services = new TreeSet<>();
    cards.forEach(card -> services.add(card.key().service()));
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
        notices,
        excludeMaintenance,
        List.of(),
        fleet.incomplete(instances, services, now),
        fleet.markers(deploys, services, first, last));
  }

  /**
   * The headline text of an overall state.
   *
   * @param overall the state
   * @return the text, as Statsig's page words it
   */
  public static String headline(Health overall) {
    return Headline.text(overall);
  }
}
