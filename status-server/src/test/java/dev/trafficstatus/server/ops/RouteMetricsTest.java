package dev.trafficstatus.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trafficstatus.server.testapp.ShapesApp;
import dev.trafficstatus.server.testapp.ShopConfiguration;
import dev.trafficstatus.server.testing.FlushTask;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.store.LatencyHistogram;
import dev.trafficstatus.spi.store.MinuteBucket;
import dev.trafficstatus.spi.store.Tally;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * With {@code status.metrics.perRoute} on, each route's requests, failures and latency are in the
 * host's own {@code /metrics} on the admin port, for the first {@code maxRoutes} routes only.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class RouteMetricsTest {

  static final DropwizardAppExtension<ShopConfiguration> APP =
      new DropwizardAppExtension<>(
          ShapesApp.class,
          ResourceHelpers.resourceFilePath("shop.yml"),
          ConfigOverride.config(
              "status.store.database.url", "jdbc:h2:mem:route-metrics;DB_CLOSE_DELAY=-1"),
          ConfigOverride.config("status.metrics.perRoute", "true"),
          ConfigOverride.config("status.metrics.maxRoutes", "2"));

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void eachRoutesFiguresAreInTheHostsMetricsUpToMaxRoutes() throws Exception {
    times(3, "/plain", 200);
    flush();
    times(2, "/fail/boom", 500);
    // A flush between them: routes first seen in one flush take the free places in no set order.
    flush();
    times(1, "/fail/conflict", 409);
    flush();
    times(4, "/slow", 200);
    flush();

    JsonNode metrics = adminJson("/metrics");
    JsonNode counters = metrics.get("counters");
    JsonNode gauges = metrics.get("gauges");
    String plain = RouteMetrics.PREFIX + ".shapes./plain";
    String boom = RouteMetrics.PREFIX + ".shapes./fail/boom";
    assertThat(counters.path(plain + ".requests").path("count").asLong()).isEqualTo(3);
    assertThat(counters.path(plain + ".failures").path("count").asLong()).isZero();
    assertThat(gauges.path(plain + ".latency.p99").path("value").asDouble()).isPositive();
    assertThat(gauges.path(plain + ".latency.max").path("value").asDouble()).isPositive();
    assertThat(counters.path(boom + ".requests").path("count").asLong()).as(counters.toString()).isEqualTo(2);
    assertThat(counters.path(boom + ".failures").path("count").asLong()).isEqualTo(2);

    List<String> routeNames = new ArrayList<>();
    counters.fieldNames().forEachRemaining(routeNames::add);
    assertThat(routeNames.stream().filter(name -> name.startsWith(RouteMetrics.PREFIX + ".")))
        .as("two routes, two counters each: /fail/conflict and /slow came after maxRoutes")
        .hasSize(4);
    assertThat(gauges.path(RouteMetrics.PREFIX + ".left-out").path("value").asLong())
        .isEqualTo(2);
  }

  @Test
  void aMinuteHarvestedAgainCountsOnlyWhatItGained() {
    // The flusher hands over a minute's whole tally so far each time the minute changed: here the
    // open minute flushed on request with one failure, then again with three requests.
    MetricRegistry registry = new MetricRegistry();
    RouteMetrics metrics = RouteMetrics.register(registry, 5);
    RouteKey route = new RouteKey("shop", "/items/{id}");
    Instant minute = Instant.parse("2026-03-01T12:00:00Z");
    metrics.accept(List.of(bucket(route, minute, 0, 1)));
    metrics.accept(List.of(bucket(route, minute, 2, 1)));
    metrics.accept(List.of(bucket(route, minute.plusSeconds(60), 4, 0)));
    // A minute from before comes again with a straggler.
    metrics.accept(List.of(bucket(route, minute, 3, 1)));

    String name = RouteMetrics.PREFIX + ".shop./items/{id}";
    assertThat(registry.counter(name + ".requests").getCount()).isEqualTo(8);
    assertThat(registry.counter(name + ".failures").getCount()).isEqualTo(1);
  }

  private static MinuteBucket bucket(RouteKey route, Instant minute, long successes, long failures) {
    Duration latency = Duration.ofMillis(5);
    return new MinuteBucket(route, minute, "web-1", new Tally(successes + failures, successes, failures, 0,
        latency, LatencyHistogram.builder().record(latency, successes + failures).build()));
  }

  private static void times(int n, String path, int expectedStatus) throws Exception {
    for (int i = 0; i < n; i++) {
      HttpResponse<Void> answer =
          HTTP.send(
              HttpRequest.newBuilder(URI.create("http://localhost:" + APP.getLocalPort() + path))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      assertThat(answer.statusCode()).as(path).isEqualTo(expectedStatus);
      sent++;
    }
  }

  /** Requests sent so far: Jersey counts one just after its client has the answer. */
  private static int sent;

  /** Flushes through the admin task until every request sent is harvested and written. */
  private static void flush() throws Exception {
    new FlushTask(APP.client(), APP.getAdminPort()).untilHarvested(sent);
  }


  private static JsonNode adminJson(String path) throws Exception {
    return JSON.readTree(
        HTTP.send(HttpRequest.newBuilder(admin(path)).build(), HttpResponse.BodyHandlers.ofString())
            .body());
  }

  private static URI admin(String path) {
    return URI.create("http://localhost:" + APP.getAdminPort() + path);
  }
}
