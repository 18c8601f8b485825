package dev.trafficstatus.server.page;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trafficstatus.testkit.MutableClock;
import dev.trafficstatus.server.StatusConfiguration;
import dev.trafficstatus.server.testapp.NinetyDaySeed;
import dev.trafficstatus.server.testapp.StatusOnlyApp;
import dev.trafficstatus.server.testing.Eventually;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.store.LatencyHistogram;
import dev.trafficstatus.spi.store.MinuteBucket;
import dev.trafficstatus.spi.store.Tally;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A watched page costs one set of store reads per refresh interval (1 minute by default): within
 * it, new figures wait, responses say how long caches may keep them, and clients that have the
 * page get "not modified". The first request after the interval gets the page it had at once and
 * starts a read in the background; the new figures follow within moments (awaited here with a
 * generous limit).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class PageCachingTest {

  private static final Duration REFRESH = Duration.ofMinutes(1);

  private static final MutableClock CLOCK = new MutableClock(NinetyDaySeed.NOW);

  static final DropwizardAppExtension<StatusConfiguration> APP =
      StatusOnlyApp.extension("caching", CLOCK);

  private static final ObjectMapper JSON = new ObjectMapper();

  private static PageFetcher fetcher;

  @BeforeAll
  static void seed() {
    NinetyDaySeed.writeTo(StatusOnlyApp.store(APP));
    StatusOnlyApp.showWhatWasWritten(APP);
    fetcher = new PageFetcher(APP.getLocalPort());
  }

  private static final Duration LIMIT = Duration.ofSeconds(30);

  /** Each test starts with a page read fresh at the current instant. */
  @BeforeEach
  void startAFreshInterval() {
    CLOCK.advance(REFRESH);
    StatusOnlyApp.showWhatWasWritten(APP);
  }

  private static long requestsToday(HttpResponse<byte[]> page) throws IOException {
    JsonNode days = JSON.readTree(page.body()).at("/groups/0/routes/0/days");
    return days.get(days.size() - 1).get("requests").asLong();
  }

  private static void recordThousandMoreRequests() {
    RouteKey products = new RouteKey(NinetyDaySeed.SERVICE, "/products");
    StatusOnlyApp.store(APP).writeMinutes(List.of(new MinuteBucket(products,
        CLOCK.instant().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(1)), "late-writer",
        new Tally(1_000, 1_000, 0, 0, Duration.ofMillis(10), LatencyHistogram.builder().record(Duration.ofMillis(10), 1_000).build()))));
  }

  @Test
  void figuresWrittenWithinTheRefreshIntervalShowWhenItEnds() throws Exception {
    HttpResponse<byte[]> first = fetcher.get("/status", "Accept", "application/json");
    long before = requestsToday(first);
    String etag = first.headers().firstValue("ETag").orElseThrow();
    assertThat(first.headers().firstValue("Cache-Control")).hasValue("max-age=60");

    recordThousandMoreRequests();
    CLOCK.advance(Duration.ofSeconds(30));
    HttpResponse<byte[]> cached = fetcher.get("/status", "Accept", "application/json");

    assertThat(requestsToday(cached)).isEqualTo(before);
    assertThat(cached.headers().firstValue("ETag")).hasValue(etag);
    assertThat(cached.headers().firstValue("Cache-Control")).hasValue("max-age=30");

    CLOCK.advance(Duration.ofSeconds(30));
    HttpResponse<byte[]> due = fetcher.get("/status", "Accept", "application/json");

    assertThat(due.headers().firstValue("ETag")).as("what it had, at once").hasValue(etag);
    assertThat(due.headers().firstValue("Cache-Control")).hasValue("max-age=0");
    HttpResponse<byte[]>[] fresh = newFigures(etag, "Accept", "application/json");
    assertThat(requestsToday(fresh[0])).isEqualTo(before + 1_000);
    assertThat(fresh[0].headers().firstValue("Cache-Control")).hasValue("max-age=60");
  }

  /** Asks until the page has other figures than those of {@code etag}; bounded. */
  @SuppressWarnings("unchecked")
  private static HttpResponse<byte[]>[] newFigures(String etag, String... headers) throws Exception {
    HttpResponse<byte[]>[] seen = new HttpResponse[1];
    Eventually.await("the figures read in the background", LIMIT, () -> {
      seen[0] = fetcher.get("/status", headers);
      return seen[0].statusCode() == 200
          && !seen[0].headers().firstValue("ETag").orElseThrow().equals(etag);
    });
    return seen;
  }

  /** The first card's requests today, as its last square's tooltip says. */
  private static long requestsTodayInHtml(HttpResponse<byte[]> page) {
    Matcher today =
        Pattern.compile("\\(today, so far\\) · [^\"·]+ · ([0-9,]+) requests?")
            .matcher(new String(page.body(), StandardCharsets.UTF_8));
    assertThat(today.find()).as("a square for today").isTrue();
    return Long.parseLong(today.group(1).replace(",", ""));
  }

  @Test
  void theHtmlStaysTheSameWithinTheIntervalAndShowsNewFiguresAfterIt() throws Exception {
    HttpResponse<byte[]> first = fetcher.get("/status");
    long before = requestsTodayInHtml(first);

    recordThousandMoreRequests();
    CLOCK.advance(Duration.ofSeconds(30));
    HttpResponse<byte[]> cached = fetcher.get("/status");

    assertThat(cached.body()).isEqualTo(first.body());

    CLOCK.advance(Duration.ofSeconds(30));
    HttpResponse<byte[]>[] fresh = newFigures(first.headers().firstValue("ETag").orElseThrow());

    assertThat(requestsTodayInHtml(fresh[0])).isEqualTo(before + 1_000);
  }

  /** The requests of a route on a day, as the page's JSON says. */
  private static long requestsOn(HttpResponse<byte[]> page, String rule, LocalDate day) throws IOException {
    for (JsonNode group : JSON.readTree(page.body()).get("groups")) {
      for (JsonNode route : group.get("routes")) {
        if (route.get("rule").asText().equals(rule)) {
          for (JsonNode square : route.get("days")) {
            if (square.get("date").asText().equals(day.toString())) {
              return square.get("requests").asLong();
            }
          }
        }
      }
    }
    throw new AssertionError("no square for " + rule + " on " + day);
  }

  @Test
  void aLateWriteToADayRolledUpLongAgoShowsAtTheNextRefreshAndStaysExactAfterItsRollup()
      throws Exception {
    LocalDate monthAgo = NinetyDaySeed.TODAY.minusDays(40);
    HttpResponse<byte[]> first = fetcher.get("/status?days=90", "Accept", "application/json");
    long before = requestsOn(first, "/products", monthAgo);
    String etag = first.headers().firstValue("ETag").orElseThrow();

    // An instance back from a long outage flushes what it kept for that day.
    RouteKey products = new RouteKey(NinetyDaySeed.SERVICE, "/products");
    StatusOnlyApp.store(APP).writeMinutes(List.of(new MinuteBucket(products,
        monthAgo.atTime(13, 7).toInstant(ZoneOffset.UTC), "back-from-outage",
        new Tally(1_000, 1_000, 0, 0, Duration.ofMillis(10),
            LatencyHistogram.builder().record(Duration.ofMillis(10), 1_000).build()))));
    CLOCK.advance(REFRESH);
    fetcher.get("/status?days=90", "Accept", "application/json");
    HttpResponse<byte[]>[] next = newFigures(etag, "Accept", "application/json");

    assertThat(requestsOn(next[0], "/products", monthAgo)).isEqualTo(before + 1_000);

    NinetyDaySeed.rollUp(StatusOnlyApp.store(APP), CLOCK.instant());
    String rolledEtag = next[0].headers().firstValue("ETag").orElseThrow();
    CLOCK.advance(REFRESH);
    fetcher.get("/status?days=90", "Accept", "application/json");
    HttpResponse<byte[]>[] afterRollup = newFigures(rolledEtag, "Accept", "application/json");

    assertThat(requestsOn(afterRollup[0], "/products", monthAgo)).isEqualTo(before + 1_000);
  }

  /** The title of a route's square on a day, as the HTML page has it. */
  private static String squareOn(HttpResponse<byte[]> page, String rule, LocalDate day) {
    HtmlDocument html = HtmlDocument.parse(page.body());
    return html.all("//article[.//code = '" + rule + "']//li").stream()
        .map(square -> square.getAttribute("title"))
        .filter(title -> title.startsWith(day.toString()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no square for " + rule + " on " + day));
  }

  @Test
  void aLateWriteToAnOldDayShowsInItsSquareWhenTheRestOfThePageIsKeptFromEarlierRenders()
      throws Exception {
    LocalDate longAgo = NinetyDaySeed.TODAY.minusDays(50);
    HttpResponse<byte[]> first = fetcher.get("/status?days=90");
    String before = squareOn(first, "/products", longAgo);
    String neighbour = squareOn(first, "/products", longAgo.minusDays(1));
    long requests = Long.parseLong(before.replaceAll("^[^·]+ · [^·]+ · ([0-9,]+) requests.*$", "$1")
        .replace(",", ""));

    RouteKey products = new RouteKey(NinetyDaySeed.SERVICE, "/products");
    StatusOnlyApp.store(APP).writeMinutes(List.of(new MinuteBucket(products,
        longAgo.atTime(9, 30).toInstant(ZoneOffset.UTC), "back-from-outage",
        new Tally(1_000, 0, 1_000, 0, Duration.ofMillis(10),
            LatencyHistogram.builder().record(Duration.ofMillis(10), 1_000).build()))));
    CLOCK.advance(REFRESH);
    fetcher.get("/status?days=90");
    HttpResponse<byte[]>[] next = newFigures(first.headers().firstValue("ETag").orElseThrow());

    String after = squareOn(next[0], "/products", longAgo);
    assertThat(after).as("was: " + before)
        .contains(String.format(java.util.Locale.ROOT, "%,d requests", requests + 1_000))
        .contains("1,000 failures");
    assertThat(squareOn(next[0], "/products", longAgo.minusDays(1))).isEqualTo(neighbour);
  }

  @Test
  void aClientWithTheCurrentPageGetsNotModifiedUntilTheIntervalEnds() throws Exception {
    HttpResponse<byte[]> page = fetcher.get("/status");
    String etag = page.headers().firstValue("ETag").orElseThrow();
    assertThat(page.statusCode()).isEqualTo(200);

    CLOCK.advance(Duration.ofSeconds(59));
    HttpResponse<byte[]> unchanged = fetcher.get("/status", "If-None-Match", etag);

    assertThat(unchanged.statusCode()).isEqualTo(304);
    assertThat(unchanged.body()).isEmpty();
    assertThat(unchanged.headers().firstValue("Cache-Control")).hasValue("max-age=1");

    CLOCK.advance(Duration.ofSeconds(1));
    HttpResponse<byte[]>[] next = newFigures(etag, "If-None-Match", etag);

    assertThat(next[0].statusCode()).isEqualTo(200);
    assertThat(next[0].body()).isNotEmpty();
  }
}
