package dev.trafficstatus.server.page;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trafficstatus.server.StatusConfiguration;
import dev.trafficstatus.server.testing.Eventually;
import dev.trafficstatus.spi.RouteDescriptor;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.store.LatencyHistogram;
import dev.trafficstatus.spi.store.MinuteBucket;
import dev.trafficstatus.spi.store.Tally;
import dev.trafficstatus.testkit.MutableClock;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The page against a store that hangs (accepts, never answers) or fails, in a real app with a
 * small Jetty pool (24 threads): every page request is answered at once, with the page it had or a
 * clear 503 before anything was read, the host's own route keeps answering, one read runs at a
 * time, and figures the store can no longer refresh are shown marked stale. Waits are liveness
 * bounds, never speed verdicts.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class PageStoreOutageTest {

  private static final Duration LIMIT = Duration.ofSeconds(30);

  private static final int CONCURRENT = 200;

  private static final RouteKey CHECKOUT = new RouteKey("shop", "/checkout");

  private static final MutableClock HUNG_CLOCK = MutableClock.at("2026-11-26T13:02:30Z");

  private static final MutableClock CLOCK = MutableClock.at("2026-11-26T13:02:30Z");

  static final DropwizardAppExtension<StatusConfiguration> HUNG =
      GatedStoreApp.extension("hung", HUNG_CLOCK, Map.of("status.store.hung", "true"));

  static final DropwizardAppExtension<StatusConfiguration> APP =
      GatedStoreApp.extension("answering", CLOCK, Map.of());

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(LIMIT).build();

  /** Each test on {@link #APP} starts with a store that answers and figures read just now. */
  @BeforeEach
  void answeringStoreAndFreshFigures() {
    GatedStore store = GatedStoreApp.store(APP);
    store.answer();
    store.down(false);
    store.declareRoutes(List.of(new RouteDescriptor(CHECKOUT, "Checkout", "", "Shop")));
    store.writeMinutes(List.of(new MinuteBucket(CHECKOUT,
        CLOCK.instant().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(1)), "web-1",
        new Tally(40, 38, 1, 1, Duration.ofMillis(9),
            LatencyHistogram.builder().record(Duration.ofMillis(9), 40).build()))));
    CLOCK.advance(Duration.ofMinutes(1));
    GatedStoreApp.runtime(APP).forgetCachedPages();
  }

  private static String origin(DropwizardAppExtension<StatusConfiguration> app) {
    return "http://127.0.0.1:" + app.getLocalPort();
  }

  private CompletableFuture<HttpResponse<String>> send(String url, String accept) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url))
        .timeout(LIMIT)
        .header("Accept", accept)
        .build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(DropwizardAppExtension<StatusConfiguration> app, String accept)
      throws Exception {
    return send(origin(app) + "/status", accept).get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Another path of the bundle: the Statuspage API, a badge. */
  private HttpResponse<String> fetch(DropwizardAppExtension<StatusConfiguration> app, String path)
      throws Exception {
    return send(origin(app) + path, "*/*").get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Page requests, half HTML and half JSON, and the host's own route, all at once. */
  private List<HttpResponse<String>> flood(DropwizardAppExtension<StatusConfiguration> app)
      throws Exception {
    List<CompletableFuture<HttpResponse<String>>> pending = new ArrayList<>();
    for (int i = 0; i < CONCURRENT; i++) {
      pending.add(send(origin(app) + "/status", i % 2 == 0 ? "text/html" : "application/json"));
    }
    pending.add(send(origin(app) + "/ping", "text/plain"));
    List<HttpResponse<String>> answered = new ArrayList<>();
    for (CompletableFuture<HttpResponse<String>> response : pending) {
      answered.add(response.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS));
    }
    return answered;
  }

  private static boolean isPage(HttpResponse<String> response) {
    return response.uri().getPath().equals("/status");
  }

  private static JsonNode json(HttpResponse<String> response) throws IOException {
    return JSON.readTree(response.body());
  }

  @Test
  void beforeTheStoreEverAnsweredEveryRequestGetsFiguresUnavailableAtOnce() throws Exception {
    GatedStore store = GatedStoreApp.store(HUNG);

    List<HttpResponse<String>> answered = flood(HUNG);

    assertThat(answered).filteredOn(PageStoreOutageTest::isPage).hasSize(CONCURRENT)
        .allSatisfy(page -> {
          assertThat(page.statusCode()).isEqualTo(503);
          assertThat(page.headers().firstValue("Retry-After")).hasValue("5");
          assertThat(page.body()).contains("Figures unavailable");
        });
    assertThat(answered).filteredOn(page -> !isPage(page)).singleElement()
        .satisfies(ping -> assertThat(ping.body()).isEqualTo("pong"));
    HttpResponse<String> html = get(HUNG, "text/html");
    assertThat(html.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(HtmlDocument.text(HtmlDocument.parse(html.body().getBytes(StandardCharsets.UTF_8))
        .one("//p"))).startsWith("Figures unavailable: the status database has not been read");
    assertThat(json(get(HUNG, "application/json")).get("error").asText())
        .startsWith("Figures unavailable");
    HttpResponse<String> summary = fetch(HUNG, "/api/v2/summary.json");
    assertThat(summary.statusCode()).as("the Statuspage API, as the page").isEqualTo(503);
    assertThat(summary.headers().firstValue("Retry-After")).hasValue("5");
    assertThat(summary.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
    assertThat(json(summary).get("error").asText()).startsWith("Figures unavailable");
    assertThat(fetch(HUNG, "/status/badge/page.svg").statusCode()).isEqualTo(503);
    assertThat(store.dayReads()).as("the one read at start, still hanging").isEqualTo(1);

    store.answer();

    Eventually.await("the page once the store answers", LIMIT,
        () -> get(HUNG, "application/json").statusCode() == 200);
    assertThat(json(get(HUNG, "application/json")).get("stale").asBoolean()).isFalse();
  }

  @Test
  void whileTheStoreHangsEveryRequestGetsThePageItHadAndThenSeesItMarkedStale() throws Exception {
    GatedStore store = GatedStoreApp.store(APP);
    HttpResponse<String> before = get(APP, "application/json");
    String etag = before.headers().firstValue("ETag").orElseThrow();
    int reads = store.dayReads();
    store.hang();
    CLOCK.advance(Duration.ofMinutes(1));

    List<HttpResponse<String>> answered = flood(APP);

    assertThat(answered).allSatisfy(response -> assertThat(response.statusCode()).isEqualTo(200));
    assertThat(answered).filteredOn(PageStoreOutageTest::isPage)
        .allSatisfy(page -> assertThat(page.headers().firstValue("ETag").orElseThrow())
            .as("the figures it had").endsWith(etag.substring(etag.indexOf("-90-"))));
    Eventually.await("the refresh the first request asked for", LIMIT,
        () -> store.dayReads() == reads + 1);
    flood(APP);
    assertThat(store.dayReads()).as("one read at a time, however many ask").isEqualTo(reads + 1);

    CLOCK.advance(Duration.ofMinutes(1));
    JsonNode stale = json(get(APP, "application/json"));
    assertThat(stale.get("stale").asBoolean()).isTrue();
    assertThat(stale.get("asOf").asText()).isEqualTo(json(before).get("asOf").asText());
    assertStaleLine(get(APP, "text/html"), Instant.parse(stale.get("asOf").asText()));

    store.answer();

    Eventually.await("current figures once the store answers", LIMIT,
        () -> !json(get(APP, "application/json")).get("stale").asBoolean());
  }

  @Test
  void aStoreThatFailsAfterAFirstReadLeavesTheLastFiguresShownMarkedStale() throws Exception {
    GatedStore store = GatedStoreApp.store(APP);
    JsonNode before = json(get(APP, "application/json"));
    assertThat(before.get("stale").asBoolean()).isFalse();
    HttpResponse<String> summaryBefore = fetch(APP, "/api/v2/summary.json");
    assertThat(HtmlDocument.parse(get(APP, "text/html").body().getBytes(StandardCharsets.UTF_8))
        .all("//p[@id='stale']")).isEmpty();
    store.down(true);
    CLOCK.advance(Duration.ofMinutes(1));

    Eventually.await("the failed refresh", LIMIT,
        () -> json(get(APP, "application/json")).get("stale").asBoolean());

    HttpResponse<String> response = get(APP, "application/json");
    JsonNode stale = json(response);
    assertThat(response.headers().firstValue("Cache-Control")).hasValue("max-age=0");
    assertThat(stale.get("asOf")).isEqualTo(before.get("asOf"));
    assertThat(stale.at("/groups/0/routes/0")).isEqualTo(before.at("/groups/0/routes/0"));
    assertStaleLine(get(APP, "text/html"), Instant.parse(stale.get("asOf").asText()));
    HttpResponse<String> summaryStale = fetch(APP, "/api/v2/summary.json");
    assertThat(summaryStale.statusCode()).as("the Statuspage API keeps the last figures too").isEqualTo(200);
    assertThat(json(summaryStale).get("components")).isEqualTo(json(summaryBefore).get("components"));
    assertThat(summaryStale.headers().firstValue("Cache-Control")).hasValue("max-age=0");
    assertThat(fetch(APP, "/status/badge/page.svg").statusCode()).isEqualTo(200);

    store.down(false);
    CLOCK.advance(Duration.ofSeconds(5));
    Eventually.await("current figures once the store works", LIMIT,
        () -> !json(get(APP, "application/json")).get("stale").asBoolean());
  }

  /** The line above the cards, in the page's zone (page-gated.yml: Europe/Berlin). */
  private static void assertStaleLine(HttpResponse<String> html, Instant asOf) {
    assertThat(html.statusCode()).isEqualTo(200);
    HtmlDocument page = HtmlDocument.parse(html.body().getBytes(StandardCharsets.UTF_8));
    String time = DateTimeFormatter.ofPattern("HH:mm zzz", Locale.ENGLISH)
        .format(asOf.atZone(ZoneId.of("Europe/Berlin")));
    assertThat(HtmlDocument.text(page.one("//p[@id='stale']")))
        .isEqualTo("Figures as of " + time + ": the status database is unreachable");
    assertThat(time).endsWith(" CET");
    assertThat(page.all("//article")).as("the last figures are still shown").hasSize(1);
  }
}
