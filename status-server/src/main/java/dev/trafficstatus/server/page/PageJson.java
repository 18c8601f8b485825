package dev.trafficstatus.server.page;

import dev.trafficstatus.spi.page.DayStatus;
import dev.trafficstatus.spi.Health;
import dev.trafficstatus.spi.page.Latency;
import dev.trafficstatus.spi.page.RouteGroup;
import dev.trafficstatus.spi.page.RouteStatus;
import dev.trafficstatus.spi.page.IncompleteFigures;
import dev.trafficstatus.spi.page.StatusPage;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.notice.Notice;
import dev.trafficstatus.spi.notice.NoticeUpdate;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.List;
import java.util.Locale;

/**
 * The page model as JSON, for scripts and tests: the same figures the HTML shows. States are lower
 * case ({@code operational}, {@code degraded}, {@code partial_outage}, {@code major_outage},
 * {@code no_data}); latencies are milliseconds; dates are ISO UTC days; a figure without data is
 * null. Requests are successes, failures or ignored (counted neither way), each given apart.
 * {@code stale} is true when the figures are the last ones read of a store that cannot be read
 * now; {@code asOf} (the same instant as {@code generatedAt}) is when they were read.
 *
 * <p>{@code notices} are the incidents and maintenances the page tells about (every open one and
 * those closed in the last 14 days, newest start first): kind, Statuspage's status and impact
 * words, ISO instants (null where not set), the affected routes the page shows with their states,
 * and the timeline newest first. Names and bodies are plain text, as written.
 *
 * <p>{@code incomplete} names the services some of whose instances stopped reporting, with counts
 * only (never which instances or hosts) and the page's sentence; {@code deploys} are the deploys
 * of new versions within the window, oldest first, each marking its UTC day ({@code version} is
 * null when the host keeps versions private).
 *
 * <p>The sentences ({@code headline}, {@code incomplete[].text}) are in the page's default
 * language, the first of {@code page.locales}: one JSON per window serves every client, whatever
 * its {@code Accept-Language}, and programs read the fields beside them.
 */
record PageJson(
    String title,
    String overall,
    String headline,
    boolean stale,
    String asOf,
    String generatedAt,
    String timeZone,
    int days,
    String firstDay,
    String lastDay,
    int maxDays,
    long minimumRequests,
    long refreshSeconds,
    List<GroupJson> groups,
    List<NoticeJson> notices,
    List<ObjectiveJson> objectives,
    List<IncompleteJson> incomplete,
    List<DeployJson> deploys) {

  /**
   * An objective's indicator: its target, attainment, error budget in requests (allowed, spent,
   * remaining) and percent, current burn rate, seconds to exhaustion at that burn, whether an alert
   * fires, and the remaining percent at the end of each day of the window (the sparkline).
   */
  record ObjectiveJson(
      String name,
      String indicator,
      double targetPercent,
      Double latencyThresholdMs,
      int windowDays,
      List<AffectedJson> routes,
      Double attainmentPercent,
      double budgetRequests,
      long spentRequests,
      double remainingRequests,
      Double remainingPercent,
      Double currentBurn,
      Long exhaustionSeconds,
      boolean alerting,
      List<Double> budgetByDay) {}

  record IncompleteJson(String service, int silent, int instances, long silentForSeconds, String text) {}

  record DeployJson(String service, String version, String at, String day, int instances) {}

  record GroupJson(String name, List<RouteJson> routes) {}

  record RouteJson(
      String service,
      String rule,
      String name,
      String doc,
      String current,
      Double uptimePercent,
      long requests,
      long successes,
      long failures,
      long ignored,
      LatencyJson latencyMs,
      List<DayJson> days) {}

  record DayJson(
      String date,
      String health,
      long requests,
      long successes,
      long failures,
      long ignored,
      Double uptimePercent,
      LatencyJson latencyMs) {}

  record LatencyJson(double p50, double p95, double p99) {}

  record NoticeJson(
      String id,
      String kind,
      String name,
      String status,
      String impact,
      boolean automatic,
      String createdAt,
      String startedAt,
      String updatedAt,
      String monitoringAt,
      String resolvedAt,
      String scheduledFor,
      String scheduledUntil,
      List<AffectedJson> affected,
      List<UpdateJson> updates) {}

  record AffectedJson(String service, String rule, String state) {}

  record UpdateJson(
      String id,
      String status,
      String body,
      String createdAt,
      String displayAt,
      boolean automatic,
      List<ChangeJson> changes) {}

  record ChangeJson(String service, String rule, String before, String after) {}

  /**
   * The page as JSON.
   *
   * @param page the model
   * @param words the page's default language: its headline and sentences are in it
   * @return the JSON's shape
   */
  static PageJson from(StatusPage page, ServerWords words) {
    return new PageJson(
        page.title(),
        state(page.overall()),
        words.format("headline_" + headlineKey(page.overall())),
        page.stale(),
        page.generatedAt().toString(),
        page.generatedAt().toString(),
        page.zone().getId(),
        page.days(),
        page.firstDay().toString(),
        page.lastDay().toString(),
        page.maxDays(),
        page.minimumRequests(),
        page.refresh().toSeconds(),
        page.groups().stream().map(PageJson::group).toList(),
        notices(page),
        objectives(page),
        page.incomplete().stream()
            .map(figures -> new IncompleteJson(figures.service(), figures.silent(),
                figures.instances(), figures.silentFor().toSeconds(), incomplete(figures, words)))
            .toList(),
        page.deploys().stream()
            .map(deploy -> new DeployJson(deploy.service(), deploy.version(),
                deploy.at().toString(), deploy.day().toString(), deploy.instances()))
            .toList());
  }

  /** The objectives, naming only the routes the page shows. */
  private static List<ObjectiveJson> objectives(StatusPage page) {
    Map<RouteKey, Health> shown = new HashMap<>();
    page.groups().forEach(group -> group.routes().forEach(route -> shown.put(route.key(), route.current())));
    return page.objectives().stream().map(objective -> new ObjectiveJson(
        objective.name(),
        objective.indicator(),
        objective.targetPercent(),
        objective.latencyThreshold() == null ? null : objective.latencyThreshold().toNanos() / 1e6,
        objective.windowDays(),
        objective.routes().stream().filter(shown::containsKey)
            .map(route -> new AffectedJson(route.service(), route.rule(), state(shown.get(route)))).toList(),
        objective.attainmentPercent(),
        objective.budget(),
        objective.spent(),
        objective.remaining(),
        objective.remainingPercent(),
        objective.currentBurn(),
        objective.exhaustion() == null ? null : objective.exhaustion().toSeconds(),
        objective.alerting(),
        objective.budgetByDay())).toList();
  }

  /** The notices, with only the routes the page shows: the others are not public. */
  private static List<NoticeJson> notices(StatusPage page) {
    Set<RouteKey> shown = new HashSet<>();
    page.groups().forEach(group -> group.routes().forEach(route -> shown.add(route.key())));
    return page.notices().stream().map(notice -> notice(notice, shown)).toList();
  }

  private static NoticeJson notice(Notice notice, Set<RouteKey> shown) {
    return new NoticeJson(
        notice.id(),
        notice.kind().name().toLowerCase(Locale.ROOT),
        notice.name(),
        notice.status().wireName(),
        notice.impact().wireName(),
        notice.automatic(),
        instant(notice.createdAt()),
        instant(notice.startedAt()),
        instant(notice.updatedAt()),
        instant(notice.monitoringAt()),
        instant(notice.resolvedAt()),
        instant(notice.scheduledFor()),
        instant(notice.scheduledUntil()),
        notice.affected().stream()
            .filter(state -> shown.contains(state.route()))
            .map(state -> new AffectedJson(
                state.route().service(), state.route().rule(), state(state.state())))
            .toList(),
        notice.updates().stream().map(update -> update(update, shown)).toList());
  }

  private static UpdateJson update(NoticeUpdate update, Set<RouteKey> shown) {
    return new UpdateJson(
        update.id(),
        update.status().wireName(),
        update.body(),
        instant(update.createdAt()),
        instant(update.displayAt()),
        update.automatic(),
        update.changes().stream()
            .filter(change -> shown.contains(change.route()))
            .map(change -> new ChangeJson(change.route().service(), change.route().rule(),
                state(change.before()), state(change.after())))
            .toList());
  }

  private static String instant(Instant instant) {
    return instant == null ? null : instant.toString();
  }

  private static GroupJson group(RouteGroup group) {
    return new GroupJson(group.name(), group.routes().stream().map(PageJson::route).toList());
  }

  private static RouteJson route(RouteStatus route) {
    return new RouteJson(
        route.key().service(),
        route.key().rule(),
        route.name(),
        route.doc(),
        state(route.current()),
        route.uptimePercent(),
        route.requests(),
        route.successes(),
        route.failures(),
        route.ignored(),
        latency(route.latency()),
        route.days().stream().map(PageJson::day).toList());
  }

  private static DayJson day(DayStatus day) {
    return new DayJson(
        day.day().toString(),
        state(day.health()),
        day.requests(),
        day.successes(),
        day.failures(),
        day.ignored(),
        day.uptimePercent(),
        latency(day.latency()));
  }

  private static LatencyJson latency(Latency latency) {
    return latency == null
        ? null
        : new LatencyJson(millis(latency.p50()), millis(latency.p95()), millis(latency.p99()));
  }

  private static double millis(Duration d) {
    return d.toNanos() / 1_000_000.0;
  }

  /** The key of a state's headline: the renderer's CSS token. */
  private static String headlineKey(Health health) {
    return switch (health) {
      case OPERATIONAL -> "operational";
      case DEGRADED -> "degraded";
      case PARTIAL_OUTAGE -> "partial";
      case MAJOR_OUTAGE -> "major";
      case NO_DATA -> "nodata";
      case MAINTENANCE -> "maintenance";
    };
  }

  /** "figures incomplete: 2 of 12 instances have not reported for 5 minutes", in the words' language. */
  private static String incomplete(IncompleteFigures figures, ServerWords words) {
    String key = figures.instances() == 1 ? "incomplete_of_one"
        : figures.silent() == 1 ? "incomplete_one" : "incomplete_other";
    return words.format(key, figures.silent(), figures.instances(),
        words.counted(Math.max(1, figures.silentFor().toMinutes()), "minute"));
  }

  static String state(Health health) {
    return health.name().toLowerCase(Locale.ROOT);
  }
}
