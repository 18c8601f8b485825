package dev.trafficstatus.server.api;

import static dev.trafficstatus.server.api.ShopWithApi.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trafficstatus.server.statuspage.StatuspageIds;
import dev.trafficstatus.server.testapp.ShopConfiguration;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.testkit.MutableClock;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The incident and maintenance API on the shop with a real H2 store: what people do with incidents
 * and maintenances, seen through the API's answers, the public Statuspage API and the page's JSON.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class IncidentApiTest {

  static final String API = ShopWithApi.API;
  static final MutableClock CLOCK = new MutableClock(Instant.parse("2025-06-15T10:00:30Z"));

  static final DropwizardAppExtension<ShopConfiguration> APP =
      new DropwizardAppExtension<>(ShopWithApi.support(ShopWithApi.memoryDatabase(), CLOCK));

  static final String HELLO = StatuspageIds.route(new RouteKey("shop", "/hello"));

  private static ApiClient client;

  @BeforeAll
  static void someTraffic() throws InterruptedException {
    // The store starts in the background; on a busy machine its migrations take a while.
    ShopWithApi.runtime(APP.getTestSupport()).startedStore(java.time.Duration.ofSeconds(60));
    ShopWithApi.traffic(APP.getTestSupport(), "/hello", 20, 200);
    ShopWithApi.flush(APP.getTestSupport());
    client = ShopWithApi.client(APP.getTestSupport());
  }

  static ApiClient.Answer call(String method, String path, String json) {
    return client.authorized(method, API + path, json, SECRET);
  }

  static JsonNode created(String path, String json) {
    ApiClient.Answer answer = call("POST", path, json);
    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    return answer.json();
  }

  private static JsonNode ok(String method, String path, String json) {
    ApiClient.Answer answer = call(method, path, json);
    assertThat(answer.status()).as(method + " " + path + ": " + answer.body()).isEqualTo(200);
    return answer.json();
  }

  @Test
  void anIncidentOfNoRouteIsOpenedUpdatedAndResolvedAndThePublicViewsFollow() {
    JsonNode opened = created("/incidents", "{\"name\": \"Email delivery is delayed\", \"body\": \"We are looking into it.\"}");
    String id = opened.get("id").asText();
    assertThat(opened.get("status").asText()).isEqualTo("investigating");
    assertThat(opened.get("impact").asText()).isEqualTo("minor");
    assertThat(opened.get("components")).isEmpty();
    assertThat(opened.get("created_at").asText()).isEqualTo("2025-06-15T10:00:30.000Z");
    assertThat(client.get("/api/v2/incidents/unresolved.json").json().get("incidents"))
        .extracting(incident -> incident.get("id").asText()).contains(id);

    CLOCK.advance(Duration.ofMinutes(5));
    JsonNode identified = ok("POST", "/incidents/" + id + "/updates",
        "{\"status\": \"identified\", \"body\": \"A queue is stuck.\"}");
    assertThat(identified.get("incident_updates")).extracting(update -> update.get("status").asText())
        .containsExactly("identified", "investigating");

    CLOCK.advance(Duration.ofMinutes(5));
    JsonNode resolved = ok("POST", "/incidents/" + id + "/resolve", "");
    assertThat(resolved.get("status").asText()).isEqualTo("resolved");
    assertThat(resolved.get("resolved_at").asText()).isEqualTo("2025-06-15T10:10:30.000Z");
    assertThat(resolved.at("/incident_updates/0/body").asText()).isEqualTo("This incident has been resolved.");
    assertThat(call("POST", "/incidents/" + id + "/resolve", "").status()).as("already resolved").isEqualTo(409);

    assertThat(client.get("/api/v2/incidents/unresolved.json").json().get("incidents"))
        .extracting(incident -> incident.get("id").asText()).doesNotContain(id);
    assertThat(ok("GET", "/incidents/" + id, null)).isEqualTo(resolved);
    assertThat(ok("GET", "/incidents", null).get("incidents"))
        .extracting(incident -> incident.get("id").asText()).contains(id);
    JsonNode onThePage = ShopWithApi.page(APP.getTestSupport()).get("notices");
    assertThat(onThePage).extracting(notice -> notice.get("id").asText()).contains(id);
  }

  @Test
  void routesAreNamedByComponentIdOrSlugAndTheirStatesShowInThePublicApi() {
    JsonNode opened = created("/incidents", "{\"name\": \"Hello fails\", \"body\": \"Down.\","
        + " \"components\": {\"shop-hello\": \"major_outage\"}}");
    String id = opened.get("id").asText();
    assertThat(opened.get("impact").asText()).as("from the worst route state").isEqualTo("critical");
    assertThat(opened.at("/components/0/id").asText()).isEqualTo(HELLO);
    assertThat(opened.at("/incident_updates/0/affected_components/0/new_status").asText()).isEqualTo("major_outage");
    JsonNode status = client.get("/api/v2/status.json").json().get("status");
    assertThat(status.get("indicator").asText()).as("an open critical incident").isEqualTo("critical");

    JsonNode better = ok("POST", "/incidents/" + id + "/updates", "{\"status\": \"monitoring\","
        + " \"body\": \"Fixed, watching.\", \"components\": {\"" + HELLO + "\": \"operational\"}}");
    assertThat(better.get("monitoring_at").isNull()).isFalse();
    JsonNode change = better.at("/incident_updates/0/affected_components/0");
    assertThat(change.get("old_status").asText()).isEqualTo("major_outage");
    assertThat(change.get("new_status").asText()).isEqualTo("operational");

    JsonNode edited = ok("PATCH", "/incidents/" + id, "{\"name\": \"Hello failed\", \"impact\": \"minor\"}");
    assertThat(edited.get("name").asText()).isEqualTo("Hello failed");
    assertThat(edited.get("impact").asText()).isEqualTo("minor");
    assertThat(edited.get("incident_updates")).as("a change of fields adds no update").hasSize(2);
    JsonNode noRoutes = ok("PATCH", "/incidents/" + id, "{\"component_ids\": []}");
    assertThat(noRoutes.get("components")).isEmpty();

    assertThat(call("PATCH", "/incidents/" + id, "{}").error()).startsWith("Nothing to change");
    assertThat(call("POST", "/incidents", "{\"name\": \"x\", \"components\": {\"shop-nothing\": \"major_outage\"}}")
        .error()).startsWith("No route has the component id or slug 'shop-nothing'");
    assertThat(call("POST", "/incidents", "{\"name\": \"x\", \"components\": {\"shop-hello\": \"under_maintenance\"}}")
        .error()).contains("must be one of operational, degraded_performance");
    ok("DELETE", "/incidents/" + id, null);
    assertThat(call("GET", "/incidents/" + id, null).status()).isEqualTo(404);
  }

  @Test
  void maintenancesAreScheduledMovedCancelledAndRefusedInThePastWithoutAReason() {
    Instant now = CLOCK.instant();
    JsonNode scheduled = created("/maintenances", "{\"name\": \"Database upgrade\", \"scheduled_for\": \""
        + now.plus(Duration.ofDays(1)) + "\", \"scheduled_until\": \"" + now.plus(Duration.ofDays(1)).plus(Duration.ofHours(1))
        + "\", \"body\": \"Short writes pause.\", \"component_ids\": [\"shop-hello\"]}");
    String id = scheduled.get("id").asText();
    assertThat(scheduled.get("status").asText()).isEqualTo("scheduled");
    assertThat(scheduled.get("impact").asText()).isEqualTo("maintenance");
    assertThat(scheduled.has("scheduled_for")).isTrue();
    assertThat(client.get("/api/v2/scheduled-maintenances/upcoming.json").json().get("scheduled_maintenances"))
        .extracting(maintenance -> maintenance.get("id").asText()).contains(id);

    JsonNode longer = ok("PATCH", "/maintenances/" + id, "{\"scheduled_until\": \""
        + now.plus(Duration.ofDays(1)).plus(Duration.ofHours(2)) + "\"}");
    assertThat(java.time.OffsetDateTime.parse(longer.get("scheduled_until").asText()).toInstant())
        .isEqualTo(now.plus(Duration.ofDays(1)).plus(Duration.ofHours(2)));
    JsonNode cancelled = ok("POST", "/maintenances/" + id + "/cancel", "{\"body\": \"Not needed.\"}");
    assertThat(cancelled.get("status").asText()).isEqualTo("completed");
    assertThat(cancelled.at("/incident_updates/0/body").asText()).isEqualTo("Not needed.");

    String past = "{\"name\": \"Unannounced fix\", \"scheduled_for\": \"" + now.minus(Duration.ofHours(3))
        + "\", \"scheduled_until\": \"" + now.minus(Duration.ofHours(2)) + "\", \"body\": \"\"";
    ApiClient.Answer refused = call("POST", "/maintenances", past + "}");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.error()).contains("backdatedReason");
    JsonNode recorded = created("/maintenances", past + ", \"backdated_reason\": \"Emergency patch\"}");
    assertThat(recorded.get("status").asText()).isEqualTo("completed");

    ApiClient.Answer tooLong = call("POST", "/maintenances", "{\"name\": \"Migration\", \"scheduled_for\": \""
        + now.plus(Duration.ofHours(1)) + "\", \"scheduled_until\": \"" + now.plus(Duration.ofDays(3)) + "\"}");
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.error()).contains("at most");
    ApiClient.Answer backwards = call("POST", "/maintenances", "{\"name\": \"Migration\", \"scheduled_for\": \""
        + now.plus(Duration.ofHours(2)) + "\", \"scheduled_until\": \"" + now.plus(Duration.ofHours(1)) + "\"}");
    assertThat(backwards.error()).isEqualTo("scheduledUntil must be after scheduledFor");
    assertThat(call("POST", "/maintenances", "{\"name\": \"x\", \"scheduled_for\": \"tomorrow\","
        + " \"scheduled_until\": \"later\"}").error()).startsWith("scheduled_for must be a time in ISO-8601");
  }

  @Test
  void aMaintenanceInProgressPutsItsRouteUnderMaintenance() {
    Instant now = CLOCK.instant();
    JsonNode running = created("/maintenances", "{\"name\": \"Rolling restart\", \"scheduled_for\": \""
        + now.minus(Duration.ofMinutes(1)) + "\", \"scheduled_until\": \"" + now.plus(Duration.ofMinutes(30))
        + "\", \"body\": \"Restarting.\", \"component_ids\": [\"" + HELLO + "\"]}");
    try {
      assertThat(running.get("status").asText()).isEqualTo("in_progress");
      JsonNode components = client.get("/api/v2/components.json").json().get("components");
      JsonNode hello = null;
      for (JsonNode component : components) {
        if (component.get("id").asText().equals(HELLO)) {
          hello = component;
        }
      }
      assertThat(hello).isNotNull();
      assertThat(hello.get("status").asText()).isEqualTo("under_maintenance");
      assertThat(ShopWithApi.pageRoutes(APP.getTestSupport()).get("/hello").get("current").asText())
          .isEqualTo("maintenance");
      assertThat(client.get("/api/v2/scheduled-maintenances/active.json").json().get("scheduled_maintenances"))
          .extracting(m -> m.get("id").asText()).contains(running.get("id").asText());
    } finally {
      ok("POST", "/maintenances/" + running.get("id").asText() + "/complete", null);
    }
  }

  @Test
  void idsOfTheOtherKindOrOfNoFormAreNotFound() {
    String incident = created("/incidents", "{\"name\": \"Kinds\", \"body\": \"\"}").get("id").asText();
    assertThat(call("GET", "/maintenances/" + incident, null).status()).isEqualTo(404);
    assertThat(call("POST", "/maintenances/" + incident + "/complete", "").status()).isEqualTo(404);
    assertThat(call("DELETE", "/maintenances/" + incident, null).status()).isEqualTo(404);
    for (String id : List.of("nope", "ABCDEFGHIJKL", "000000000000", "a".repeat(13), "%3Cscript%3E")) {
      assertThat(call("GET", "/incidents/" + id, null).status()).as(id).isEqualTo(404);
    }
    assertThat(client.get(API + "/incidents").status()).as("no token").isEqualTo(401);
    assertThat(client.send("POST", API + "/incidents", "{\"name\": \"x\"}", "Authorization", "Bearer " + SECRET,
        "Content-Type", "text/plain").status()).isEqualTo(415);
    ok("DELETE", "/incidents/" + incident, null);
  }

  @Test
  void concurrentUpdatesAreEachKeptOrRefusedWith409NeverLost() throws Exception {
    String id = created("/incidents", "{\"name\": \"Busy\", \"body\": \"Start.\"}").get("id").asText();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < 24; i++) {
        int n = i;
        answers.add(pool.submit(() -> call("POST", "/incidents/" + id + "/updates",
            "{\"body\": \"Update " + n + "\"}").status()));
      }
      int kept = 0;
      for (Future<Integer> answer : answers) {
        int status = answer.get();
        assertThat(status).isIn(200, 409);
        kept += status == 200 ? 1 : 0;
      }
      assertThat(ok("GET", "/incidents/" + id, null).get("incident_updates")).hasSize(kept + 1);
    } finally {
      pool.shutdownNow();
    }
    ok("DELETE", "/incidents/" + id, null);
  }
}
