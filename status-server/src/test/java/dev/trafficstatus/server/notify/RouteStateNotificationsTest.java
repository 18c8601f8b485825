package dev.trafficstatus.server.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trafficstatus.core.evaluate.EvaluationReport;
import dev.trafficstatus.server.testing.Eventually;
import dev.trafficstatus.server.testing.HookReceiver;
import dev.trafficstatus.spi.store.DeliveryAttempt;
import dev.trafficstatus.spi.store.DeliveryAttempt.Outcome;
import dev.trafficstatus.testkit.MutableClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19, "a route's current state changed": on the shop with a real H2 store and a clock the
 * test moves, a route that turns from operational to major outage and back makes the evaluator
 * write exactly two {@code route.state_changed} events; a webhook gets both with {@code
 * notifications.routeStateChanges: true}, and with the default (off) gets nothing while the
 * delivery log records both as skipped.
 */
class RouteStateNotificationsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path dir;

  // 20 s past a minute, when the evaluator's thread runs.
  private final MutableClock clock = MutableClock.at("2026-03-01T12:00:20Z");
  private final String database = "jdbc:h2:mem:route-states-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
  private HookReceiver receiver;
  private NotifyingShop shop;

  private void start(boolean routeStateChanges) throws Exception {
    receiver = new HookReceiver();
    shop = NotifyingShop.on(dir, clock).database(database)
        .classification("ignoreNotFoundWithParameters: false")
        .notifications("timeout: 2s\nrouteStateChanges: " + routeStateChanges)
        .webhook("ops", receiver.url("/hooks/ops"), "whsec-9f8e7d6c5b4a3210")
        .start();
  }

  @AfterEach
  void stop() {
    if (shop != null) {
      shop.close();
    }
    if (receiver != null) {
      receiver.close();
    }
  }

  /**
   * Thirty requests to an item, all stored in this minute, then one evaluation at the same moment.
   * Jersey hands a request to the capture as it finishes, which can be just after the client has
   * its answer: without waiting for all thirty, the last ones of a minute could be counted in the
   * minute after the clock moves on (a failure landing beside the recovery's successes).
   */
  private EvaluationReport minuteOf(String item) throws Exception {
    Instant minute = clock.instant().truncatedTo(ChronoUnit.MINUTES);
    for (int i = 0; i < 30; i++) {
      HTTP.send(HttpRequest.newBuilder(URI.create(shop.url("/items/" + item))).build(),
          HttpResponse.BodyHandlers.discarding());
    }
    Eventually.await("the minute's 30 requests stored", Duration.ofSeconds(10), () -> {
      shop.runtime().flusher().flushAll();
      return shop.runtime().store().readSince(minute).stream().mapToLong(t -> t.tally().total()).sum() == 30;
    });
    return shop.runtime().evaluator().orElseThrow().evaluateOnce();
  }

  /** The item route turns to a major outage and back: 2 is found, 1 is not (a failure here). */
  private List<Integer> failAndRecover() throws Exception {
    List<Integer> written = new ArrayList<>();
    written.add(minuteOf("2").routeStateEvents());
    clock.advance(Duration.ofMinutes(1));
    written.add(minuteOf("1").routeStateEvents());
    clock.advance(Duration.ofMinutes(10));
    written.add(minuteOf("2").routeStateEvents());
    clock.advance(Duration.ofMinutes(1));
    written.add(minuteOf("2").routeStateEvents());
    return written;
  }

  /** The ids of the events of no notice, oldest first, read from the store's table. */
  private List<String> routeEventIds() throws Exception {
    List<String> ids = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection(database, "sa", "");
        ResultSet rows = connection.createStatement().executeQuery(
            "SELECT id, type FROM status_outbox_events WHERE notice_id IS NULL ORDER BY seq")) {
      while (rows.next()) {
        assertThat(rows.getString("type")).isEqualTo("ROUTE_STATE_CHANGED");
        ids.add(rows.getString("id"));
      }
    }
    return ids;
  }

  private List<DeliveryAttempt> attempts(String eventId) {
    return shop.runtime().store().outbox().orElseThrow().attempts(eventId);
  }

  @Test
  void aRouteThatFailsAndRecoversReachesTheWebhookTwiceWhenAsked() throws Exception {
    start(true);

    assertThat(failAndRecover()).containsExactly(0, 1, 1, 0);

    Eventually.await("both events delivered", Duration.ofSeconds(30), () -> receiver.received("/hooks/ops").size() == 2);
    List<String> ids = routeEventIds();
    assertThat(ids).hasSize(2);
    List<JsonNode> bodies = new ArrayList<>();
    for (HookReceiver.Request got : receiver.received("/hooks/ops")) {
      assertThat(got.header("X-Status-Event")).isEqualTo("route.state_changed");
      bodies.add(JSON.readTree(got.body()));
    }
    assertThat(bodies).extracting(body -> body.get("id").asText()).containsExactlyElementsOf(ids);
    assertThat(bodies).extracting(body -> body.at("/route/rule").asText() + " " + body.get("from").asText() + " -> "
            + body.get("to").asText() + " at " + body.get("created_at").asText())
        .containsExactly(
            "/items/{id} operational -> major_outage at 2026-03-01T12:01:20Z",
            "/items/{id} major_outage -> operational at 2026-03-01T12:11:20Z");
    assertThat(bodies.get(0).get("event").asText()).isEqualTo("route.state_changed");
    assertThat(bodies.get(0).at("/route/name").asText()).isNotBlank();
    // The page, as incident events name it: which page a receiver of several pages' events hears.
    for (JsonNode body : bodies) {
      assertThat(body.fieldNames()).toIterable().startsWith("id", "created_at", "event", "page");
      assertThat(body.at("/page/name").asText()).isEqualTo("The Shop");
      assertThat(body.at("/page/id").asText()).isNotBlank();
    }
    Eventually.await("both deliveries recorded", Duration.ofSeconds(30),
        () -> ids.stream().allMatch(id -> !attempts(id).isEmpty()));
    for (String id : ids) {
      assertThat(attempts(id)).extracting(DeliveryAttempt::outcome).containsExactly(Outcome.DELIVERED);
    }
  }

  @Test
  void withTheDefaultTheEventsAreWrittenAndRecordedAsSkipped() throws Exception {
    start(false);

    assertThat(failAndRecover()).containsExactly(0, 1, 1, 0);

    List<String> ids = routeEventIds();
    assertThat(ids).hasSize(2);
    Eventually.await("both deliveries recorded", Duration.ofSeconds(30),
        () -> ids.stream().allMatch(id -> !attempts(id).isEmpty()));
    for (String id : ids) {
      assertThat(attempts(id)).singleElement().satisfies(attempt -> {
        assertThat(attempt.receiver()).isEqualTo("webhook:ops");
        assertThat(attempt.outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(attempt.error()).contains("route state changes are off");
      });
    }
    assertThat(receiver.received()).isEmpty();
  }
}
