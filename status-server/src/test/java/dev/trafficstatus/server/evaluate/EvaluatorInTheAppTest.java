package dev.trafficstatus.server.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The evaluator as the bundle wires it, in an app on the JDBI store: a route failing in the last
 * minutes opens an automatic incident, and the page (its JSON here) reads it in its headline.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class EvaluatorInTheAppTest {

  // 20 s past a minute, as the evaluator's thread runs; the page and the evaluator read this clock.
  private static final MutableClock CLOCK = MutableClock.at("2026-03-01T10:00:20Z");

  static final DropwizardAppExtension<ShopConfiguration> APP =
      new DropwizardAppExtension<>(
          new DropwizardTestSupport<>(
              ShopApp.class,
              ResourceHelpers.resourceFilePath("shop.yml"),
              ConfigOverride.config("status.store.database.url", "jdbc:h2:mem:evaluator-app;DB_CLOSE_DELAY=-1"),
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

  @Test
  void aFailingRouteOpensAnIncidentThePageReads() throws Exception {
    FlushTask flush = new FlushTask(APP.client(), APP.getAdminPort());
    long before = flush.harvested();
    for (int i = 0; i < 30; i++) {
      assertThat(get("/items/1")).isEqualTo(404);
      assertThat(get("/hello")).isEqualTo(200);
    }
    flush.untilHarvested(before + 60);

    EvaluationReport report = runtime().evaluator().orElseThrow().evaluateOnce();
    runtime().forgetCachedPages();

    assertThat(report.incidentsOpened()).isEqualTo(1);
    JsonNode page = new ObjectMapper().readTree(
        APP.client().target("http://localhost:" + APP.getLocalPort() + "/status")
            .request("application/json").get(String.class));
    assertThat(page.at("/headline").asText()).isEqualTo("Major Outage");
    JsonNode incident = page.at("/notices/0");
    assertThat(incident.at("/kind").asText()).isEqualTo("incident");
    assertThat(incident.at("/automatic").asBoolean()).isTrue();
    assertThat(incident.at("/impact").asText()).isEqualTo("critical");
    assertThat(incident.at("/affected/0/rule").asText()).isEqualTo("/items/{id}");
    assertThat(incident.at("/updates/0/body").asText())
        .startsWith("item: major outage, 100 % of requests failing over the last 5 minutes (30 of 30)");
  }
}
