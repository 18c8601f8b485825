package dev.trafficstatus.core.evaluate;

import static dev.trafficstatus.core.evaluate.SimulatedTraffic.CHECKOUT;
import static dev.trafficstatus.core.evaluate.SimulatedTraffic.SEARCH;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficstatus.core.status.Grouping;
import dev.trafficstatus.core.status.HealthPolicy;
import dev.trafficstatus.core.status.PageSettings;
import dev.trafficstatus.core.status.StatusService;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.notice.Notice;
import dev.trafficstatus.spi.notice.NoticeStatus;
import dev.trafficstatus.spi.page.DayStatus;
import dev.trafficstatus.spi.Health;
import dev.trafficstatus.spi.page.RouteStatus;
import dev.trafficstatus.spi.page.StatusPage;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 17's story, at the core: a window is scheduled, the route fails during it (no incident,
 * uptime unchanged, today's square under maintenance, the requests shown as maintenance), the
 * window ends while the route still fails (an incident opens within the evaluator's window), the
 * route recovers (the incident resolves). The page is read as the page's background reads it.
 */
class MaintenanceStoryTest {

  private final SimulatedTraffic shop = new SimulatedTraffic("2026-03-01T01:50:20Z");
  private final Evaluator evaluator =
      shop.evaluator(
          IncidentSettings.defaults(),
          new MaintenanceWindowSettings(
              Duration.ofDays(1),
              List.of(new RecurringWindow("Checkout upgrade", List.of(CHECKOUT),
                  WindowRule.parse("SUN 02:00-02:30"), "Upgrading the payment provider.")),
              true));
  // The page shows times in Tokyo; windows and days stay UTC.
  private final StatusService service =
      new StatusService(
          shop.store,
          new PageSettings("Shop", 7, 30, ZoneId.of("Asia/Tokyo"), Duration.ofMinutes(1),
              Duration.ofMinutes(10), Duration.ofMinutes(15), List.of(), Grouping.GROUP),
          HealthPolicy.defaults(),
          shop.clock);

  private void minutes(int count) {
    shop.minutes(count, evaluator);
  }

  private StatusPage page() {
    service.invalidate();
    return service.page(7);
  }

  private static RouteStatus card(StatusPage page, RouteKey route) {
    return page.groups().stream().flatMap(g -> g.routes().stream())
        .filter(r -> r.key().equals(route)).findFirst().orElseThrow();
  }

  private static DayStatus today(RouteStatus card) {
    return card.days().get(card.days().size() - 1);
  }

  @Test
  void failuresInsideTheWindowAreMaintenanceAndOnesAfterItAreAnIncident() {
    // Yesterday went well: that is the uptime of the week.
    shop.write(CHECKOUT, Instant.parse("2026-02-28T12:00:00Z"), 10_000, 0);
    shop.traffic(SEARCH, 100, 0);
    minutes(10);
    assertThat(card(page(), CHECKOUT).uptimePercent()).isEqualTo(100.0);

    shop.traffic(CHECKOUT, 0, 100);
    minutes(20);

    assertThat(shop.incidents()).isEmpty();
    StatusPage during = page();
    RouteStatus checkout = card(during, CHECKOUT);
    assertThat(during.headline()).isEqualTo("Service Under Maintenance");
    assertThat(checkout.current()).isEqualTo(Health.MAINTENANCE);
    assertThat(checkout.uptimePercent()).isEqualTo(100.0);
    assertThat(today(checkout).health()).isEqualTo(Health.MAINTENANCE);
    assertThat(today(checkout).maintenanceRequests()).isEqualTo(2_000);
    assertThat(today(checkout).requests()).isZero();
    assertThat(card(during, SEARCH).current()).isEqualTo(Health.OPERATIONAL);

    // 02:30: the window is over and Checkout still fails.
    minutes(10);
    Notice window = shop.maintenances().stream()
        .filter(n -> n.scheduledFor().equals(Instant.parse("2026-03-01T02:00:00Z"))).findFirst().orElseThrow();
    assertThat(window.status()).isEqualTo(NoticeStatus.COMPLETED);
    assertThat(shop.incidents()).isEmpty();
    minutes(1);
    Notice incident = shop.incidents().get(0);
    assertThat(incident.affected()).singleElement().satisfies(s -> assertThat(s.state()).isEqualTo(Health.MAJOR_OUTAGE));
    assertThat(incident.updates().get(0).body())
        .isEqualTo("Checkout: major outage, 100 % of requests failing over the last 5 minutes (100 of 100).");
    StatusPage after = page();
    assertThat(after.headline()).isEqualTo("Major Outage");
    assertThat(today(card(after, CHECKOUT)).maintenanceRequests()).isEqualTo(3_000);
    assertThat(today(card(after, CHECKOUT)).failures()).isEqualTo(100);

    shop.traffic(CHECKOUT, 100, 0);
    minutes(5 + 15);
    assertThat(shop.incidents()).singleElement().satisfies(i -> assertThat(i.isOpen()).isFalse());
    assertThat(shop.incidents().get(0).updates()).hasSize(3);
    StatusPage recovered = page();
    assertThat(recovered.headline()).isEqualTo("All Systems Operational");
    assertThat(today(card(recovered, CHECKOUT)).maintenanceRequests()).isEqualTo(3_000);
  }
}
