package dev.trafficstatus.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trafficstatus.server.testapp.ShapesApp;
import dev.trafficstatus.server.testapp.ShopConfiguration;
import dev.trafficstatus.server.testing.Eventually;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.store.StatusStore;
import dev.trafficstatus.spi.store.StoredRoute;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every shape of resource a host app has is counted exactly, through the real pipeline into the
 * real store: per template, per outcome, the very requests sent.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class CaptureShapesTest {

  static final DropwizardAppExtension<ShopConfiguration> APP =
      new DropwizardAppExtension<>(
          ShapesApp.class,
          ResourceHelpers.resourceFilePath("shop.yml"),
          ConfigOverride.config("status.store.database.url", "jdbc:h2:mem:shapes;DB_CLOSE_DELAY=-1"));

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static int send(String method, String path, String... headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + APP.getLocalPort() + path))
            .method(method, HttpRequest.BodyPublishers.noBody());
    if (headers.length > 0) {
      request.headers(headers);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static void times(int n, String method, String path, int expectedStatus, String... headers)
      throws Exception {
    for (int i = 0; i < n; i++) {
      assertThat(send(method, path, headers)).as(method + " " + path).isEqualTo(expectedStatus);
    }
  }

  private static StatusStore store() {
    return ((ShapesApp) APP.getApplication()).bundle().runtime().store();
  }

  private static void flush() throws Exception {
    HttpResponse<String> flushed =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create("http://localhost:" + APP.getAdminPort() + "/tasks/trafficstatus-flush"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(flushed.body()).contains("pending: 0");
  }

  /** success/failure/ignored per rule, from the store. */
  private static Map<String, List<Long>> storedSince(Instant start) {
    return store().readSince(start).stream()
        .collect(
            Collectors.toMap(
                t -> t.route().rule(),
                t -> List.of(t.tally().success(), t.tally().failure(), t.tally().ignored())));
  }

  @Test
  void everyShapeIsStoredUnderItsTemplateWithExactOutcomes() throws Exception {
    Instant start = Instant.now();
    String alice = "Basic " + Base64.getEncoder().encodeToString("alice:secret".getBytes(StandardCharsets.UTF_8));

    times(5, "GET", "/plain", 200);
    times(2, "HEAD", "/plain", 200);
    times(1, "OPTIONS", "/plain", 200);
    times(3, "GET", "/items/7", 200);
    times(1, "DELETE", "/items/8", 204);
    times(2, "GET", "/items/abc", 404); // the regex does not match: no route, only counted
    times(3, "GET", "/orders/o-1/lines/l-2", 200);
    times(3, "GET", "/slow", 200);
    times(2, "GET", "/fail/conflict", 409);
    times(2, "GET", "/fail/boom", 500);
    times(3, "GET", "/secret", 401);
    times(1, "GET", "/secret", 200, "Authorization", alice);

    Map<String, List<Long>> expected =
        Map.of(
            "/plain", List.of(8L, 0L, 0L),
            "/items/{id}", List.of(4L, 0L, 0L),
            "/orders/{orderId}/lines/{lineId}", List.of(3L, 0L, 0L),
            "/slow", List.of(3L, 0L, 0L),
            "/fail/conflict", List.of(0L, 0L, 2L),
            "/fail/boom", List.of(0L, 2L, 0L),
            "/secret", List.of(1L, 0L, 3L));
    Eventually.await(
        "every request stored",
        Duration.ofSeconds(10),
        () -> {
          flush();
          return storedSince(start).values().stream().mapToLong(c -> c.get(0) + c.get(1) + c.get(2)).sum()
              >= 26;
        });
    assertThat(storedSince(start)).isEqualTo(expected);
    assertThat(store().routes()).extracting(StoredRoute::key)
        .contains(new RouteKey("shapes", "/orders/{orderId}/lines/{lineId}"))
        .noneMatch(key -> key.rule().contains("abc"));
  }

  @Test
  void tenThousandUnknownPathsCreateNoRoute() throws Exception {
    flush();
    List<StoredRoute> before = store().routes();
    assertThat(before).isNotEmpty();
    long unmatchedBefore = unmatched();
    Random random = new Random(42);
    Semaphore inFlight = new Semaphore(32);
    List<CompletableFuture<Integer>> answers = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      String path = "/scan/" + Long.toString(random.nextLong() >>> 1, 36) + "/" + i;
      inFlight.acquire();
      answers.add(
          HTTP.sendAsync(
                  HttpRequest.newBuilder(URI.create("http://localhost:" + APP.getLocalPort() + path)).build(),
                  HttpResponse.BodyHandlers.discarding())
              .thenApply(HttpResponse::statusCode)
              .whenComplete((status, error) -> inFlight.release()));
    }
    for (CompletableFuture<Integer> answer : answers) {
      assertThat(answer.get()).isEqualTo(404);
    }
    flush();

    assertThat(store().routes()).isEqualTo(before);
    // Jersey reports the end of a request just after the client has its answer; allow it a moment.
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (unmatched() - unmatchedBefore < 10_000 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(unmatched() - unmatchedBefore).isEqualTo(10_000);
  }

  private static long unmatched() throws Exception {
    JsonNode metrics =
        new ObjectMapper()
            .readTree(
                HTTP.send(
                        HttpRequest.newBuilder(
                                URI.create("http://localhost:" + APP.getAdminPort() + "/metrics"))
                            .build(),
                        HttpResponse.BodyHandlers.ofString())
                    .body());
    return metrics.at("/gauges/trafficstatus.requests.unmatched/value").asLong();
  }
}
