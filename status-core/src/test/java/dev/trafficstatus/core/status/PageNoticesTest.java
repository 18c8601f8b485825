package dev.trafficstatus.core.status;

import static dev.trafficstatus.core.status.PageBuilderTest.tally;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficstatus.core.notice.NewIncident;
import dev.trafficstatus.core.notice.NewMaintenance;
import dev.trafficstatus.core.notice.NoticeChange;
import dev.trafficstatus.core.notice.NoticeIds;
import dev.trafficstatus.core.notice.NoticeService;
import dev.trafficstatus.core.testing.InMemoryNotices;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.notice.Impact;
import dev.trafficstatus.spi.notice.Notice;
import dev.trafficstatus.spi.notice.NoticeStatus;
import dev.trafficstatus.spi.notice.RouteState;
import dev.trafficstatus.spi.page.DayStatus;
import dev.trafficstatus.spi.Health;
import dev.trafficstatus.spi.page.RouteStatus;
import dev.trafficstatus.spi.page.StatusPage;
import dev.trafficstatus.spi.store.DayBucket;
import dev.trafficstatus.spi.store.RouteTally;
import dev.trafficstatus.spi.store.StoredRoute;
import dev.trafficstatus.spi.store.WindowTally;
import dev.trafficstatus.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** The page model's use of notices: the headline, maintenance on cards and squares, and uptime. */
class PageNoticesTest {

  private static final Instant NOW = Instant.parse("2026-11-26T10:30:00Z");
  private static final LocalDate TODAY = LocalDate.parse("2026-11-26");
  private static final RouteKey CHECKOUT = new RouteKey("shop", "/checkout");
  private static final RouteKey SEARCH = new RouteKey("shop", "/search");
  private static final List<StoredRoute> ROUTES =
      List.of(
          new StoredRoute(CHECKOUT, "Checkout", "", "Shop", false, false),
          new StoredRoute(SEARCH, "Search", "", "Shop", false, false));

  private final MutableClock clock = new MutableClock(NOW);
  private final InMemoryNotices store = new InMemoryNotices();
  private final NoticeService notices =
      new NoticeService(
          store, clock, new NoticeIds(RandomGenerator.of("L64X128MixRandom")), (t, n) -> "{}",
          Duration.ofDays(1));
  private final PageBuilder builder =
      new PageBuilder(PageSettings.defaults("Shop"), HealthPolicy.defaults());

  /** Every route answered 1,000 requests in the last minutes, all fine. */
  private static List<RouteTally> allFine() {
    return List.of(new RouteTally(CHECKOUT, tally(1_000, 0, 0)), new RouteTally(SEARCH, tally(1_000, 0, 0)));
  }

  private Notice incident(Impact impact) {
    return notices.open(
        new NewIncident("Checkout is failing", NoticeStatus.INVESTIGATING, impact, "Looking into it.",
            List.of(new RouteState(CHECKOUT, Health.PARTIAL_OUTAGE)), null, false));
  }

  private Notice maintenanceNow(List<RouteKey> routes) {
    return notices.schedule(
        new NewMaintenance(null, "Database upgrade", routes, NOW.minus(Duration.ofMinutes(30)),
            NOW.plus(Duration.ofMinutes(30)), "Upgrading.", null, false));
  }

  private StatusPage page(List<Notice> current) {
    return builder.build(NOW, 7, ROUTES, List.of(), allFine(), false, current, List.of());
  }

  private static RouteStatus card(StatusPage page, RouteKey key) {
    return page.groups().stream().flatMap(g -> g.routes().stream())
        .filter(r -> r.key().equals(key)).findFirst().orElseThrow();
  }

  @Test
  void anOpenCriticalIncidentReadsAsAMajorOutageEvenAfterTheTrafficRecovered() {
    StatusPage page = page(List.of(incident(Impact.CRITICAL)));

    assertThat(card(page, CHECKOUT).current()).isEqualTo(Health.OPERATIONAL);
    assertThat(page.overall()).isEqualTo(Health.MAJOR_OUTAGE);
    assertThat(page.headline()).isEqualTo("Major Outage");
  }

  @Test
  void incidentImpactsMapToStatesAndResolvedOnesNoLongerCount() {
    assertThat(page(List.of(incident(Impact.MAJOR))).headline()).isEqualTo("Partial Outage");
    assertThat(page(List.of(incident(Impact.MINOR))).headline()).isEqualTo("Degraded Performance");
    assertThat(page(List.of(incident(Impact.NONE))).headline()).isEqualTo("All Systems Operational");

    Notice critical = incident(Impact.CRITICAL);
    Notice resolved =
        notices.change(critical.id(), NoticeChange.update(NoticeStatus.RESOLVED, "Fixed.", List.of(), false))
            .orElseThrow();
    assertThat(page(List.of(resolved)).headline()).isEqualTo("All Systems Operational");
  }

  @Test
  void aMaintenanceInProgressWithNothingWorseIsTheHeadlineAndItsRoutesAreUnderMaintenance() {
    StatusPage page = page(List.of(maintenanceNow(List.of(CHECKOUT))));

    assertThat(page.overall()).isEqualTo(Health.MAINTENANCE);
    assertThat(page.headline()).isEqualTo("Service Under Maintenance");
    assertThat(card(page, CHECKOUT).current()).isEqualTo(Health.MAINTENANCE);
    assertThat(card(page, SEARCH).current()).isEqualTo(Health.OPERATIONAL);
  }

  @Test
  void aMaintenanceOfTheWholeServiceTakesEveryCard() {
    StatusPage page = page(List.of(maintenanceNow(List.of())));

    assertThat(card(page, CHECKOUT).current()).isEqualTo(Health.MAINTENANCE);
    assertThat(card(page, SEARCH).current()).isEqualTo(Health.MAINTENANCE);
  }

  @Test
  void anythingWorseThanMaintenanceWinsTheHeadline() {
    List<RouteTally> searchDegraded =
        List.of(new RouteTally(CHECKOUT, tally(1_000, 0, 0)), new RouteTally(SEARCH, tally(995, 5, 0)));

    StatusPage page =
        builder.build(NOW, 7, ROUTES, List.of(), searchDegraded, false,
            List.of(maintenanceNow(List.of(CHECKOUT))), List.of());

    assertThat(page.headline()).isEqualTo("Degraded Performance");
  }

  @Test
  void aScheduledMaintenanceNotYetBegunChangesNothing() {
    Notice later =
        notices.schedule(
            new NewMaintenance(null, "Later", List.of(CHECKOUT), NOW.plus(Duration.ofHours(2)),
                NOW.plus(Duration.ofHours(3)), "", null, false));

    StatusPage page = page(List.of(later));

    assertThat(page.headline()).isEqualTo("All Systems Operational");
    assertThat(card(page, CHECKOUT).current()).isEqualTo(Health.OPERATIONAL);
  }

  @Test
  void requestsInsideMaintenanceAreCountedApartAndLeftOutOfUptime() {
    List<DayBucket> days =
        List.of(
            new DayBucket(CHECKOUT, TODAY.minusDays(1), tally(990, 505, 0)),
            new DayBucket(CHECKOUT, TODAY, tally(1_000, 0, 0)));
    // Yesterday 500 of its failures (and 10 successes) came inside a window.
    List<WindowTally> held =
        List.of(new WindowTally("aaaaaaaaaaaa", new DayBucket(CHECKOUT, TODAY.minusDays(1), tally(10, 500, 0))));

    RouteStatus checkout =
        card(builder.build(NOW, 2, ROUTES, days, allFine(), false, List.of(), held), CHECKOUT);

    DayStatus yesterday = checkout.days().get(0);
    assertThat(yesterday.requests()).isEqualTo(985);
    assertThat(yesterday.failures()).isEqualTo(5);
    assertThat(yesterday.maintenanceRequests()).isEqualTo(510);
    assertThat(yesterday.health()).isEqualTo(Health.DEGRADED);
    assertThat(checkout.maintenanceRequests()).isEqualTo(510);
    assertThat(checkout.requests()).isEqualTo(1_985);
    assertThat(checkout.uptimePercent()).isEqualTo(100.0 * 1_980 / 1_985);
  }

  @Test
  void aDayWhoseRequestsCameInsideMaintenanceIsDrawnAsMaintenance() {
    List<DayBucket> days = List.of(new DayBucket(CHECKOUT, TODAY.minusDays(1), tally(3, 500, 0)));
    List<WindowTally> held =
        List.of(new WindowTally("aaaaaaaaaaaa", new DayBucket(CHECKOUT, TODAY.minusDays(1), tally(0, 500, 0))));

    RouteStatus checkout =
        card(builder.build(NOW, 2, ROUTES, days, List.of(), false, List.of(), held), CHECKOUT);

    assertThat(checkout.days().get(0).health()).isEqualTo(Health.MAINTENANCE);
    assertThat(checkout.days().get(0).requests()).isEqualTo(3);
    assertThat(checkout.uptimePercent()).isEqualTo(100.0);
  }

  @Test
  void todayInMaintenanceIsNoCurrentVerdictOnceTheWindowIsOver() {
    List<DayBucket> days = List.of(new DayBucket(CHECKOUT, TODAY, tally(0, 500, 0)));
    List<WindowTally> held =
        List.of(new WindowTally("aaaaaaaaaaaa", new DayBucket(CHECKOUT, TODAY, tally(0, 500, 0))));

    RouteStatus checkout =
        card(builder.build(NOW, 2, ROUTES, days, List.of(), false, List.of(), held), CHECKOUT);

    assertThat(checkout.days().get(1).health()).isEqualTo(Health.MAINTENANCE);
    assertThat(checkout.current()).isEqualTo(Health.NO_DATA);
  }

  @Test
  void aSettingKeepsMaintenanceTrafficInTheUptime() {
    PageBuilder keeping = new PageBuilder(PageSettings.defaults("Shop"), HealthPolicy.defaults(), false);
    List<DayBucket> days = List.of(new DayBucket(CHECKOUT, TODAY.minusDays(1), tally(3, 500, 0)));
    List<WindowTally> held =
        List.of(new WindowTally("aaaaaaaaaaaa", new DayBucket(CHECKOUT, TODAY.minusDays(1), tally(0, 500, 0))));

    RouteStatus checkout =
        card(keeping.build(NOW, 2, ROUTES, days, List.of(), false, List.of(), held), CHECKOUT);

    DayStatus yesterday = checkout.days().get(0);
    assertThat(yesterday.health()).isEqualTo(Health.MAJOR_OUTAGE);
    assertThat(yesterday.requests()).isEqualTo(503);
    assertThat(yesterday.maintenanceRequests()).isEqualTo(500);
    assertThat(checkout.uptimePercent()).isEqualTo(100.0 * 3 / 503);
  }
}
