package dev.trafficstatus.views.mustache;

import static dev.trafficstatus.views.mustache.PageFixtures.Html.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficstatus.spi.notice.Impact;
import dev.trafficstatus.spi.notice.Notice;
import dev.trafficstatus.spi.notice.NoticeKind;
import dev.trafficstatus.spi.notice.NoticeStatus;
import dev.trafficstatus.spi.notice.RouteState;
import dev.trafficstatus.spi.page.DayStatus;
import dev.trafficstatus.spi.Health;
import dev.trafficstatus.spi.page.RouteGroup;
import dev.trafficstatus.spi.page.RouteStatus;
import dev.trafficstatus.spi.page.StatusPage;
import dev.trafficstatus.views.mustache.PageFixtures.Html;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * Planned maintenance as the model says it (issue 17): the headline, the cards under maintenance,
 * days inside a window drawn as maintenance with words, and uptime that says what it leaves out.
 */
class MaintenanceRenderingTest {

  private static final LocalDate MOVED = LocalDate.of(2025, 3, 9);

  /** Yesterday's window: two hours on the payments route. */
  private static final Notice MOVE = new Notice("move00000001", NoticeKind.MAINTENANCE,
      "Payments database move", NoticeStatus.COMPLETED, Impact.MAINTENANCE, false, true,
      NoticeFixtures.at("2025-03-01T08:00:00Z"), NoticeFixtures.at("2025-03-09T01:00:00Z"),
      NoticeFixtures.at("2025-03-09T03:00:00Z"), null, NoticeFixtures.at("2025-03-09T03:00:00Z"),
      NoticeFixtures.at("2025-03-09T01:00:00Z"), NoticeFixtures.at("2025-03-09T03:00:00Z"),
      List.of(new RouteState(NoticeFixtures.PAYMENTS, Health.MAINTENANCE)), List.of(), 2);

  private final List<RouteGroup> groups = underMaintenance();

  private static List<RouteGroup> underMaintenance() {
    StatusPage seeded = PageFixtures.seeded();
    List<RouteGroup> groups = new ArrayList<>();
    for (RouteGroup group : seeded.groups()) {
      List<RouteStatus> routes = new ArrayList<>();
      for (RouteStatus route : group.routes()) {
        if (!route.key().equals(NoticeFixtures.PAYMENTS)) {
          routes.add(route);
          continue;
        }
        List<DayStatus> days = new ArrayList<>();
        for (DayStatus day : route.days()) {
          days.add(day.day().equals(MOVED)
              ? new DayStatus(MOVED, Health.MAINTENANCE, 0, 0, 0, 0, null, null, 500)
              : day);
        }
        routes.add(new RouteStatus(route.key(), route.name(), route.doc(), Health.MAINTENANCE,
            route.uptimePercent(), route.requests(), route.successes(), route.failures(),
            route.ignored(), route.latency(), days, 700));
      }
      groups.add(new RouteGroup(group.name(), routes));
    }
    return groups;
  }

  private Html render(boolean excluded) {
    StatusPage seeded = PageFixtures.seeded();
    StatusPage page = new StatusPage(seeded.title(), Health.MAINTENANCE, "Service Under Maintenance",
        seeded.generatedAt(), seeded.zone(), seeded.firstDay(), seeded.lastDay(), seeded.maxDays(),
        seeded.minimumRequests(), seeded.refresh(), groups, false,
        List.of(NoticeFixtures.SWITCH, MOVE), excluded);
    return PageFixtures.parse(PageFixtures.render(PageFixtures.renderer(), page));
  }

  private Element payments(Html html) {
    return html.one("//article[header/h3 = 'Payments']");
  }

  @Test
  void theHeadlineAndTheCardSayUnderMaintenanceInWords() {
    Html html = render(true);

    assertThat(html.one("//p[@id='headline']").getAttribute("class")).isEqualTo("headline state-maintenance");
    assertThat(text(html.one("//p[@id='headline']"))).isEqualTo("Service Under Maintenance");
    Element pill = html.one(payments(html), ".//span[contains(@class, 'pill')]");
    assertThat(pill.getAttribute("class")).isEqualTo("pill state-maintenance");
    assertThat(text(pill)).isEqualTo("Current status: Under maintenance");
  }

  @Test
  void aDayInsideMaintenanceIsDrawnAsMaintenanceAndSaysSoInItsTooltip() {
    Html html = render(true);

    Element square = html.all(payments(html), ".//li").stream()
        .filter(li -> li.getAttribute("title").startsWith(MOVED.toString()))
        .findFirst().orElseThrow();
    assertThat(square.getAttribute("class")).isEqualTo("day state-maintenance");
    assertThat(square.getAttribute("title"))
        .contains(" · Under maintenance · ")
        .contains(" · 500 requests during maintenance")
        .endsWith(" · Maintenance: \u2068Payments database move\u2069");
    assertThat(html.all("//ul[@class='legend-list']/li/span[@class='swatch state-maintenance']"))
        .hasSize(1);
  }

  @Test
  void theUptimeSaysHowLongMaintenanceItLeavesOut() {
    Html html = render(true);

    // Two hours yesterday, and the switch running since 14:00 CET (13:00 UTC) until now, 14:03 UTC.
    assertThat(text(html.one(payments(html), ".//span[@class='uptime']")))
        .isEqualTo("99.99 % uptime in the last 90 days, excluding 3 h 3 min of maintenance");
    assertThat(text(html.one(payments(html), ".//p[@class='totals']")))
        .contains(" · 700 requests during maintenance");
    assertThat(text(html.one("//article[header/h3 = 'Orders']//span[@class='uptime']")))
        .as("a route no window touched").isEqualTo("99.95 % uptime in the last 90 days");
  }

  @Test
  void anUptimeThatKeepsMaintenanceInClaimsNothingElse() {
    Html html = render(false);

    assertThat(text(html.one(payments(html), ".//span[@class='uptime']")))
        .isEqualTo("99.99 % uptime in the last 90 days");
  }

  @Test
  void theBannerShowsTheMaintenanceInProgressWithItsLatestUpdate() {
    Html html = render(true);

    Element banner = html.one("//section[h2 = 'Maintenance in progress']");
    assertThat(text(html.one(banner, ".//h3"))).isEqualTo("Payment provider switch");
    assertThat(text(html.one(banner, ".//p[@class='update-time']")))
        .isEqualTo("In progress · 2025-03-10 14:05 CET");
  }
}
