package dev.trafficstatus.server.page;

import static dev.trafficstatus.server.page.HtmlDocument.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trafficstatus.testkit.MutableClock;
import dev.trafficstatus.server.StatusConfiguration;
import dev.trafficstatus.server.testapp.NinetyDaySeed;
import dev.trafficstatus.server.testapp.NinetyDaySeed.ExpectedDay;
import dev.trafficstatus.server.testapp.NinetyDaySeed.ExpectedRoute;
import dev.trafficstatus.server.testapp.StatusOnlyApp;
import dev.trafficstatus.spi.Health;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Element;

/**
 * The HTML page and its JSON are two renderings of one model: for 90 seeded days of five routes,
 * every figure a person reads on the page (square tooltips, card totals, uptime, states, the
 * headline) is the JSON's figure, formatted by the page's documented rules: counts with thousands
 * separators, uptime floored to two decimals and never "100 %" with a failure, latency rounded
 * half up to three significant digits in µs, ms or s.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class PageAgreementTest {

  static final DropwizardAppExtension<StatusConfiguration> APP =
      StatusOnlyApp.extension("agreement", new MutableClock(NinetyDaySeed.NOW));

  /** The page's CSS state tokens and the JSON's state names. */
  private static final Map<String, String> STATES = Map.of(
      "operational", "operational",
      "degraded", "degraded",
      "partial", "partial_outage",
      "major", "major_outage",
      "nodata", "no_data");

  private static final Map<String, Double> UNIT_NANOS = Map.of("µs", 1e3, "ms", 1e6, "s", 1e9);

  private static final Pattern COUNTS = Pattern.compile(
      "([0-9][0-9,]*) requests?: ([0-9][0-9,]*) success(?:es)?, ([0-9][0-9,]*) failures?,"
          + " ([0-9][0-9,]*) ignored");

  private static final Pattern NO_DATA =
      Pattern.compile("No data \\((no requests|([0-9][0-9,]*) requests?, .*)\\)");

  private static final Pattern UPTIME = Pattern.compile("([0-9.]+) % uptime");

  private static final Pattern LATENCY = Pattern.compile("(p50|p95|p99) (< 1 µs|([0-9.]+) (µs|ms|s))");

  private static HtmlDocument html;

  private static JsonNode json;

  @BeforeAll
  static void seedAndFetchTheHtmlAndTheJson() throws IOException {
    NinetyDaySeed.writeTo(StatusOnlyApp.store(APP));
    StatusOnlyApp.showWhatWasWritten(APP);
    PageFetcher fetcher = new PageFetcher(APP.getLocalPort());
    HttpResponse<byte[]> page = fetcher.get("/status", "Accept", "text/html");
    HttpResponse<byte[]> data = fetcher.get("/status", "Accept", "application/json");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(data.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWithIgnoringCase("text/html");
    assertThat(data.headers().firstValue("Content-Type")).hasValue("application/json");
    html = HtmlDocument.parse(page.body());
    json = new ObjectMapper().readTree(data.body());
  }

  private static List<JsonNode> jsonRoutes() {
    List<JsonNode> routes = new ArrayList<>();
    json.get("groups").forEach(group -> group.get("routes").forEach(routes::add));
    return routes;
  }

  private static List<Element> cards() {
    return html.all("//article[contains(@class, 'card')]");
  }

  private static String state(Element element) {
    for (String name : element.getAttribute("class").split(" ")) {
      if (name.startsWith("state-")) {
        return STATES.get(name.substring("state-".length()));
      }
    }
    throw new AssertionError("no state class on " + element.getAttribute("class"));
  }

  private static long count(String digits) {
    return Long.parseLong(digits.replace(",", ""));
  }

  @Test
  void theHeadlineTitleWindowAndUpdateTimeAreTheJsons() {
    assertThat(text(html.one("//h1"))).isEqualTo(json.get("title").asText());
    Element headline = html.one("//p[@id='headline']");
    assertThat(text(headline)).isEqualTo(json.get("headline").asText());
    assertThat(state(headline)).isEqualTo(json.get("overall").asText());
    assertThat(Instant.parse(html.one("//span[@class='updated']/time").getAttribute("datetime")))
        .isEqualTo(Instant.parse(json.get("generatedAt").asText()).truncatedTo(ChronoUnit.SECONDS));
    assertThat(text(html.one("//span[@class='windows-label']")))
        .isEqualTo("Showing the last " + json.get("days").asInt() + " days:");
    assertThat(html.one("//meta[@http-equiv='refresh']").getAttribute("content"))
        .isEqualTo(json.get("refreshSeconds").asText());
    assertThat(cards()).allSatisfy(card -> assertThat(
        text(html.one(card, ".//span[@class='axis-start']"))).isEqualTo(json.get("firstDay").asText()));
  }

  @Test
  void everyCardShowsItsRoutesWindowFiguresFromTheJson() {
    List<Element> groups = html.all("//section[contains(@class, 'group')]");
    assertThat(groups).extracting(group -> text(html.one(group, "h2")))
        .containsExactlyElementsOf(groupNames());
    List<JsonNode> routes = jsonRoutes();
    List<Element> cards = cards();
    assertThat(cards).hasSameSizeAs(routes);
    long minimum = json.get("minimumRequests").asLong();
    for (int i = 0; i < cards.size(); i++) {
      Element card = cards.get(i);
      JsonNode route = routes.get(i);
      String name = route.get("name").asText();
      assertThat(text(html.one(card, ".//h3"))).isEqualTo(name);
      assertThat(text(html.one(card, ".//p[@class='rule']"))).isEqualTo(route.get("rule").asText());
      assertThat(html.all(card, ".//p[@class='doc']")).extracting(HtmlDocument::text)
          .isEqualTo(route.get("doc").asText().isEmpty() ? List.of() : List.of(route.get("doc").asText()));
      assertThat(state(html.one(card, ".//span[contains(@class, 'pill')]"))).as(name)
          .isEqualTo(route.get("current").asText());

      String uptime = text(html.one(card, ".//span[@class='uptime']"));
      long requests = route.get("requests").asLong();
      long failures = route.get("failures").asLong();
      if (route.get("uptimePercent").isNull() || requests < minimum) {
        assertThat(uptime).as(name).isEqualTo("No data in the last 90 days");
      } else {
        assertThat(uptime).as(name).endsWith(" uptime in the last 90 days");
        Matcher shown = UPTIME.matcher(uptime);
        assertThat(shown.find()).as(uptime).isTrue();
        assertUptime(shown.group(1), route.get("uptimePercent").asDouble(), failures, name);
      }

      String totals = text(html.one(card, ".//p[@class='totals']"));
      if (requests == 0) {
        assertThat(totals).isEqualTo("No requests");
        continue;
      }
      String[] parts = totals.split(" · ");
      assertCounts(parts[0], route, name);
      assertLatencies(List.of(parts).subList(1, parts.length), route.get("latencyMs"), name);
    }
  }

  private static List<String> groupNames() {
    List<String> names = new ArrayList<>();
    json.get("groups").forEach(group -> names.add(group.get("name").asText()));
    return names;
  }

  @Test
  void everySquareShowsItsDaysFiguresFromTheJson() {
    List<JsonNode> routes = jsonRoutes();
    List<Element> cards = cards();
    int squares = 0;
    for (int i = 0; i < cards.size(); i++) {
      JsonNode days = routes.get(i).get("days");
      List<Element> row = html.all(cards.get(i), ".//ol[contains(@class, 'days')]/li");
      assertThat(row).hasSameSizeAs(days).hasSize(json.get("days").asInt());
      for (int d = 0; d < row.size(); d++) {
        assertSquare(row.get(d), days.get(d), routes.get(i).get("name").asText());
        squares++;
      }
    }
    assertThat(squares).isEqualTo(5 * 90);
  }

  private static void assertSquare(Element square, JsonNode day, String route) {
    String where = route + " on " + day.get("date").asText();
    String tip = square.getAttribute("title");
    assertThat(square.hasAttribute("aria-label")).as(where).isFalse();
    assertThat(state(square)).as(where).isEqualTo(day.get("health").asText());
    String[] parts = tip.split(" · ");
    boolean today = day.get("date").asText().equals(json.get("lastDay").asText());
    assertThat(parts[0]).as(where)
        .isEqualTo(day.get("date").asText() + (today ? " (today, so far)" : ""));

    if (day.get("health").asText().equals("no_data")) {
      // Without a verdict the square says why and shows no rate or latency that could mislead.
      assertThat(parts).as(where).hasSize(2);
      Matcher noData = NO_DATA.matcher(parts[1]);
      assertThat(noData.matches()).as(where + ": " + parts[1]).isTrue();
      long shown = noData.group(2) == null ? 0 : count(noData.group(2));
      assertThat(shown).as(where).isEqualTo(day.get("requests").asLong());
      return;
    }
    assertThat(parts[1]).as(where).isEqualTo(Health.valueOf(
        day.get("health").asText().toUpperCase(Locale.ROOT)).label());
    assertCounts(parts[2], day, where);
    Matcher uptime = UPTIME.matcher(parts[3]);
    assertThat(uptime.matches()).as(where + ": " + parts[3]).isTrue();
    assertUptime(uptime.group(1), day.get("uptimePercent").asDouble(), day.get("failures").asLong(), where);
    assertLatencies(List.of(parts).subList(4, parts.length), day.get("latencyMs"), where);
  }

  /**
   * "12,345 requests: 12,300 successes, 2 failures, 43 ignored": each count is the JSON's, the
   * nouns agree with their numbers, and the three parts add up to the requests.
   */
  private static void assertCounts(String shown, JsonNode figures, String where) {
    Matcher matcher = COUNTS.matcher(shown);
    assertThat(matcher.matches()).as(where + ": " + shown).isTrue();
    long requests = count(matcher.group(1));
    long successes = count(matcher.group(2));
    assertThat(requests).as(where).isEqualTo(figures.get("requests").asLong());
    assertThat(successes).as(where).isEqualTo(figures.get("successes").asLong());
    assertThat(count(matcher.group(3))).as(where).isEqualTo(figures.get("failures").asLong());
    assertThat(count(matcher.group(4))).as(where).isEqualTo(figures.get("ignored").asLong());
    assertThat(successes + count(matcher.group(3)) + count(matcher.group(4))).isEqualTo(requests);
    assertThat(shown).as(where).startsWith(requests == 1 ? "1 request:" : matcher.group(1) + " requests:")
        .contains(successes == 1 ? " 1 success," : " successes,");
  }

  /** Floored to hundredths; "100" only without failures; 99.99 at most with one. */
  private static void assertUptime(String shown, double percent, long failures, String where) {
    if (shown.equals("100")) {
      assertThat(failures).as(where + ": 100 % without failures only").isZero();
      assertThat(percent).as(where).isEqualTo(100.0);
      return;
    }
    BigDecimal expected = BigDecimal.valueOf(percent).setScale(2, RoundingMode.FLOOR);
    if (failures > 0 && expected.compareTo(BigDecimal.valueOf(100)) >= 0) {
      expected = new BigDecimal("99.99");
    }
    assertThat(new BigDecimal(shown)).as(where + ": uptime of " + percent).isEqualByComparingTo(expected);
  }

  /** Each of p50, p95 and p99 within half a unit of its last shown digit of the JSON's. */
  private static void assertLatencies(List<String> shown, JsonNode latencyMs, String where) {
    if (latencyMs.isNull()) {
      assertThat(shown).as(where).isEmpty();
      return;
    }
    assertThat(shown).as(where).hasSize(3);
    for (String part : shown) {
      Matcher matcher = LATENCY.matcher(part);
      assertThat(matcher.matches()).as(where + ": " + part).isTrue();
      double expectedNanos = latencyMs.get(matcher.group(1)).asDouble() * 1e6;
      if (matcher.group(3) == null) {
        assertThat(expectedNanos).as(where + " " + part).isLessThan(1e3);
        continue;
      }
      String number = matcher.group(3);
      double unit = UNIT_NANOS.get(matcher.group(4));
      int decimals = number.contains(".") ? number.length() - number.indexOf('.') - 1 : 0;
      double halfStep = 0.5 * Math.pow(10, -decimals) * unit;
      assertThat(Math.abs(Double.parseDouble(number) * unit - expectedNanos))
          .as(where + ": " + part + " for " + expectedNanos + " ns")
          .isLessThanOrEqualTo(halfStep + 1);
    }
  }

  @Test
  void theJsonHoldsTheSeededFigures() {
    List<ExpectedRoute> expected = NinetyDaySeed.expected();
    List<JsonNode> routes = jsonRoutes();
    assertThat(routes).extracting(route -> route.get("rule").asText())
        .containsExactlyElementsOf(expected.stream().map(route -> route.key().rule()).toList());
    assertThat(json.get("overall").asText()).isEqualTo(name(NinetyDaySeed.overall()));
    assertThat(json.get("firstDay").asText()).isEqualTo(NinetyDaySeed.FIRST_DAY.toString());
    assertThat(json.get("lastDay").asText()).isEqualTo(NinetyDaySeed.TODAY.toString());
    for (int i = 0; i < expected.size(); i++) {
      ExpectedRoute route = expected.get(i);
      JsonNode actual = routes.get(i);
      assertThat(actual.get("current").asText()).as(route.name()).isEqualTo(name(route.current()));
      assertThat(json.get("stale").asBoolean()).isFalse();
      assertThat(json.get("asOf").asText()).isEqualTo(json.get("generatedAt").asText());
      long requests = 0;
      long failures = 0;
      long ignored = 0;
      for (int d = 0; d < NinetyDaySeed.DAYS; d++) {
        ExpectedDay day = route.days().get(d);
        JsonNode seen = actual.get("days").get(d);
        String where = route.name() + " on " + day.day();
        assertThat(seen.get("date").asText()).isEqualTo(day.day().toString());
        assertThat(seen.get("health").asText()).as(where).isEqualTo(name(day.health()));
        assertThat(seen.get("requests").asLong()).as(where).isEqualTo(day.requests());
        assertThat(seen.get("successes").asLong()).as(where).isEqualTo(day.successes());
        assertThat(seen.get("ignored").asLong()).as(where).isEqualTo(day.ignored());
        assertThat(seen.get("failures").asLong()).as(where).isEqualTo(day.failures());
        requests += day.requests();
        failures += day.failures();
        ignored += day.ignored();
      }
      assertThat(actual.get("requests").asLong()).as(route.name()).isEqualTo(requests);
      assertThat(actual.get("failures").asLong()).as(route.name()).isEqualTo(failures);
      assertThat(actual.get("ignored").asLong()).as(route.name()).isEqualTo(ignored);
      assertThat(actual.get("successes").asLong()).as(route.name())
          .isEqualTo(requests - failures - ignored);
    }
  }

  private static String name(Health health) {
    return health.name().toLowerCase(Locale.ROOT);
  }
}
