package dev.trafficstatus.core.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.notice.Impact;
import dev.trafficstatus.spi.notice.Notice;
import dev.trafficstatus.spi.notice.NoticeKind;
import dev.trafficstatus.spi.notice.NoticeStatus;
import dev.trafficstatus.spi.page.DayStatus;
import dev.trafficstatus.spi.Health;
import dev.trafficstatus.spi.page.RouteStatus;
import dev.trafficstatus.spi.page.StatusPage;
import dev.trafficstatus.spi.store.DayBucket;
import dev.trafficstatus.spi.store.LatencyHistogram;
import dev.trafficstatus.spi.store.RouteTally;
import dev.trafficstatus.spi.store.StoredRoute;
import dev.trafficstatus.spi.store.Tally;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageBuilderTest {

  private static final Instant NOW = Instant.parse("2026-11-26T10:30:00Z");
  private static final LocalDate TODAY = LocalDate.parse("2026-11-26");
  private static final RouteKey HOME = new RouteKey("shop", "/");
  private static final RouteKey ITEMS = new RouteKey("shop", "/items/{id}");
  private static final RouteKey PING = new RouteKey("probe", "health");

  private final PageBuilder builder =
      new PageBuilder(PageSettings.defaults("Shop"), HealthPolicy.defaults());

  private static StoredRoute route(RouteKey key, String group) {
    return new StoredRoute(key, "Name of " + key.rule(), "", group, false, false);
  }

  static Tally tally(long success, long failure, long ignored) {
    long total = success + failure + ignored;
    Duration[] latencies = new Duration[(int) total];
    for (int i = 0; i < total; i++) {
      latencies[i] = Duration.ofMillis(1 + i % 100);
    }
    return new Tally(
        total,
        success,
        failure,
        ignored,
        total == 0 ? Duration.ZERO : Duration.ofMillis(Math.min(total, 100)),
        LatencyHistogram.of(latencies));
  }

  private static DayBucket day(RouteKey route, LocalDate day, long success, long failure) {
    return new DayBucket(route, day, tally(success, failure, 0));
  }

  @Test
  void everyRouteGetsOneSquarePerUtcDayOfTheWindowOldestFirst() {
    StatusPage page = builder.build(NOW, 30, List.of(route(HOME, "Home")), List.of(), List.of());

    RouteStatus home = page.groups().get(0).routes().get(0);
    assertThat(home.days()).hasSize(30);
    assertThat(home.days().get(0).day()).isEqualTo(TODAY.minusDays(29));
    assertThat(home.days().get(29).day()).isEqualTo(TODAY);
    assertThat(page.days()).isEqualTo(30);
    assertThat(home.days()).allMatch(d -> d.health() == Health.NO_DATA);
  }

  @Test
  void uptimeCoversExactlyTheWindowShown() {
    List<DayBucket> days =
        List.of(
            day(HOME, TODAY, 90, 10),
            day(HOME, TODAY.minusDays(29), 100, 0),
            day(HOME, TODAY.minusDays(30), 0, 1_000));

    StatusPage page = builder.build(NOW, 30, List.of(route(HOME, "Home")), days, List.of());

    RouteStatus home = page.groups().get(0).routes().get(0);
    assertThat(home.uptimePercent()).isEqualTo(95.0);
    assertThat(home.requests()).isEqualTo(200);
    assertThat(home.failures()).isEqualTo(10);
  }

  @Test
  void daysAreColouredByThresholdsAndSparseDaysHaveNoVerdict() {
    List<DayBucket> days =
        List.of(
            day(HOME, TODAY.minusDays(3), 9_999, 1),
            day(HOME, TODAY.minusDays(2), 98, 2),
            day(HOME, TODAY.minusDays(1), 1, 2),
            day(HOME, TODAY, 0, 50));

    StatusPage page = builder.build(NOW, 4, List.of(route(HOME, "Home")), days, List.of());

    assertThat(page.groups().get(0).routes().get(0).days())
        .extracting(DayStatus::health)
        .containsExactly(
            Health.OPERATIONAL, Health.PARTIAL_OUTAGE, Health.NO_DATA, Health.MAJOR_OUTAGE);
  }

  @Test
  void aDaysTooltipFiguresComeFromItsTally() {
    StatusPage page =
        builder.build(NOW, 1, List.of(route(HOME, "Home")), List.of(day(HOME, TODAY, 99, 1)), List.of());

    DayStatus today = page.groups().get(0).routes().get(0).days().get(0);
    assertThat(today.requests()).isEqualTo(100);
    assertThat(today.failures()).isEqualTo(1);
    assertThat(today.uptimePercent()).isEqualTo(99.0);
    assertThat(today.latency().p50().toMillis()).isBetween(47L, 53L);
    assertThat(today.latency().p99().toMillis()).isBetween(93L, 105L);
  }

  @Test
  void currentStateFollowsTheRecentWindowAndFallsBackToToday() {
    List<DayBucket> days = List.of(day(HOME, TODAY, 1_000, 0), day(ITEMS, TODAY, 1_000, 0));
    List<RouteTally> recent = List.of(new RouteTally(HOME, tally(0, 20, 0)));

    StatusPage page =
        builder.build(NOW, 7, List.of(route(HOME, "Web"), route(ITEMS, "Web")), days, recent);

    List<RouteStatus> routes = page.groups().get(0).routes();
    assertThat(routes).extracting(RouteStatus::current)
        .containsExactly(Health.MAJOR_OUTAGE, Health.OPERATIONAL);
    assertThat(page.overall()).isEqualTo(Health.PARTIAL_OUTAGE);
    assertThat(page.headline()).isEqualTo("Partial Outage");
  }

  @Test
  void headlineIsAllSystemsOperationalWhenEveryRouteWithDataIs() {
    StatusPage page =
        builder.build(
            NOW,
            7,
            List.of(route(HOME, "Web"), route(ITEMS, "Web")),
            List.of(day(HOME, TODAY, 500, 0)),
            List.of());

    assertThat(page.overall()).isEqualTo(Health.OPERATIONAL);
    assertThat(page.headline()).isEqualTo("All Systems Operational");
  }

  private static Notice incident(String id, Impact impact, boolean open) {
    return new Notice(id, NoticeKind.INCIDENT, "Incident " + id,
        open ? NoticeStatus.INVESTIGATING : NoticeStatus.RESOLVED, impact, false, true,
        NOW.minusSeconds(3600), NOW.minusSeconds(3600), NOW.minusSeconds(60), null,
        open ? null : NOW.minusSeconds(60), null, null, List.of(), List.of(), 1);
  }

  private StatusPage operationalPageWith(List<Notice> notices) {
    return builder.build(NOW, 7, List.of(route(HOME, "Web")), List.of(day(HOME, TODAY, 500, 0)),
        List.of(), false, notices);
  }

  @Test
  void anOpenIncidentMakesTheHeadlineAtLeastWhatItsImpactSays() {
    assertThat(operationalPageWith(List.of(incident("aaaaaaaaaaa1", Impact.MINOR, true))).headline())
        .isEqualTo("Degraded Performance");
    assertThat(operationalPageWith(List.of(incident("aaaaaaaaaaa1", Impact.MAJOR, true))).headline())
        .isEqualTo("Partial Outage");
    StatusPage critical = operationalPageWith(List.of(
        incident("aaaaaaaaaaa1", Impact.MINOR, true), incident("aaaaaaaaaaa2", Impact.CRITICAL, true)));
    assertThat(critical.overall()).isEqualTo(Health.MAJOR_OUTAGE);
    assertThat(critical.headline()).isEqualTo("Major Outage");
  }

  @Test
  void resolvedIncidentsAndIncidentsWithoutImpactLeaveTheHeadlineToTheRoutes() {
    StatusPage page = operationalPageWith(List.of(
        incident("aaaaaaaaaaa1", Impact.CRITICAL, false), incident("aaaaaaaaaaa2", Impact.NONE, true)));

    assertThat(page.headline()).isEqualTo("All Systems Operational");
    assertThat(page.notices()).hasSize(2);
  }

  @Test
  void aMinorIncidentNeverHidesAWorseStateOfTheRoutes() {
    StatusPage page = builder.build(NOW, 7, List.of(route(HOME, "Web")), List.of(),
        List.of(new RouteTally(HOME, tally(0, 50, 0))), false,
        List.of(incident("aaaaaaaaaaa1", Impact.MINOR, true)));

    assertThat(page.headline()).isEqualTo("Major Outage");
  }

  @Test
  void anIncidentGivesAVerdictToAPageWithoutData() {
    StatusPage page = builder.build(NOW, 7, List.of(route(HOME, "Web")), List.of(), List.of(), false,
        List.of(incident("aaaaaaaaaaa1", Impact.MAJOR, true)));

    assertThat(page.headline()).isEqualTo("Partial Outage");
  }

  @Test
  void majorOutageOfEveryRouteIsAMajorOutage() {
    StatusPage page =
        builder.build(
            NOW, 7, List.of(route(HOME, "Web")), List.of(), List.of(new RouteTally(HOME, tally(0, 50, 0))));

    assertThat(page.headline()).isEqualTo("Major Outage");
  }

  @Test
  void hiddenRoutesAndRoutesOutsideTheSelectionAreNotShown() {
    PageBuilder onlyHome =
        new PageBuilder(
            new PageSettings(
                "Shop", 90, 365, ZoneId.of("UTC"), Duration.ofMinutes(1), Duration.ofMinutes(10),
                Duration.ofMinutes(15), List.of("/", "health"), Grouping.GROUP),
            HealthPolicy.defaults());
    List<StoredRoute> routes = new ArrayList<>();
    routes.add(route(HOME, "Web"));
    routes.add(route(ITEMS, "Web"));
    routes.add(new StoredRoute(PING, "Ping", "", "Probes", true, false));

    StatusPage page = onlyHome.build(NOW, 7, routes, List.of(), List.of());

    assertThat(page.groups()).singleElement().satisfies(group ->
        assertThat(group.routes()).extracting(RouteStatus::key).containsExactly(HOME));
  }

  private static PageBuilder showing(
      List<String> rules, List<String> services, boolean showProtectedRoutes) {
    PageSettings defaults = PageSettings.defaults("Shop");
    return new PageBuilder(
        new PageSettings(
            "Shop", 90, 365, ZoneId.of("UTC"), Duration.ofMinutes(1), Duration.ofMinutes(10),
            Duration.ofMinutes(15), rules, Grouping.GROUP, services, showProtectedRoutes,
            defaults.renderCacheBytes(), defaults.otherWindowRenders()),
        HealthPolicy.defaults());
  }

  private static List<RouteKey> shown(StatusPage page) {
    return page.groups().stream()
        .flatMap(group -> group.routes().stream())
        .map(RouteStatus::key)
        .toList();
  }

  @Test
  void routesTheHostProtectsAreShownOnlyWhenNamedOrAllowed() {
    RouteKey admin = new RouteKey("shop", "/admin/{user}");
    List<StoredRoute> routes =
        List.of(route(HOME, "Web"), new StoredRoute(admin, "Admin", "", "Web", false, false, true));
    List<DayBucket> days = List.of(day(admin, TODAY, 500, 3));

    assertThat(shown(builder.build(NOW, 7, routes, days, List.of()))).containsExactly(HOME);
    assertThat(shown(showing(List.of("/", "/admin/{user}"), List.of(), false)
        .build(NOW, 7, routes, days, List.of()))).containsExactly(HOME, admin);
    assertThat(shown(showing(List.of(), List.of(), true).build(NOW, 7, routes, days, List.of())))
        .containsExactly(HOME, admin);
    assertThat(shown(showing(List.of("/"), List.of(), true).build(NOW, 7, routes, days, List.of())))
        .as("the rules still select")
        .containsExactly(HOME);
  }

  @Test
  void aPageOverASharedDatabaseShowsTheServicesItNames() {
    RouteKey billing = new RouteKey("billing", "/invoices");
    List<StoredRoute> routes = List.of(route(HOME, "Web"), route(billing, "Web"), route(PING, "Probes"));

    assertThat(shown(builder.build(NOW, 7, routes, List.of(), List.of())))
        .containsExactlyInAnyOrder(HOME, billing, PING);
    assertThat(shown(showing(List.of(), List.of("shop", "probe"), false)
        .build(NOW, 7, routes, List.of(), List.of())))
        .containsExactlyInAnyOrder(HOME, PING);
  }

  @Test
  void successesFailuresAndIgnoredAreCountedApartPerDayAndPerCard() {
    List<DayBucket> days =
        List.of(
            new DayBucket(HOME, TODAY, tally(90, 4, 6)),
            new DayBucket(HOME, TODAY.minusDays(1), tally(50, 0, 30)));

    RouteStatus home =
        builder.build(NOW, 2, List.of(route(HOME, "Web")), days, List.of()).groups().get(0)
            .routes().get(0);

    assertThat(home.requests()).isEqualTo(180);
    assertThat(home.successes()).isEqualTo(140);
    assertThat(home.failures()).isEqualTo(4);
    assertThat(home.ignored()).isEqualTo(36);
    assertThat(home.days()).extracting(DayStatus::successes).containsExactly(50L, 90L);
    assertThat(home.days()).extracting(DayStatus::failures).containsExactly(0L, 4L);
    assertThat(home.days()).extracting(DayStatus::ignored).containsExactly(30L, 6L);
    assertThat(home.days().get(1).requests()).isEqualTo(100);
  }

  @Test
  void cardsAreGroupedByGroupOrByService() {
    List<StoredRoute> routes =
        List.of(route(ITEMS, "ItemResource"), route(HOME, "HomeResource"), route(PING, "Probes"));

    StatusPage byGroup = builder.build(NOW, 7, routes, List.of(), List.of());
    StatusPage byService =
        new PageBuilder(
                new PageSettings(
                    "Shop", 90, 365, ZoneId.of("UTC"), Duration.ofMinutes(1),
                    Duration.ofMinutes(10), Duration.ofMinutes(15), List.of(), Grouping.SERVICE),
                HealthPolicy.defaults())
            .build(NOW, 7, routes, List.of(), List.of());

    assertThat(byGroup.groups()).extracting(g -> g.name())
        .containsExactly("HomeResource", "ItemResource", "Probes");
    assertThat(byService.groups()).extracting(g -> g.name()).containsExactly("probe", "shop");
    assertThat(byService.groups().get(1).routes()).extracting(RouteStatus::key)
        .containsExactly(HOME, ITEMS);
  }

  @Test
  void aDayJustAfterMidnightUtcBelongsToTheNewDay() {
    Instant justAfterMidnight = Instant.parse("2026-11-27T00:00:30Z");
    StatusPage page =
        builder.build(justAfterMidnight, 2, List.of(route(HOME, "Web")), List.of(), List.of());

    assertThat(page.lastDay()).isEqualTo(LocalDate.parse("2026-11-27"));
    assertThat(page.firstDay()).isEqualTo(LocalDate.parse("2026-11-26"));
  }
}
