package dev.trafficstatus.server.page;

import dev.trafficstatus.spi.page.DayStatus;
import dev.trafficstatus.spi.page.Health;
import dev.trafficstatus.spi.page.Latency;
import dev.trafficstatus.spi.page.RouteGroup;
import dev.trafficstatus.spi.page.RouteStatus;
import dev.trafficstatus.spi.page.StatusPage;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The page model as JSON, for scripts and tests: the same figures the HTML shows. States are lower
 * case ({@code operational}, {@code degraded}, {@code partial_outage}, {@code major_outage},
 * {@code no_data}); latencies are milliseconds; dates are ISO UTC days; a figure without data is
 * null. Requests are successes, failures or ignored (counted neither way), each given apart.
 * {@code stale} is true when the figures are the last ones read of a store that cannot be read
 * now; {@code asOf} (the same instant as {@code generatedAt}) is when they were read.
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
    List<GroupJson> groups) {

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

  static PageJson from(StatusPage page) {
    return new PageJson(
        page.title(),
        state(page.overall()),
        page.headline(),
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
        page.groups().stream().map(PageJson::group).toList());
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

  static String state(Health health) {
    return health.name().toLowerCase(Locale.ROOT);
  }
}
