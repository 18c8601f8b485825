package dev.trafficstatus.core.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.page.DayStatus;
import dev.trafficstatus.spi.page.StatusPage;
import dev.trafficstatus.spi.store.DayBucket;
import dev.trafficstatus.spi.store.StoredRoute;
import dev.trafficstatus.spi.store.WindowTally;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A page builder keeps the day statuses it built and builds anew only the days whose tallies are
 * new (issue 23): whatever it built before, a page is what a fresh builder makes of the same figures.
 */
class KeptDayStatusesTest {

  private static final Instant NOW = Instant.parse("2026-11-26T10:30:00Z");
  private static final LocalDate TODAY = LocalDate.parse("2026-11-26");
  private static final RouteKey HOME = new RouteKey("shop", "/");
  private static final RouteKey ITEMS = new RouteKey("shop", "/items/{id}");

  private final PageBuilder kept = builder();

  private static PageBuilder builder() {
    return new PageBuilder(PageSettings.defaults("Shop"), HealthPolicy.defaults());
  }

  private static List<StoredRoute> routes(String homeName) {
    return List.of(new StoredRoute(HOME, homeName, "", "Shop", false, false),
        new StoredRoute(ITEMS, "Items", "", "Shop", false, false));
  }

  private static List<DayBucket> ninetyDays() {
    List<DayBucket> days = new ArrayList<>();
    for (int back = 0; back < 90; back++) {
      days.add(new DayBucket(HOME, TODAY.minusDays(back), PageBuilderTest.tally(100, 0, 0)));
      days.add(new DayBucket(ITEMS, TODAY.minusDays(back), PageBuilderTest.tally(200, 1, 0)));
    }
    return days;
  }

  private static StatusPage build(PageBuilder builder, List<StoredRoute> routes, List<DayBucket> days,
      List<WindowTally> maintenance) {
    return builder.build(NOW, 90, routes, days, List.of(), false, List.of(), maintenance);
  }

  private static DayStatus day(StatusPage page, String route, LocalDate date) {
    return page.groups().get(0).routes().stream().filter(r -> r.name().equals(route)).findFirst()
        .orElseThrow().days().stream().filter(d -> d.day().equals(date)).findFirst().orElseThrow();
  }

  @Test
  void aClosedDayWrittenToLateShowsItsNewFiguresAmongKeptOnes() {
    List<DayBucket> days = ninetyDays();
    StatusPage first = build(kept, routes("Home"), days, List.of());
    assertThat(build(kept, routes("Home"), days, List.of())).isEqualTo(first);

    // The same days but one, a month back, read again after a late write.
    LocalDate late = TODAY.minusDays(30);
    List<DayBucket> later = new ArrayList<>(days);
    later.replaceAll(bucket -> bucket.route().equals(HOME) && bucket.day().equals(late)
        ? new DayBucket(HOME, late, PageBuilderTest.tally(100, 60, 0)) : bucket);
    StatusPage second = build(kept, routes("Home"), later, List.of());

    assertThat(second).isEqualTo(build(builder(), routes("Home"), later, List.of()));
    assertThat(day(first, "Home", late).failures()).isZero();
    DayStatus now = day(second, "Home", late);
    assertThat(now.requests()).isEqualTo(160);
    assertThat(now.failures()).isEqualTo(60);
    assertThat(now.health()).isEqualTo(dev.trafficstatus.spi.Health.MAJOR_OUTAGE);
    assertThat(second.groups().get(0).routes().get(0).failures()).as("the window's failures").isEqualTo(60);
  }

  @Test
  void maintenanceOnAKeptDayAndARenamedRouteAreNeverServedFromKeptStatuses() {
    List<DayBucket> days = ninetyDays();
    build(kept, routes("Home"), days, List.of());
    LocalDate day = TODAY.minusDays(3);
    List<WindowTally> maintenance = List.of(new WindowTally("aaaaaaaaaaaa",
        new DayBucket(ITEMS, day, PageBuilderTest.tally(150, 1, 0))));

    StatusPage page = build(kept, routes("Home page"), days, maintenance);

    assertThat(page).isEqualTo(build(builder(), routes("Home page"), days, maintenance));
    assertThat(day(page, "Items", day).maintenanceRequests()).isEqualTo(151);
    assertThat(day(page, "Items", day).requests()).isEqualTo(50);
    assertThat(page.groups().get(0).routes()).extracting(r -> r.name()).containsExactly("Home page", "Items");
  }
}
