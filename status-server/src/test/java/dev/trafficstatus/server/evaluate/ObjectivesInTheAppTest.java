package dev.trafficstatus.server.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trafficstatus.core.evaluate.EvaluationReport;
import dev.trafficstatus.server.testapp.ShopApp;
import dev.trafficstatus.server.testapp.ShopConfiguration;
import dev.trafficstatus.server.testing.FlushTask;
import dev.trafficstatus.server.wiring.StatusRuntime;
import dev.trafficstatus.testkit.MutableClock;
import io.dropwizard.core.Application;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Objectives as the bundle wires them (status.objectives), in an app on the JDBI store: a route
 * failing every request burns its budget, the evaluator opens the objective's incident, and the
 * page shows both objectives' budgets, in its JSON and on the cards.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ObjectivesInTheAppTest {

  private static final MutableClock CLOCK = MutableClock.at("2026-03-01T10:00:20Z");

  static final DropwizardAppExtension<ShopConfiguration> APP =
      new DropwizardAppExtension<>(
          new DropwizardTestSupport<>(
              ShopApp.class,
              ResourceHelpers.resourceFilePath("shop-objectives.yml"),
              ConfigOverride.config("status.store.database.url", "jdbc:h2:mem:objectives-app;DB_CLOSE_DELAY=-1"),
              ConfigOverride.config("status.classification.ignoreNotFoundWithParameters", "false")) {
            @Override
            public Application<ShopConfiguration> newApplication() {
              return new ShopApp(CLOCK);
            }
          });

  private static StatusRuntime runtime() {
    return ((ShopApp) APP.getApplication()).bundle().runtime();
  }

  private static int get(String path) {
    try (Response response =
        APP.client().target("http://localhost:" + APP.getLocalPort() + path).request().get()) {
      return response.getStatus();
    }
  }

  private static String page(String mediaType) {
    return APP.client().target("http://localhost:" + APP.getLocalPort() + "/status").request(mediaType).get(String.class);
  }

  @Test
  void aBurningObjectiveOpensItsIncidentAndThePageShowsEveryBudget() throws Exception {
    FlushTask flush = new FlushTask(APP.client(), APP.getAdminPort());
    long before = flush.harvested();
    for (int i = 0; i < 30; i++) {
      assertThat(get("/items/1")).isEqualTo(404);
      assertThat(get("/hello")).isEqualTo(200);
    }
    flush.untilHarvested(before + 60);
    // Objectives count closed minutes: the next minute's run sees 10:00.
    CLOCK.advance(Duration.ofMinutes(1));

    EvaluationReport report = runtime().evaluator().orElseThrow().evaluateOnce();
    runtime().forgetCachedPages();

    assertThat(report.objectiveIncidentsOpened()).isEqualTo(1);
    JsonNode page = new ObjectMapper().readTree(page("application/json"));
    assertThat(page.at("/notices").findValuesAsText("name"))
        .contains("Error budget burning: items (availability)");
    JsonNode items = page.at("/objectives/2");
    assertThat(items.at("/name").asText()).isEqualTo("items");
    assertThat(items.at("/indicator").asText()).isEqualTo("availability");
    assertThat(items.at("/targetPercent").asDouble()).isEqualTo(99.9);
    assertThat(items.at("/attainmentPercent").asDouble()).isEqualTo(0.0);
    assertThat(items.at("/spentRequests").asLong()).isEqualTo(30);
    // 30 requests at 99.9 %: 0.03 allowed, 30 spent.
    assertThat(items.at("/budgetRequests").asDouble()).isCloseTo(0.03, within(1e-9));
    assertThat(items.at("/remainingPercent").asDouble()).isCloseTo(-99_900.0, within(1e-6));
    assertThat(items.at("/currentBurn").asDouble()).isCloseTo(1_000.0, within(1e-9));
    assertThat(items.at("/exhaustionSeconds").asLong()).isZero();
    assertThat(items.at("/alerting").asBoolean()).isTrue();
    assertThat(items.at("/routes/0/rule").asText()).isEqualTo("/items/{id}");
    JsonNode hello = page.at("/objectives/0");
    assertThat(hello.at("/name").asText()).isEqualTo("hello");
    assertThat(hello.at("/attainmentPercent").asDouble()).isEqualTo(100.0);
    assertThat(hello.at("/remainingPercent").asDouble()).isEqualTo(100.0);
    assertThat(hello.at("/currentBurn").asDouble()).isEqualTo(0.0);
    assertThat(hello.at("/exhaustionSeconds").isNull()).isTrue();
    assertThat(hello.at("/alerting").asBoolean()).isFalse();
    assertThat(hello.at("/budgetByDay")).hasSize(31);
    assertThat(hello.at("/budgetByDay/0").isNull()).isTrue();
    assertThat(hello.at("/budgetByDay/30").asDouble()).isEqualTo(100.0);
    JsonNode helloLatency = page.at("/objectives/1");
    assertThat(helloLatency.at("/indicator").asText()).isEqualTo("latency");
    assertThat(helloLatency.at("/latencyThresholdMs").asDouble()).isEqualTo(300.0);
    assertThat(helloLatency.at("/attainmentPercent").asDouble()).isEqualTo(100.0);

    // The card of the items route shows its objective; the objectives page sorts on the server.
    String html = page("text/html");
    assertThat(html).contains("<span class=\"objective-name\">Objective items</span>: "
            + "<span class=\"objective-target\">availability 99.9 % over 30 days</span>",
        "Burning fast", "Error budget spent (30 bad of 0.03 allowed)",
        "100.0 % of the error budget left (0.3 of 0.3 requests)");
    assertThat(objectiveNames("/status/objectives"))
        .containsExactly("Objective hello", "Objective hello", "Objective items");
    assertThat(objectiveNames("/status/objectives?sort=remaining"))
        .containsExactly("Objective items", "Objective hello", "Objective hello");
    try (Response bad = APP.client().target("http://localhost:" + APP.getLocalPort() + "/status/objectives?sort=name")
        .request().get()) {
      assertThat(bad.getStatus()).isEqualTo(400);
      assertThat(bad.readEntity(String.class)).contains("sort must be remaining or configured");
    }
    componentsCarryTheirObjectives();
  }

  /** Statuspage's components carry the objectives covering their routes as extra keys. */
  private static void componentsCarryTheirObjectives() throws Exception {
    JsonNode components = new ObjectMapper().readTree(
        APP.client().target("http://localhost:" + APP.getLocalPort() + "/api/v2/components.json")
            .request("application/json").get(String.class)).at("/components");
    JsonNode hello = null;
    for (JsonNode component : components) {
      if (component.at("/objectives/0/name").asText().equals("hello")) {
        hello = component;
      }
      if (component.at("/group").asBoolean()) {
        assertThat(component.has("objectives")).isFalse();
      }
    }
    assertThat(hello).isNotNull();
    assertThat(hello.at("/objectives").findValuesAsText("name")).containsExactly("hello", "hello");
    assertThat(hello.at("/objectives/0/indicator").asText()).isEqualTo("availability");
    assertThat(hello.at("/objectives/1/indicator").asText()).isEqualTo("latency");
    assertThat(hello.at("/objectives/0/target_percent").asDouble()).isEqualTo(99.0);
  }

  /** The objectives' names on the objectives page, in its order. */
  private static List<String> objectiveNames(String path) {
    String html = APP.client().target("http://localhost:" + APP.getLocalPort() + path).request("text/html")
        .get(String.class);
    Matcher names = Pattern.compile("<span class=\"objective-name\">([^<]*)</span>").matcher(html);
    List<String> found = new ArrayList<>();
    while (names.find()) {
      found.add(names.group(1));
    }
    return found;
  }
}
