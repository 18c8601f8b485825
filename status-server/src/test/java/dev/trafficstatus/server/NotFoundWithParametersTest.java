package dev.trafficstatus.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trafficstatus.server.testapp.ShopApp;
import dev.trafficstatus.server.testapp.ShopConfiguration;
import dev.trafficstatus.server.testing.Eventually;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Asking for items that do not exist cannot make a route look down: by default a 404 from a route
 * whose template has path parameters means "no such item" and counts neither way.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class NotFoundWithParametersTest {

  static final DropwizardAppExtension<ShopConfiguration> APP =
      new DropwizardAppExtension<>(
          ShopApp.class,
          ResourceHelpers.resourceFilePath("shop.yml"),
          ConfigOverride.config(
              "status.store.database.url", "jdbc:h2:mem:not-found;DB_CLOSE_DELAY=-1"));

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aScanOfMissingItemsLeavesTheRouteOperational() throws Exception {
    for (int i = 0; i < 200; i++) {
      assertThat(status("/items/" + (2 * i + 1))).isEqualTo(404);
    }
    for (int i = 0; i < 20; i++) {
      assertThat(status("/items/2")).isEqualTo(200);
    }
    Eventually.await(
        "the 220 requests flushed",
        Duration.ofSeconds(10),
        () -> {
          APP.client()
              .target("http://localhost:" + APP.getAdminPort() + "/tasks/trafficstatus-flush")
              .request()
              .post(Entity.text(""))
              .close();
          return items().get("requests").asLong() == 220;
        });

    JsonNode items = items();
    assertThat(items.get("failures").asLong()).isZero();
    assertThat(items.get("uptimePercent").asDouble()).isEqualTo(100.0);
    assertThat(items.get("current").asText()).isEqualTo("operational");
  }

  private static JsonNode items() throws Exception {
    Response response =
        APP.client()
            .target("http://localhost:" + APP.getLocalPort() + "/status")
            .request(MediaType.APPLICATION_JSON)
            .get();
    JsonNode page = JSON.readTree(response.readEntity(String.class));
    for (JsonNode group : page.get("groups")) {
      for (JsonNode route : group.get("routes")) {
        if (route.get("rule").asText().equals("/items/{id}")) {
          return route;
        }
      }
    }
    return JSON.createObjectNode().put("requests", 0);
  }

  private static int status(String path) {
    try (Response response =
        APP.client().target("http://localhost:" + APP.getLocalPort() + path).request().get()) {
      return response.getStatus();
    }
  }
}
