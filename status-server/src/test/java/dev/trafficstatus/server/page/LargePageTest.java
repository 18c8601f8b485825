package dev.trafficstatus.server.page;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trafficstatus.testkit.MutableClock;
import dev.trafficstatus.server.StatusConfiguration;
import dev.trafficstatus.server.testapp.HundredRoutesSeed;
import dev.trafficstatus.server.testapp.HundredRoutesSeed.Density;
import dev.trafficstatus.server.testapp.NinetyDaySeed;
import dev.trafficstatus.server.testapp.StatusOnlyApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Element;

/**
 * The page at the size the page budget names (BENCHMARKS.md), 100 routes × 90 days, served by the real server from
 * the real store: it renders in full, and travels gzipped. Its timings are in BENCHMARKS.md
 * (measured by PageBenchmark in the bench module); this test times nothing.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class LargePageTest {

  static final DropwizardAppExtension<StatusConfiguration> APP =
      StatusOnlyApp.extension("large-page", new MutableClock(NinetyDaySeed.NOW));

  private static final Map<String, String> STATES = Map.of(
      "day state-operational", "operational",
      "day state-degraded", "degraded",
      "day state-partial", "partial_outage",
      "day state-major", "major_outage",
      "day state-nodata", "no_data");

  private static PageFetcher fetcher;

  @BeforeAll
  static void seedAHundredRoutes() {
    HundredRoutesSeed.writeTo(StatusOnlyApp.store(APP), NinetyDaySeed.NOW, Density.DAILY);
    StatusOnlyApp.showWhatWasWritten(APP);
    fetcher = new PageFetcher(APP.getLocalPort());
  }

  @Test
  void aHundredRoutesOfNinetyDaysRenderInFullAndAgreeWithTheJson() throws IOException {
    HttpResponse<byte[]> page = fetcher.get("/status", "Accept", "text/html");
    HttpResponse<byte[]> data = fetcher.get("/status", "Accept", "application/json");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(data.statusCode()).isEqualTo(200);

    HtmlDocument html = HtmlDocument.parse(page.body());
    List<Element> cards = html.all("//article[contains(@class, 'card')]");
    assertThat(cards).hasSize(HundredRoutesSeed.ROUTES);
    List<JsonNode> routes = new ArrayList<>();
    new ObjectMapper().readTree(data.body()).get("groups")
        .forEach(group -> group.get("routes").forEach(routes::add));
    assertThat(routes).hasSize(HundredRoutesSeed.ROUTES);
    List<String> seen = new ArrayList<>();
    for (int i = 0; i < cards.size(); i++) {
      List<Element> squares = html.all(cards.get(i), ".//ol[contains(@class, 'days')]/li");
      JsonNode days = routes.get(i).get("days");
      assertThat(squares).hasSize(HundredRoutesSeed.DAYS);
      for (int d = 0; d < squares.size(); d++) {
        String state = STATES.get(squares.get(d).getAttribute("class"));
        assertThat(state).isEqualTo(days.get(d).get("health").asText());
        assertThat(squares.get(d).getAttribute("title")).startsWith(days.get(d).get("date").asText());
        seen.add(state);
      }
    }
    assertThat(seen).hasSize(HundredRoutesSeed.ROUTES * HundredRoutesSeed.DAYS)
        .contains("operational", "degraded", "major_outage", "no_data");
  }

  @Test
  void theLargePageTravelsGzippedToClientsThatAcceptIt() throws IOException {
    for (String type : List.of("text/html", "application/json")) {
      HttpResponse<byte[]> plain = fetcher.get("/status", "Accept", type);
      HttpResponse<byte[]> zipped = fetcher.get("/status", "Accept", type, "Accept-Encoding", "gzip");

      assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
      assertThat(zipped.headers().firstValue("Content-Encoding")).as(type).hasValue("gzip");
      assertThat(zipped.headers().allValues("Vary")).as(type)
          .anySatisfy(vary -> assertThat(vary).containsIgnoringCase("Accept-Encoding"));
      byte[] unzipped = new GZIPInputStream(new ByteArrayInputStream(zipped.body())).readAllBytes();
      assertThat(unzipped).as(type).isEqualTo(plain.body());
      // The page repeats itself (every square's tooltip has the same shape): gzip shrinks it
      // about 20-fold; less than 10-fold would mean it was not really compressed.
      assertThat(zipped.body().length).as(type).isLessThan(plain.body().length / 10);
      System.out.printf("status-server: %d routes x %d days as %s: %,d bytes, %,d gzipped%n",
          HundredRoutesSeed.ROUTES, HundredRoutesSeed.DAYS, type, plain.body().length,
          zipped.body().length);
    }
  }

  @Test
  void aClientThatRefusesGzipGetsThePagePlain() {
    HttpResponse<byte[]> refused = fetcher.get("/status", "Accept-Encoding", "gzip;q=0, identity");

    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.headers().firstValue("Content-Encoding")).isEmpty();
    assertThat(new String(refused.body(), StandardCharsets.UTF_8)).startsWith("<!DOCTYPE html>");
  }

  @Test
  void aGzippedPageIsStillAnsweredNotModifiedWhenUnchanged() {
    HttpResponse<byte[]> zipped = fetcher.get("/status", "Accept-Encoding", "gzip");
    String etag = zipped.headers().firstValue("ETag").orElseThrow();

    HttpResponse<byte[]> again =
        fetcher.get("/status", "Accept-Encoding", "gzip", "If-None-Match", etag);

    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
  }
}
