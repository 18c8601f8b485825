package dev.trafficstatus.server.statuspage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trafficstatus.server.StatusConfiguration;
import dev.trafficstatus.server.testapp.StatusOnlyApp;
import dev.trafficstatus.testkit.MutableClock;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Statuspage API of a page with groups and a route in every state, one with no data: every
 * endpoint's answer against the schema, every route's component status against the state the page
 * shows (README's table), the groups, and the headers every client relies on (CORS, ETag and 304,
 * Cache-Control within the refresh).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class StatuspageApiTest {

  private static final MutableClock CLOCK = new MutableClock(StatuspageSeed.NOW);

  static final String SECRET = "contract-test-secret-0123456789";

  static final DropwizardAppExtension<StatusConfiguration> APP =
      StatusOnlyApp.extension("statuspage-api", CLOCK,
          Map.of("status.api.enabled", "true", "status.api.secret", SECRET));

  /** The page's states and the component statuses the README's table maps them to. */
  static final Map<String, String> COMPONENT_OF_STATE = Map.of(
      "operational", "operational",
      "no_data", "operational",
      "degraded", "degraded_performance",
      "partial_outage", "partial_outage",
      "major_outage", "major_outage",
      "maintenance", "under_maintenance");

  static final List<String> ENDPOINTS = List.of(
      "summary.json:summary", "status.json:statusEnvelope", "components.json:componentsEnvelope",
      "incidents.json:incidentsEnvelope", "incidents/unresolved.json:incidentsEnvelope",
      "scheduled-maintenances.json:maintenancesEnvelope",
      "scheduled-maintenances/upcoming.json:maintenancesEnvelope",
      "scheduled-maintenances/active.json:maintenancesEnvelope");

  private static HttpCalls http;

  /**
   * The routes of {@link StatuspageSeed}, and through the incident API an open incident, a
   * resolved one, a scheduled maintenance and one in progress (on the home page).
   */
  @BeforeAll
  static void seed() {
    StatuspageSeed.writeTo(StatusOnlyApp.store(APP));
    http = new HttpCalls(APP.getLocalPort());
    String api = "/flask-status/configure";
    created(api + "/incidents", "{\"name\": \"Checkout fails\", \"status\": \"identified\","
        + " \"body\": \"Payments time out.\", \"components\": {\"shop-checkout\": \"major_outage\"}}");
    String resolved = created(api + "/incidents", "{\"name\": \"Slow search\", \"body\": \"Looking.\"}")
        .get("id").asText();
    created(api + "/incidents/" + resolved + "/resolve", "{\"body\": \"Fast again.\"}");
    created(api + "/maintenances", "{\"name\": \"Database upgrade\", \"scheduled_for\":"
        + " \"2025-06-16T02:00:00Z\", \"scheduled_until\": \"2025-06-16T03:00:00Z\", \"body\": \"Brief.\","
        + " \"component_ids\": [\"shop-cart\"]}");
    created(api + "/maintenances", "{\"name\": \"Front page redeploy\", \"scheduled_for\":"
        + " \"2025-06-15T09:55:00Z\", \"scheduled_until\": \"2025-06-15T10:30:00Z\", \"body\": \"Now.\","
        + " \"component_ids\": [\"shop\"]}");
    StatusOnlyApp.showWhatWasWritten(APP);
  }

  private static JsonNode created(String path, String json) {
    HttpCalls.Answer answer = http.authorized("POST", path, json, SECRET);
    assertThat(answer.status()).as(path + ": " + answer.body()).isBetween(200, 201);
    return answer.json();
  }

  @Test
  void everyEndpointAnswersInStatuspagesShapeForEveryKindOfNotice() {
    JsonNode summary = http.get("/api/v2/summary.json").json();
    assertThat(summary.get("incidents")).extracting(i -> i.get("status").asText()).containsExactly("identified");
    assertThat(summary.get("scheduled_maintenances")).extracting(m -> m.get("status").asText())
        .containsExactlyInAnyOrder("scheduled", "in_progress");
    assertThat(http.get("/api/v2/incidents.json").json().get("incidents"))
        .extracting(i -> i.get("status").asText()).containsExactlyInAnyOrder("identified", "resolved");
    for (String endpoint : ENDPOINTS) {
      String[] parts = endpoint.split(":");
      HttpCalls.Answer answer = http.get("/api/v2/" + parts[0]);
      assertThat(answer.status()).as(parts[0]).isEqualTo(200);
      assertThat(answer.header("Content-Type")).startsWith("application/json");
      assertThat(StatuspageSchema.violations(parts[1], answer.json())).as(parts[0]).isEmpty();
    }
  }

  @Test
  void everyRoutesComponentStatusIsTheStateThePageShows() {
    Map<String, String> pageStates = new HashMap<>();
    for (JsonNode group : http.get("/status", "Accept", "application/json").json().get("groups")) {
      for (JsonNode route : group.get("routes")) {
        pageStates.put(route.get("name").asText(), route.get("current").asText());
      }
    }
    assertThat(pageStates).containsValues("maintenance", "degraded", "partial_outage",
        "major_outage", "no_data");
    Map<String, String> components = new HashMap<>();
    Map<String, JsonNode> byId = new HashMap<>();
    for (JsonNode component : http.get("/api/v2/components.json").json().get("components")) {
      byId.put(component.get("id").asText(), component);
      if (!component.get("group").asBoolean()) {
        components.put(component.get("name").asText(), component.get("status").asText());
      }
    }
    assertThat(components.keySet()).isEqualTo(pageStates.keySet());
    pageStates.forEach((name, state) ->
        assertThat(components.get(name)).as(name).isEqualTo(COMPONENT_OF_STATE.get(state)));

    List<JsonNode> groups = byId.values().stream().filter(c -> c.get("group").asBoolean()).toList();
    assertThat(groups).extracting(g -> g.get("name").asText())
        .containsExactlyInAnyOrder("Storefront", "Checkout");
    for (JsonNode group : groups) {
      for (JsonNode child : group.get("components")) {
        assertThat(byId.get(child.asText()).get("group_id").asText()).isEqualTo(group.get("id").asText());
      }
    }
    JsonNode checkout = groups.stream().filter(g -> g.get("name").asText().equals("Checkout")).findFirst().orElseThrow();
    assertThat(checkout.get("status").asText()).as("a group is its worst route").isEqualTo("major_outage");
  }

  @Test
  void theIndicatorIsTheWorstComponentByTheDocumentedTable() {
    JsonNode status = http.get("/api/v2/status.json").json().get("status");
    assertThat(status.get("indicator").asText()).isEqualTo("critical");
    assertThat(status.get("description").asText()).isEqualTo("Major Service Outage");
  }

  @Test
  void idsAreStableDerivedFromTheRouteKeyAndThePage() {
    JsonNode summary = http.get("/api/v2/summary.json").json();
    assertThat(summary.at("/page/id").asText()).isEqualTo(StatuspageIds.page("shop"));
    assertThat(summary.at("/page/name").asText()).isEqualTo("The Shop");
    assertThat(summary.at("/page/url").asText()).isEqualTo(http.origin() + "/status");
    assertThat(summary.at("/page/updated_at").asText()).isEqualTo("2025-06-15T10:00:30.000Z");
    List<String> ids = new java.util.ArrayList<>();
    summary.get("components").forEach(c -> ids.add(c.get("id").asText()));
    assertThat(ids).contains(StatuspageIds.route(StatuspageSeed.CHECKOUT));
  }

  @Test
  void answersAreOpenToEveryOriginTaggedAndCachedForTheRestOfTheRefresh() {
    HttpCalls.Answer first = http.get("/api/v2/summary.json", "Origin", "https://elsewhere.example");
    assertThat(first.header("Access-Control-Allow-Origin")).isEqualTo("*");
    String etag = first.header("ETag");
    assertThat(etag).isNotBlank();
    assertThat(first.header("Cache-Control")).matches("(no-transform, )?max-age=([0-9]|[1-5][0-9]|60)");

    HttpCalls.Answer again = http.get("/api/v2/summary.json", "If-None-Match", etag);
    assertThat(again.status()).isEqualTo(304);
    assertThat(again.response().body()).isEmpty();
    assertThat(again.header("Access-Control-Allow-Origin")).isEqualTo("*");

  }
}
