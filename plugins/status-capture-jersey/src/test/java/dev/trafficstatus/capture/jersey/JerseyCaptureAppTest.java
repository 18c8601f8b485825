package dev.trafficstatus.capture.jersey;

import static dev.trafficstatus.capture.jersey.Traffic.expectedCounts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficstatus.capture.jersey.Traffic.Batch;
import dev.trafficstatus.capture.jersey.Traffic.Call;
import dev.trafficstatus.spi.RouteDescriptor;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.testkit.RecordingRecorder;
import dev.trafficstatus.testkit.RecordingRecorder.Observation;
import io.dropwizard.core.Configuration;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The capture in a real Dropwizard application: real Jetty, real Jersey, real dropwizard-auth. */
@ExtendWith(DropwizardExtensionsSupport.class)
class JerseyCaptureAppTest {

  private static final DropwizardAppExtension<Configuration> APP =
      new DropwizardAppExtension<>(
          ShopApplication.class, ResourceHelpers.resourceFilePath("shop.yml"));

  private static final Duration SETTLE = Traffic.SETTLE;

  private static final String VERSION = "/items/{itemId}/versions/{version}";
  private static final String ORDER_LINE = "/orders/{orderId}/items/{itemId}";
  private static final String SIGNED_IN = ShopClient.basic("ada", "secret");
  private static final String WRONG_PASSWORD = ShopClient.basic("ada", "guess");

  private ShopApplication shop;
  private RecordingRecorder recorder;
  private ShopClient client;
  private Traffic traffic;

  @BeforeEach
  void connect() {
    shop = APP.getApplication();
    recorder = shop.recorder();
    client = new ShopClient(APP.getLocalPort());
    traffic = new Traffic(client, recorder);
  }

  @Test
  void declaresEveryRouteOfTheResourceModelBeforeAnyRequest() {
    assertThat(shop.declaredAtStart())
        .containsExactlyInAnyOrderEntriesOf(
            Map.ofEntries(
                route("/", "Hello, World!", "Says hello.", "HelloResource"),
                route("/items", "list", "", "ItemsResource"),
                route("/items/{itemId}", "Item", "One item.", "ItemsResource"),
                route("/items/{itemId}/versions/{version}", "version", "", "ItemsResource"),
                route("/items/{itemId}/reserve", "reserve", "", "ItemsResource"),
                route("/numbers/{n}", "square", "", "NumbersResource"),
                route("/reports", "Reports", "Monthly reports.", "ReportsResource"),
                route("/reports/{month}", "One month", "", "ReportsResource"),
                route("/orders", "list", "", "OrdersResource"),
                route("/orders/{orderId}", "show", "", "OrderResource"),
                route("/orders/{orderId}/items/{itemId}", "Order line", "", "LineItemResource"),
                route("/async", "later", "", "AsyncResource"),
                route("/async/failing", "laterFailing", "", "AsyncResource"),
                route("/ping", "Ping", "Answers pong.", "PingResource"),
                route("/boom", "boom", "", "BoomResource"),
                // Behind dropwizard-auth's @Auth: counted, but restricted.
                restrictedRoute("/account", "me", "", "AccountResource"),
                route("/fragile", "fragile", "", "FragileResource"),
                // Built in code with a lambda: named by its path, grouped by the class that wrote it.
                route("/built/{id}", "/built/{id}", "", "ShopApplication")));
  }

  @Test
  void recordsEveryAnsweredRequestUnderItsTemplateWithItsFinalStatus() throws Exception {
    List<Call> calls =
        List.of(
            new Call("GET", "/", null, 3, 200, "/"),
            new Call("GET", "/items", null, 5, 200, "/items"),
            new Call("HEAD", "/items", null, 2, 200, "/items"),
            new Call("OPTIONS", "/items", null, 2, 200, "/items"),
            new Call("POST", "/items", null, 4, 201, "/items"),
            new Call("GET", "/items/42", null, 3, 200, "/items/{itemId}"),
            new Call("GET", "/items/missing", null, 2, 404, "/items/{itemId}"),
            new Call("PUT", "/items/42", null, 2, 204, "/items/{itemId}"),
            new Call("DELETE", "/items/42", null, 1, 204, "/items/{itemId}"),
            new Call("GET", "/items/42/versions/7", null, 3, 200, VERSION),
            new Call("POST", "/items/42/reserve", null, 3, 409, "/items/{itemId}/reserve"),
            new Call("GET", "/numbers/12", null, 2, 200, "/numbers/{n}"),
            new Call("GET", "/reports", null, 1, 200, "/reports"),
            new Call("GET", "/reports/2024-01", null, 1, 200, "/reports/{month}"),
            new Call("GET", "/orders", null, 1, 200, "/orders"),
            new Call("GET", "/orders/7", null, 2, 200, "/orders/{orderId}"),
            new Call("OPTIONS", "/orders/7", null, 1, 200, "/orders/{orderId}"),
            new Call("GET", "/orders/7/items/3", null, 3, 200, ORDER_LINE),
            new Call("HEAD", "/orders/8/items/4", null, 1, 200, ORDER_LINE),
            new Call("OPTIONS", "/orders/9/items/5", null, 1, 200, ORDER_LINE),
            new Call("DELETE", "/orders/7/items/3", null, 2, 204, ORDER_LINE),
            new Call("GET", "/ping", null, 1, 200, "/ping"),
            new Call("GET", "/boom", null, 2, 500, "/boom"),
            new Call("GET", "/account", null, 3, 401, "/account"),
            new Call("GET", "/account", WRONG_PASSWORD, 1, 401, "/account"),
            new Call("GET", "/account", SIGNED_IN, 2, 200, "/account"));

    Batch batch = traffic.send(calls);

    assertThat(batch.counts()).isEqualTo(expectedCounts(calls));
    assertThat(batch.unmatched()).isZero();
  }

  @Test
  void recordsAsynchronousResponsesWhenTheyComplete() throws Exception {
    List<Call> calls =
        List.of(
            new Call("GET", "/async", null, 4, 200, "/async"),
            new Call("GET", "/async/failing", null, 3, 409, "/async/failing"));

    Batch batch = traffic.send(calls);

    assertThat(batch.counts()).isEqualTo(expectedCounts(calls));
    // Timed to the resume on the other thread, not to the resource method's quick return.
    assertThat(recorder.tally("/async").shortestNanos())
        .isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(ShopResources.ASYNC_DELAY_MILLIS));
  }

  @Test
  void countsRequestsNoResourceMethodAnsweredAsUnmatchedWithoutCreatingRoutes() throws Exception {
    int routesBefore = recorder.declared().size();
    List<Call> calls =
        List.of(
            new Call("GET", "/nowhere", null, 3, 404, null),
            new Call("DELETE", "/items", null, 2, 405, null),
            new Call("PATCH", "/orders/7/items/3", null, 1, 405, null),
            new Call("GET", "/items/42/versions/latest", null, 1, 404, null),
            new Call("GET", "/numbers/12345", null, 1, 404, null),
            new Call("GET", "/orders/7/items/first", null, 1, 404, null),
            new Call("GET", "/orders/7/unknown", null, 1, 404, null));

    Batch batch = traffic.send(calls);

    assertThat(batch.counts()).isEmpty();
    assertThat(batch.unmatched()).isEqualTo(10);
    assertThat(recorder.declared()).hasSize(routesBefore);
  }

  @Test
  void aScanOfTenThousandUnknownPathsCreatesNoRouteAndCountsEachAsUnmatched() throws Exception {
    int routesBefore = recorder.declared().size();
    Map<Observation, Long> countsBefore = recorder.counts();
    long unmatchedBefore = recorder.unmatchedCount();
    long eventsBefore = recorder.events();
    SplittableRandom random = new SplittableRandom(42);
    List<String> firstHalf = unknownPaths(random, 5_000);
    List<String> secondHalf = unknownPaths(random, 5_000);

    CompletableFuture<Map<Integer, Integer>> first =
        CompletableFuture.supplyAsync(() -> scan(firstHalf));
    Map<Integer, Integer> second = scan(secondHalf);

    assertThat(first.get(1, TimeUnit.MINUTES)).containsExactly(Map.entry(404, 5_000));
    assertThat(second).containsExactly(Map.entry(404, 5_000));
    assertThat(recorder.awaitEvents(eventsBefore + 10_000, SETTLE)).isTrue();
    assertThat(recorder.unmatchedCount() - unmatchedBefore).isEqualTo(10_000);
    assertThat(recorder.countsSince(countsBefore)).isEmpty();
    assertThat(recorder.declared()).hasSize(routesBefore);
  }

  /**
   * A scan of unknown paths creates no route and remembers no path. (The heap it costs is measured
   * by bench/, UnknownPathsMemory, not here: a test does not judge memory after a collection.)
   */
  @Test
  void aHundredThousandUnknownPathsCreateNoRoute() throws Exception {
    int routesBefore = recorder.declared().size();
    long unmatchedBefore = recorder.unmatchedCount();
    long eventsBefore = recorder.events();
    SplittableRandom random = new SplittableRandom(7);

    for (int batch = 0; batch < 21; batch++) {
      assertThat(scan(unknownPaths(random, 5_000))).containsExactly(Map.entry(404, 5_000));
    }

    assertThat(recorder.awaitEvents(eventsBefore + 105_000, SETTLE)).isTrue();
    assertThat(recorder.unmatchedCount() - unmatchedBefore).isEqualTo(105_000);
    assertThat(recorder.declared()).hasSize(routesBefore);
  }

  @Test
  void declaresRoutesBehindAnUntypedLocatorWhenFirstRequested() throws Exception {
    String history = "/orders/{orderId}/history";
    assertThat(recorder.declared()).doesNotContainKey(history);
    // Jersey's generated OPTIONS first, then the POST: neither may name the route.
    List<Call> calls =
        List.of(
            new Call("OPTIONS", "/orders/1/history", null, 1, 200, history),
            new Call("POST", "/orders/1/history", null, 2, 201, history),
            new Call("GET", "/orders/2/history", null, 3, 200, history));

    Batch batch = traffic.send(calls);

    assertThat(batch.counts()).isEqualTo(expectedCounts(calls));
    assertThat(recorder.declared())
        .containsEntry(history, descriptor(history, "list", "", "HistoryResource"));
  }

  @Test
  void declaresEachRouteOnceHoweverManyRequestsItGets() throws Exception {
    List<Call> calls =
        List.of(
            new Call("GET", "/items/1", null, 20, 200, "/items/{itemId}"),
            new Call("GET", "/orders/1/items/2", null, 20, 200, ORDER_LINE),
            new Call("GET", "/orders/3/notes", null, 20, 200, "/orders/{orderId}/notes"),
            new Call("OPTIONS", "/orders/4/notes", null, 5, 200, "/orders/{orderId}/notes"));

    traffic.send(calls);
    Map<String, Integer> afterFirstBatch = recorder.declarations();
    traffic.send(calls);

    assertThat(afterFirstBatch.values()).containsOnly(1);
    assertThat(recorder.declarations()).isEqualTo(afterFirstBatch);
  }

  @Test
  void aRecorderThatThrowsNeverFailsTheRequestItObserves() throws Exception {
    long failuresBefore = recorder.failureCount();
    long eventsBefore = recorder.events();

    for (int i = 0; i < 3; i++) {
      assertThat(client.send("GET", ShopApplication.FRAGILE_RULE, null)).isEqualTo(200);
    }

    assertThat(recorder.awaitEvents(eventsBefore + 3, SETTLE)).isTrue();
    assertThat(recorder.failureCount() - failuresBefore).isEqualTo(3);
  }

  @Test
  void describesWhatItWatchesWithTheNumberOfRoutes() {
    assertThat(shop.capture().describe())
        .startsWith("every request answered by a Jersey resource method, by route template")
        .containsPattern(
            "\\(\\d+ routes, \\d+ of them discovered through sub-resource locators\\)");
  }

  /** Paths that look like the shop's but match no resource method. */
  private static List<String> unknownPaths(SplittableRandom random, int count) {
    List<String> paths = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String token = Long.toHexString(random.nextLong());
      paths.add(
          switch (random.nextInt(4)) {
            case 0 -> "/" + token;
            case 1 -> "/x" + token + "/" + token + "/" + i;
            case 2 -> "/orders/" + i + "/x" + token;
            default -> "/items/" + i + "/x" + token;
          });
    }
    return paths;
  }

  private Map<Integer, Integer> scan(List<String> paths) {
    try {
      return PipelinedScan.get(APP.getLocalPort(), paths);
    } catch (Exception e) {
      throw new IllegalStateException("scan failed", e);
    }
  }

  private static Map.Entry<String, RouteDescriptor> route(
      String rule, String name, String doc, String group) {
    return Map.entry(rule, descriptor(rule, name, doc, group));
  }

  private static Map.Entry<String, RouteDescriptor> restrictedRoute(
      String rule, String name, String doc, String group) {
    return Map.entry(
        rule,
        new RouteDescriptor(new RouteKey(ShopApplication.SERVICE, rule), name, doc, group, true));
  }

  private static RouteDescriptor descriptor(String rule, String name, String doc, String group) {
    return new RouteDescriptor(new RouteKey(ShopApplication.SERVICE, rule), name, doc, group);
  }
}
