package dev.trafficstatus.views.mustache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficstatus.spi.Health;
import dev.trafficstatus.spi.page.DayStatus;
import dev.trafficstatus.spi.page.RouteGroup;
import dev.trafficstatus.spi.page.RouteStatus;
import dev.trafficstatus.spi.page.StatusPage;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * Windows longer than 90 days are drawn a week a square (issue 23): a year is 53 squares a route
 * instead of 365, each naming its dates, its worst day's state and the week's uptime.
 */
class LongWindowRenderingTest {


  /** Monday 2025-02-03 to Sunday 2025-02-09: one partial outage, one busy day. */
  private static final LocalDate WEEK = LocalDate.of(2025, 2, 3);

  private static RouteStatus orders(int days) {
    LocalDate first = PageFixtures.TODAY.minusDays(days - 1L);
    return PageFixtures.route("/orders/{id}", "Orders", "", Health.OPERATIONAL, 99.9, days * 1_000L, 101,
        PageFixtures.window(days, i -> {
          LocalDate date = first.plusDays(i);
          if (date.equals(WEEK.plusDays(1))) {
            return PageFixtures.day(date, Health.PARTIAL_OUTAGE, 1_000, 100);
          }
          if (date.equals(WEEK.plusDays(2))) {
            return PageFixtures.day(date, Health.OPERATIONAL, 2_000, 1);
          }
          if (date.isBefore(LocalDate.of(2024, 4, 1))) {
            return PageFixtures.noData(date, 0);
          }
          return PageFixtures.day(date, Health.OPERATIONAL, 1_000, 0);
        }));
  }

  private static PageFixtures.Html render(int days) {
    StatusPage page = PageFixtures.page("Orders API", Health.OPERATIONAL, "All Systems Operational",
        ZoneId.of("UTC"), days, List.of(new RouteGroup("Orders", List.of(orders(days)))));
    return PageFixtures.parse(PageFixtures.render(PageFixtures.renderer(), page));
  }

  @Test
  void aYearIsDrawnAWeekASquareEachNamingItsDatesWorstDayAndUptime() {
    PageFixtures.Html html = render(365);
    Element row = html.one("//article[header/h3 = 'Orders']/ol");
    List<Element> squares = html.all(row, "li");

    assertThat(row.getAttribute("aria-label"))
        .isEqualTo("Weekly status of Orders over the last 365 days, oldest first");
    assertThat(squares).as("52 weeks from Monday 2024-03-11, and today, a Monday").hasSize(53);
    assertThat(squares.get(0).getAttribute("title"))
        .isEqualTo("2024-03-11 to 2024-03-17 · No data (no requests)");
    assertThat(squares.get(0).getAttribute("class")).isEqualTo("day state-nodata");
    // Monday 2024-03-25 to Sunday 2024-03-31 has no requests; 2024-04-01 starts the next week.
    assertThat(squares.get(3).getAttribute("title")).startsWith("2024-04-01 to 2024-04-07 · Operational · ");

    // 5 days of 1,000 requests, 1,000 with 100 failures, 2,000 with 1 failure: 8,000 requests,
    // 101 failures, 7,899 successes; 7,899 / 8,000 = 98.7375 %.
    Element week = squares.stream()
        .filter(square -> square.getAttribute("title").startsWith(WEEK.toString()))
        .findFirst().orElseThrow();
    assertThat(week.getAttribute("title")).isEqualTo("2025-02-03 to 2025-02-09 · Partial outage"
        + " · 8,000 requests: 7,899 successes, 101 failures, 0 ignored · 98.73 % uptime"
        + " · worst day 2025-02-04 · highest daily p99 120 ms");
    assertThat(week.getAttribute("class")).isEqualTo("day state-partial");
    assertThat(squares.get(52).getAttribute("title")).isEqualTo("2025-03-10 to 2025-03-10 (today, so far)"
        + " · Operational · 1,000 requests: 1,000 successes, 0 failures, 0 ignored · 100 % uptime"
        + " · highest daily p99 120 ms");
    assertThat(PageFixtures.Html.text(html.one("//p[@class='legend-note']")))
        .startsWith("Each square is one week, Monday to Sunday in UTC, drawn in the state of its worst day");
  }

  @Test
  void aWindowStartingMidWeekStartsWithThatWeeksDaysInTheWindow() {
    // 100 days back from Monday 2025-03-10 is Sunday 2024-12-01: a week of one day first.
    List<Element> squares = render(100).all("//article[header/h3 = 'Orders']/ol/li");

    assertThat(squares).hasSize(1 + 14 + 1);
    assertThat(squares.get(0).getAttribute("title")).startsWith("2024-12-01 to 2024-12-01 · Operational · 1,000 requests");
    assertThat(squares.get(1).getAttribute("title")).startsWith("2024-12-02 to 2024-12-08 · Operational · 7,000 requests");
  }

  @Test
  void ninetyDaysStayADayASquare() {
    PageFixtures.Html html = render(90);
    assertThat(html.all("//article[header/h3 = 'Orders']/ol/li")).hasSize(90);
    assertThat(html.one("//article[header/h3 = 'Orders']/ol").getAttribute("aria-label"))
        .isEqualTo("Daily status of Orders over the last 90 days, oldest first");
  }
}
