package dev.trafficstatus.views.mustache;

import static dev.trafficstatus.views.mustache.PageFixtures.Html.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficstatus.spi.Health;
import dev.trafficstatus.spi.page.PageRenderer;
import dev.trafficstatus.spi.page.RouteGroup;
import dev.trafficstatus.spi.page.StatusPage;
import dev.trafficstatus.views.mustache.PageFixtures.Html;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class StatusPageRenderingTest {

  private final PageRenderer renderer = PageFixtures.renderer();

  private final String source = PageFixtures.render(renderer, PageFixtures.seeded());

  private final Html html = PageFixtures.parse(source);

  private Element card(String name) {
    return html.one("//article[h3 = '" + name + "' or header/h3 = '" + name + "']");
  }

  private List<Element> squares(Element card) {
    return html.all(card, ".//ol[contains(@class, 'days')]/li");
  }

  @Test
  void isAnHtml5DocumentThatIsAlsoWellFormedXml() {
    assertThat(source).startsWith("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">");
    assertThat(html.document().getDocumentElement().getTagName()).isEqualTo("html");
    assertThat(html.one("//head/meta[@charset]").getAttribute("charset")).isEqualTo("UTF-8");
    assertThat(renderer.mediaType()).isEqualTo("text/html;charset=UTF-8");
  }

  @Test
  void visitorsWhoAskAtOnceForTheFirstPageAllGetTheWholePage() throws Exception {
    // The built-in templates are compiled at their first render, not when the renderer is built:
    // several first requests at once compile them together.
    PageRenderer fresh = PageFixtures.renderer();
    StatusPage page = PageFixtures.seeded();
    ExecutorService visitors = Executors.newFixedThreadPool(8);
    try {
      List<Future<String>> pages = visitors.invokeAll(
          IntStream.range(0, 8).<Callable<String>>mapToObj(i -> () -> PageFixtures.render(fresh, page)).toList());
      for (Future<String> rendered : pages) {
        assertThat(rendered.get(60, TimeUnit.SECONDS)).isEqualTo(source);
      }
    } finally {
      visitors.shutdownNow();
    }
  }

  @Test
  void showsOneSquarePerDayOfTheWindowForEveryRoute() {
    List<Element> cards = html.all("//article[contains(@class, 'card')]");
    assertThat(cards).hasSize(3);
    for (Element card : cards) {
      assertThat(squares(card)).hasSize(90);
    }

    StatusPage month = PageFixtures.page("Orders API", Health.OPERATIONAL, "All Systems Operational",
        ZoneOffset.UTC, 30, List.of(new RouteGroup("OrdersResource",
            List.of(PageFixtures.healthyRoute("/orders", "Orders", "", 30)))));
    Html monthPage = PageFixtures.parse(PageFixtures.render(renderer, month));
    assertThat(monthPage.all("//ol[contains(@class, 'days')]/li")).hasSize(30);
  }

  @Test
  void squaresRunFromTheOldestDayToToday() {
    List<Element> days = squares(card("Orders"));
    assertThat(days.get(0).getAttribute("title")).startsWith("2024-12-11 · ");
    assertThat(days.get(89).getAttribute("title")).startsWith("2025-03-10 (today, so far) · ");
    assertThat(text(html.one(card("Orders"), ".//span[@class='axis-start']"))).isEqualTo("2024-12-11");
    assertThat(text(html.one(card("Orders"), ".//span[@class='axis-end']"))).isEqualTo("Today");
  }

  @Test
  void aSquareTellsItsDateRequestsFailuresUptimeAndLatencyInItsTitleOnce() {
    Element today = squares(card("Orders")).get(89);
    String expected = "2025-03-10 (today, so far) · Operational · 12,345 requests: 12,300 successes,"
        + " 2 failures, 43 ignored · 99.98 % uptime · p50 12 ms · p95 40 ms · p99 120 ms";
    assertThat(today.getAttribute("title")).isEqualTo(expected);
    // The title is also the accessible name; an aria-label would only repeat it in every square.
    assertThat(today.hasAttribute("aria-label")).isFalse();
    assertThat(today.getAttribute("class")).isEqualTo("day state-operational");

    Element outage = squares(card("Orders")).get(20);
    assertThat(outage.getAttribute("class")).isEqualTo("day state-major");
    assertThat(outage.getAttribute("title")).isEqualTo("2024-12-31 · Major outage · 2,000 requests:"
        + " 500 successes, 1,500 failures, 0 ignored · 25.00 % uptime · p50 12 ms · p95 40 ms"
        + " · p99 120 ms");

    Element degraded = squares(card("Orders")).get(30);
    assertThat(degraded.getAttribute("class")).isEqualTo("day state-degraded");
    assertThat(degraded.getAttribute("title"))
        .contains("Degraded · 10,000 requests: 9,985 successes, 15 failures, 0 ignored · 99.85 % uptime");
  }

  @Test
  void aDayBelowTheMinimumIsNoDataAndSaysWhy() {
    List<Element> days = squares(card("Orders"));
    assertThat(days.get(10).getAttribute("class")).isEqualTo("day state-nodata");
    assertThat(days.get(10).getAttribute("title"))
        .isEqualTo("2024-12-21 · No data (3 requests, below the minimum of 10)");
    assertThat(days.get(0).getAttribute("title")).isEqualTo("2024-12-11 · No data (no requests)");

    // It looks unlike any outage: hatched grey, not a color of its own.
    String css = new String(
        renderer.asset("status.css").orElseThrow().content(), StandardCharsets.UTF_8);
    String noData = rule(css, ".state-nodata {");
    assertThat(noData).contains("repeating-linear-gradient").contains("var(--nodata)");
    assertThat(noData).doesNotContain("--major").doesNotContain("--partial").doesNotContain("--degraded");
  }

  @Test
  void headlineShowsTheOverallStateInWordsAndColor() {
    Element headline = html.one("//p[@id='headline']");
    assertThat(text(headline)).isEqualTo("Degraded Performance");
    assertThat(headline.getAttribute("class")).isEqualTo("headline state-degraded");
    assertThat(text(html.one("//h1"))).isEqualTo("Orders API");
    assertThat(text(html.one("//head/title"))).isEqualTo("Orders API");
  }

  @Test
  void aCardShowsNameRuleDocAndCurrentStatusInWords() {
    Element orders = card("Orders");
    assertThat(text(html.one(orders, ".//p[@class='rule']/code"))).isEqualTo("/orders/{id}");
    assertThat(text(html.one(orders, ".//p[@class='doc']"))).isEqualTo("Looks up one order by its id.");
    Element pill = html.one(orders, ".//span[contains(@class, 'pill')]");
    assertThat(pill.getAttribute("class")).isEqualTo("pill state-operational");
    assertThat(text(pill)).isEqualTo("Current status: Operational");

    Element payments = card("Payments");
    assertThat(html.all(payments, ".//p[@class='doc']")).as("no empty doc paragraph").isEmpty();
    assertThat(text(html.one(payments, ".//span[contains(@class, 'pill')]")))
        .isEqualTo("Current status: Degraded");
  }

  @Test
  void uptimeCoversTheWindowAndNeverRoundsUpToAHundred() {
    assertThat(text(html.one(card("Orders"), ".//span[@class='uptime']")))
        .isEqualTo("99.95 % uptime in the last 90 days");
    assertThat(text(html.one(card("Payments"), ".//span[@class='uptime']")))
        .isEqualTo("99.99 % uptime in the last 90 days");
    assertThat(text(html.one(card("Example probe"), ".//span[@class='uptime']")))
        .isEqualTo("100 % uptime in the last 90 days");
    assertThat(text(html.one(card("Orders"), ".//p[@class='totals']")))
        .isEqualTo("200,000 requests: 199,767 successes, 90 failures, 143 ignored · p50 12 ms"
            + " · p95 40 ms · p99 120 ms");
  }

  @Test
  void aRouteWithTooFewRequestsInTheWindowHasNoUptimeVerdict() {
    StatusPage quiet = PageFixtures.page("Quiet", Health.NO_DATA, "No Data Yet", ZoneOffset.UTC, 30,
        List.of(new RouteGroup("Quiet", List.of(PageFixtures.route("/rare", "Rare", "",
            Health.NO_DATA, 50.0, 4, 2,
            PageFixtures.window(30, i -> PageFixtures.noData(PageFixtures.TODAY.minusDays(29 - i), 0)))))));
    Html page = PageFixtures.parse(PageFixtures.render(renderer, quiet));
    assertThat(text(page.one("//span[@class='uptime']"))).isEqualTo("No data in the last 30 days");
    assertThat(page.one("//span[contains(@class, 'pill')]").getAttribute("class"))
        .isEqualTo("pill state-nodata");
  }

  @Test
  void cardsAppearUnderTheirGroupHeadingsInOrder() {
    List<Element> groups = html.all("//section[contains(@class, 'group')]");
    assertThat(groups).extracting(g -> text(html.one(g, "h2"))).containsExactly("OrdersResource", "Probes");
    assertThat(html.all(groups.get(0), ".//article/header/h3")).extracting(Html::text)
        .containsExactly("Orders", "Payments");
    assertThat(html.all(groups.get(1), ".//article/header/h3")).extracting(Html::text)
        .containsExactly("Example probe");
    assertThat(groups.get(0).getAttribute("aria-labelledby"))
        .isEqualTo(html.one(groups.get(0), "h2").getAttribute("id"));
  }

  @Test
  void lastUpdatedIsShownInTheConfiguredZoneWithTheZoneNamed() {
    Element time = html.one("//p[@class='meta']//time");
    assertThat(text(html.one("//span[@class='updated']")))
        .isEqualTo("Last updated 2025-03-10 15:03:07 CET (Europe/Berlin)");
    assertThat(time.getAttribute("datetime")).isEqualTo("2025-03-10T14:03:07Z");

    StatusPage utc = PageFixtures.page("Orders API", Health.OPERATIONAL, "All Systems Operational",
        ZoneId.of("UTC"), 90, List.of());
    assertThat(text(PageFixtures.parse(PageFixtures.render(renderer, utc)).one("//span[@class='updated']")))
        .isEqualTo("Last updated 2025-03-10 14:03:07 UTC");
  }

  @Test
  void staleFiguresSayInTheHeaderSinceWhenAndWhy() {
    assertThat(html.all("//p[@id='stale']")).as("current figures need no line").isEmpty();
    StatusPage page = PageFixtures.seeded();
    StatusPage stale = new StatusPage(page.title(), page.overall(), page.headline(),
        page.generatedAt(), page.zone(), page.firstDay(), page.lastDay(), page.maxDays(),
        page.minimumRequests(), page.refresh(), page.groups(), true);

    Html rendered = PageFixtures.parse(PageFixtures.render(renderer, stale));

    Element line = rendered.one("//header[@class='masthead']/p[@id='stale']");
    assertThat(text(line))
        .isEqualTo("Figures as of 15:03 CET: the status database is unreachable");
    assertThat(line.getAttribute("role")).isEqualTo("status");
    StatusPage utc = new StatusPage(page.title(), page.overall(), page.headline(),
        page.generatedAt(), ZoneOffset.UTC, page.firstDay(), page.lastDay(), page.maxDays(),
        page.minimumRequests(), page.refresh(), page.groups(), true);
    assertThat(text(PageFixtures.parse(PageFixtures.render(renderer, utc)).one("//p[@id='stale']")))
        .isEqualTo("Figures as of 14:03 UTC: the status database is unreachable");
    assertThat(rendered.all("//article")).as("the figures are still shown").hasSize(3);
  }

  @Test
  void theRendererNamesTheWindowsItLinksTo() {
    assertThat(renderer.windows()).containsExactly(30, 90, 365);
  }

  @Test
  void reloadsItselfAtThePagesRefreshInterval() {
    Element refresh = html.one("//head/meta[@http-equiv='refresh']");
    assertThat(refresh.getAttribute("content")).isEqualTo("60");
  }

  @Test
  void offersThirtyNinetyAndThreeHundredSixtyFiveDayWindowsRelativeToThePage() {
    Element nav = html.one("//nav[@class='windows']");
    assertThat(text(nav)).isEqualTo("Showing the last 90 days: 30 days · 90 days · 365 days");
    List<Element> links = html.all(nav, "a");
    assertThat(links).extracting(a -> a.getAttribute("href"))
        .containsExactly("/status?days=30", "/status?days=90", "/status?days=365");
    assertThat(links).extracting(a -> a.getAttribute("aria-current")).containsExactly("", "page", "");
  }

  @Test
  void neverLinksToAWindowLongerThanTheServerServes() {
    StatusPage page = PageFixtures.seeded();
    StatusPage capped = new StatusPage(page.title(), page.overall(), page.headline(),
        page.generatedAt(), page.zone(), page.firstDay(), page.lastDay(), 100,
        page.minimumRequests(), page.refresh(), page.groups());

    Html rendered = PageFixtures.parse(PageFixtures.render(renderer, capped));

    assertThat(rendered.all("//nav[@class='windows']/a")).extracting(a -> a.getAttribute("href"))
        .containsExactly("/status?days=30", "/status?days=90");
  }

  @Test
  void explainsColorsInALegend() {
    assertThat(html.all("//ul[@class='legend-list']/li")).extracting(Html::text).containsExactly(
        "Operational: failures within normal bounds",
        "Degraded: more failures than usual",
        "Partial outage: many requests failed",
        "Major outage: most requests failed",
        "No data: fewer than 10 requests, too few for a verdict; neither good nor bad",
        "Under maintenance: planned work: requests inside the window count neither way");
    assertThat(html.all("//ul[@class='legend-list']/li/span")).extracting(s -> s.getAttribute("class"))
        .containsExactly("swatch state-operational", "swatch state-degraded", "swatch state-partial",
            "swatch state-major", "swatch state-nodata", "swatch state-maintenance");
  }

  @Test
  void saysSoWhenThereAreNoRoutesYet() {
    StatusPage empty = PageFixtures.page("Fresh", Health.NO_DATA, "No Data Yet", ZoneOffset.UTC, 90,
        List.of());
    Html page = PageFixtures.parse(PageFixtures.render(renderer, empty));
    assertThat(page.all("//article")).isEmpty();
    assertThat(text(page.one("//p[@class='empty']"))).startsWith("No routes to show yet");
    assertThat(text(page.one("//p[@id='headline']"))).isEqualTo("No Data Yet");
  }

  @Test
  void longWindowsAreDrawnAWeekASquareAtNormalSpacing() {
    StatusPage year = PageFixtures.page("Orders API", Health.OPERATIONAL, "All Systems Operational",
        ZoneOffset.UTC, 365, List.of(new RouteGroup("OrdersResource",
            List.of(PageFixtures.healthyRoute("/orders", "Orders", "", 365)))));
    Html page = PageFixtures.parse(PageFixtures.render(renderer, year));
    assertThat(page.one("//ol").getAttribute("class")).isEqualTo("days density-normal");
    assertThat(page.all("//ol/li")).as("52 weeks and today, a Monday").hasSize(53);
    assertThat(html.all("//ol")).extracting(ol -> ol.getAttribute("class")).containsOnly("days density-normal");
  }

  /** The declaration block that starts with {@code selector}, up to its closing brace. */
  private static String rule(String css, String selector) {
    int start = css.indexOf("\n" + selector);
    assertThat(start).as("rule " + selector).isNotNegative();
    return css.substring(start, css.indexOf("\n}", start));
  }
}
