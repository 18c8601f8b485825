package dev.trafficstatus.spi.page;

import dev.trafficstatus.spi.Health;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.notice.Notice;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a status page shows; HTML and JSON are two renderings of the same model.
 *
 * @param title the page title, such as the service name
 * @param overall the headline state: the worst current state among shown routes (see the core)
 * @param headline the headline text, such as "All Systems Operational"
 * @param generatedAt when the figures were read: what the page shows is as of this instant
 * @param zone the time zone for displaying times; days are always UTC calendar days
 * @param firstDay the window's first UTC day, inclusive
 * @param lastDay the window's last UTC day (today), inclusive
 * @param maxDays the longest window the host serves, so a renderer never links to a longer one
 * @param minimumRequests a day or window with fewer requests has no verdict
 * @param refresh how often the page reloads itself
 * @param groups the shown routes, grouped
 * @param stale true when the figures could not be read again when due (the status database is
 *     unreachable or not answering): they are the last ones read, as of {@code generatedAt}, and
 *     a renderer says so where people see it
 * @param notices the incidents and maintenances to tell people about: every open one and those
 *     closed within the last days ({@link #PAST_NOTICE_DAYS}), newest start first; the routes they
 *     affect may include routes this page does not show
 * @param maintenanceExcluded whether requests answered inside maintenance windows are left out of
 *     counts, uptime and day states ({@link RouteStatus#maintenanceRequests()}), so a renderer may
 *     say "excluding maintenance" beside an uptime; false when the host keeps them in
 * @param objectives the service level objectives, one entry per objective and indicator, in the
 *     configured order; empty without objectives
 * @param incomplete the services some of whose instances stopped reporting, so their figures lack
 *     what those counted since; empty when every instance reports (or the store keeps no instances)
 * @param deploys the deploys of new versions within the window, oldest first, of the services of
 *     the shown routes: each marks its day's squares of its service's routes
 */
public record StatusPage(
    String title,
    Health overall,
    String headline,
    Instant generatedAt,
    ZoneId zone,
    LocalDate firstDay,
    LocalDate lastDay,
    int maxDays,
    long minimumRequests,
    Duration refresh,
    List<RouteGroup> groups,
    boolean stale,
    List<Notice> notices,
    boolean maintenanceExcluded,
    List<ObjectiveStatus> objectives,
    List<IncompleteFigures> incomplete,
    List<DeployMarker> deploys) {

  /**
   * The longest window, in days, any page may show: a little over a year, so a "365 days" window
   * always fits, whatever the retention of day rows.
   */
  public static final int MAX_WINDOW_DAYS = 400;

  /** How many days back closed notices are shown: Statuspage's "past incidents" span. */
  public static final int PAST_NOTICE_DAYS = 14;

  /** Checks every part is present and copies the groups. */
  public StatusPage {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(overall, "overall");
    Objects.requireNonNull(headline, "headline");
    Objects.requireNonNull(generatedAt, "generatedAt");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(firstDay, "firstDay");
    Objects.requireNonNull(lastDay, "lastDay");
    Objects.requireNonNull(refresh, "refresh");
    groups = List.copyOf(groups);
    notices = List.copyOf(notices);
    objectives = List.copyOf(objectives);
    incomplete = List.copyOf(incomplete);
    deploys = List.copyOf(deploys);
    if (lastDay.isBefore(firstDay)) {
      throw new IllegalArgumentException("window ends before it starts: " + firstDay + ".." + lastDay);
    }
    if (maxDays < lastDay.toEpochDay() - firstDay.toEpochDay() + 1) {
      throw new IllegalArgumentException("window of " + firstDay + ".." + lastDay + " is longer than maxDays " + maxDays);
    }
  }

  /**
   * A page without objectives: the shape before they were shown, for renderers' tests and code
   * written against it.
   *
   * @param title the page title
   * @param overall the headline state
   * @param headline the headline text
   * @param generatedAt when the figures were read
   * @param zone the time zone for displaying times
   * @param firstDay the window's first UTC day, inclusive
   * @param lastDay the window's last UTC day (today), inclusive
   * @param maxDays the longest window the host serves
   * @param minimumRequests a day or window with fewer requests has no verdict
   * @param refresh how often the page reloads itself
   * @param groups the shown routes, grouped
   * @param stale whether the figures are the last ones read of a store that cannot be read now
   * @param notices the incidents and maintenances to tell people about
   * @param maintenanceExcluded whether requests inside maintenance windows are left out of uptime
   */
  public StatusPage(
      String title,
      Health overall,
      String headline,
      Instant generatedAt,
      ZoneId zone,
      LocalDate firstDay,
      LocalDate lastDay,
      int maxDays,
      long minimumRequests,
      Duration refresh,
      List<RouteGroup> groups,
      boolean stale,
      List<Notice> notices,
      boolean maintenanceExcluded) {
    this(title, overall, headline, generatedAt, zone, firstDay, lastDay, maxDays, minimumRequests,
        refresh, groups, stale, notices, maintenanceExcluded, List.of(), List.of(), List.of());
  }

  /**
   * The same page with objectives.
   *
   * @param objectives the objectives
   * @return the page
   */
  public StatusPage withObjectives(List<ObjectiveStatus> objectives) {
    return new StatusPage(title, overall, headline, generatedAt, zone, firstDay, lastDay, maxDays,
        minimumRequests, refresh, groups, stale, notices, maintenanceExcluded, objectives,
        incomplete, deploys);
  }

  /**
   * The objectives covering a route, for its card.
   *
   * @param route the route
   * @return the objectives' indicators that cover it, in the configured order
   */
  public List<ObjectiveStatus> objectivesOf(dev.trafficstatus.spi.RouteKey route) {
    return objectives.stream().filter(objective -> objective.covers(route)).toList();
  }

  /**
   * A page whose requests inside maintenance windows are left out of uptime (the default): the
   * shape before that was told, for renderers' tests and code written against it.
   *
   * @param title the page title
   * @param overall the headline state
   * @param headline the headline text
   * @param generatedAt when the figures were read
   * @param zone the time zone for displaying times
   * @param firstDay the window's first UTC day, inclusive
   * @param lastDay the window's last UTC day (today), inclusive
   * @param maxDays the longest window the host serves
   * @param minimumRequests a day or window with fewer requests has no verdict
   * @param refresh how often the page reloads itself
   * @param groups the shown routes, grouped
   * @param stale whether the figures are the last ones read of a store that cannot be read now
   * @param notices the incidents and maintenances to tell people about
   */
  public StatusPage(
      String title,
      Health overall,
      String headline,
      Instant generatedAt,
      ZoneId zone,
      LocalDate firstDay,
      LocalDate lastDay,
      int maxDays,
      long minimumRequests,
      Duration refresh,
      List<RouteGroup> groups,
      boolean stale,
      List<Notice> notices) {
    this(title, overall, headline, generatedAt, zone, firstDay, lastDay, maxDays, minimumRequests,
        refresh, groups, stale, notices, true, List.of(), List.of(), List.of());
  }

  /**
   * A page of figures read when due: the shape before stale figures were told apart, for
   * renderers' tests and code written against it.
   *
   * @param title the page title
   * @param overall the headline state
   * @param headline the headline text
   * @param generatedAt when the figures were read
   * @param zone the time zone for displaying times
   * @param firstDay the window's first UTC day, inclusive
   * @param lastDay the window's last UTC day (today), inclusive
   * @param maxDays the longest window the host serves
   * @param minimumRequests a day or window with fewer requests has no verdict
   * @param refresh how often the page reloads itself
   * @param groups the shown routes, grouped
   */
  public StatusPage(
      String title,
      Health overall,
      String headline,
      Instant generatedAt,
      ZoneId zone,
      LocalDate firstDay,
      LocalDate lastDay,
      int maxDays,
      long minimumRequests,
      Duration refresh,
      List<RouteGroup> groups) {
    this(title, overall, headline, generatedAt, zone, firstDay, lastDay, maxDays, minimumRequests,
        refresh, groups, false, List.of(), true, List.of(), List.of(), List.of());
  }

  /**
   * A page without notices: the shape before incidents and maintenances were told, for renderers'
   * tests and code written against it.
   *
   * @param title the page title
   * @param overall the headline state
   * @param headline the headline text
   * @param generatedAt when the figures were read
   * @param zone the time zone for displaying times
   * @param firstDay the window's first UTC day, inclusive
   * @param lastDay the window's last UTC day (today), inclusive
   * @param maxDays the longest window the host serves
   * @param minimumRequests a day or window with fewer requests has no verdict
   * @param refresh how often the page reloads itself
   * @param groups the shown routes, grouped
   * @param stale whether the figures are the last ones read of a store that cannot be read now
   */
  public StatusPage(
      String title,
      Health overall,
      String headline,
      Instant generatedAt,
      ZoneId zone,
      LocalDate firstDay,
      LocalDate lastDay,
      int maxDays,
      long minimumRequests,
      Duration refresh,
      List<RouteGroup> groups,
      boolean stale) {
    this(title, overall, headline, generatedAt, zone, firstDay, lastDay, maxDays, minimumRequests,
        refresh, groups, stale, List.of(), true, List.of(), List.of(), List.of());
  }

  /**
   * A page without instances' reports: the shape before silent instances and deploys were told,
   * for renderers' tests and code written against it.
   *
   * @param title the page title
   * @param overall the headline state
   * @param headline the headline text
   * @param generatedAt when the figures were read
   * @param zone the time zone for displaying times
   * @param firstDay the window's first UTC day, inclusive
   * @param lastDay the window's last UTC day (today), inclusive
   * @param maxDays the longest window the host serves
   * @param minimumRequests a day or window with fewer requests has no verdict
   * @param refresh how often the page reloads itself
   * @param groups the shown routes, grouped
   * @param stale whether the figures are the last ones read of a store that cannot be read now
   * @param notices the incidents and maintenances to tell people about
   * @param maintenanceExcluded whether requests inside maintenance windows are left out of uptime
   * @param objectives the service level objectives' indicators
   */
  public StatusPage(
      String title,
      Health overall,
      String headline,
      Instant generatedAt,
      ZoneId zone,
      LocalDate firstDay,
      LocalDate lastDay,
      int maxDays,
      long minimumRequests,
      Duration refresh,
      List<RouteGroup> groups,
      boolean stale,
      List<Notice> notices,
      boolean maintenanceExcluded,
      List<ObjectiveStatus> objectives) {
    this(title, overall, headline, generatedAt, zone, firstDay, lastDay, maxDays, minimumRequests,
        refresh, groups, stale, notices, maintenanceExcluded, objectives, List.of(), List.of());
  }

  /**
   * The deploys marked on one day's squares of a service's routes.
   *
   * @param service the route's service
   * @param day the UTC day
   * @return the deploys, oldest first; empty for most days
   */
  public List<DeployMarker> deploysOn(String service, LocalDate day) {
    return deploys.stream()
        .filter(deploy -> deploy.service().equals(service) && deploy.day().equals(day))
        .toList();
  }

  /**
   * How many days the window spans.
   *
   * @return the number of days, at least 1
   */
  public int days() {
    return (int) (lastDay.toEpochDay() - firstDay.toEpochDay()) + 1;
  }

  /**
   * The display names of the routes this page shows, by route: what a renderer may name among a
   * notice's affected routes (the others are routes the page keeps private).
   *
   * @return the names, one per shown route
   */
  public Map<RouteKey, String> routeNames() {
    Map<RouteKey, String> names = new HashMap<>();
    for (RouteGroup group : groups) {
      for (RouteStatus route : group.routes()) {
        names.put(route.key(), route.name());
      }
    }
    return Map.copyOf(names);
  }
}
