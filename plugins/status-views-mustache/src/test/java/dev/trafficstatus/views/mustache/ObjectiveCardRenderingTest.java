package dev.trafficstatus.views.mustache;

import static dev.trafficstatus.views.mustache.PageFixtures.Html.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.page.ObjectiveStatus;
import dev.trafficstatus.spi.page.StatusPage;
import dev.trafficstatus.views.mustache.PageFixtures.Html;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** A route card with an objective: target, attainment, budget bar and figure, burn, sparkline. */
class ObjectiveCardRenderingTest {

  private static final RouteKey ORDERS = new RouteKey("orders", "/orders/{id}");

  /** 1,000,000 requests at 99.9 %: 1,000 allowed, 250 spent, 75 % left; burning 14.4x. */
  private static ObjectiveStatus checkout(boolean alerting) {
    List<Double> days = new ArrayList<>(Arrays.asList(null, null));
    for (int i = 2; i <= 30; i++) {
      days.add(100.0 - i);
    }
    return new ObjectiveStatus("checkout", "availability", 99.9, null, 30, List.of(ORDERS), 99.975,
        1_000, 250, 75.0, 14.4, Duration.ofMinutes(2_250), alerting, days);
  }

  private static Html render(StatusPage page) {
    return PageFixtures.parse(PageFixtures.render(PageFixtures.renderer(), page));
  }

  @Test
  void theCardOfACoveredRouteShowsTargetAttainmentBudgetBurnAndSparkline() {
    Html html = render(PageFixtures.seeded().withObjectives(List.of(checkout(true))));

    Element card = html.one("//article[header/h3 = 'Orders']");
    Element objective = html.one(card, ".//section[contains(@class, 'objective')]");
    assertThat(text(objective)).contains(
        "Objective checkout: availability 99.9 % over 30 days",
        "Burning fast",
        "99.97 % attained",
        "75.0 % of the error budget left (750 of 1,000 requests)",
        "Burning 14.4× over the last hour, spent in 1 day 13 h at this rate");
    Element bar = html.one(objective, ".//*[local-name() = 'svg' and contains(@class, 'budget-bar')]");
    assertThat(bar.getAttribute("class")).contains("budget-ok");
    assertThat(html.one(bar, ".//*[local-name() = 'rect' and @class = 'budget-left']").getAttribute("width"))
        .isEqualTo("75");
    String points = html.one(objective, ".//*[local-name() = 'polyline']").getAttribute("points");
    // Days 2 to 30 of 31 (the first two had no requests): x from 6.7 to 100, y = 20 - 20 * left / 100.
    assertThat(points).startsWith("6.7,0.4 10.0,0.6").endsWith("100.0,6.0");
    assertThat(html.all("//section[contains(@class, 'objective')]")).hasSize(1);
    assertThat(html.one("//footer//p[@class = 'objectives-link']/a").getAttribute("href"))
        .isEqualTo("/status/objectives?sort=remaining");
  }

  @Test
  void aPageWithoutObjectivesLinksToNone() {
    Html html = render(PageFixtures.seeded());

    assertThat(html.all("//p[@class = 'objectives-link']")).isEmpty();
    assertThat(html.all("//section[contains(@class, 'objective')]")).isEmpty();
  }

  @Test
  void withoutRequestsTheCardSaysSoInsteadOfAHundredPercent() {
    ObjectiveStatus quiet = new ObjectiveStatus("checkout", "latency", 99, Duration.ofMillis(300), 30,
        List.of(ORDERS), null, 0, 0, null, null, null, false, new ArrayList<>(Arrays.asList(new Double[31])));

    Html html = render(PageFixtures.seeded().withObjectives(List.of(quiet)));

    Element objective = html.one("//article[header/h3 = 'Orders']//section[contains(@class, 'objective')]");
    assertThat(text(objective)).contains("99 % within 300 ms over 30 days", "No requests yet",
        "No error budget yet", "No requests in the last hour").doesNotContain("100 %", "Burning fast");
    assertThat(html.all(objective, ".//*[local-name() = 'polyline']")).isEmpty();
  }
}
