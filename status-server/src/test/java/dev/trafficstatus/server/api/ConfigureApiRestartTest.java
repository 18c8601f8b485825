package dev.trafficstatus.server.api;

import static dev.trafficstatus.server.api.ShopWithApi.API;
import static dev.trafficstatus.server.api.ShopWithApi.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trafficstatus.testkit.MutableClock;
import dev.trafficstatus.server.testapp.ShopConfiguration;
import io.dropwizard.testing.DropwizardTestSupport;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What FlaskStatus got wrong: its DELETE was undone a minute later. Here a rename and a delete made
 * through the API hold across a restart of the app on the same database, fresh traffic and the
 * route discovery every start does; only the documented restore brings a deleted route back.
 */
class ConfigureApiRestartTest {

  private static final String HELLO_DISCOVERED = "Hello, World!";

  @TempDir Path directory;

  private final MutableClock clock = new MutableClock(Instant.now());

  private DropwizardTestSupport<ShopConfiguration> start() throws Exception {
    DropwizardTestSupport<ShopConfiguration> app =
        ShopWithApi.support("jdbc:h2:" + directory.resolve("status").toAbsolutePath(), clock);
    app.before();
    return app;
  }

  @Test
  void aRenameAndADeleteSurviveARestartAndFreshTrafficUntilTheDeletedRouteIsRestored()
      throws Exception {
    DropwizardTestSupport<ShopConfiguration> first = start();
    try {
      ShopWithApi.traffic(first, "/hello", 10, 200);
      ShopWithApi.traffic(first, "/items/2", 10, 200);
      ShopWithApi.flush(first);
      ApiClient api = ShopWithApi.client(first);
      assertThat(api.authorized("PUT", API, "{\"rule\": \"/hello\", \"name\": \"Greeting\", \"doc\": \"Says hi.\"}",
          SECRET).status()).isEqualTo(200);
      assertThat(api.authorized("DELETE", API, "{\"rule\": \"/items/{id}\"}", SECRET).status()).isEqualTo(200);
      ShopWithApi.traffic(first, "/items/4", 5, 200);
    } finally {
      first.after();
    }

    clock.advance(Duration.ofMinutes(3));
    DropwizardTestSupport<ShopConfiguration> second = start();
    try {
      ShopWithApi.traffic(second, "/hello", 5, 200);
      ShopWithApi.traffic(second, "/items/6", 5, 200);
      ShopWithApi.flush(second);

      Map<String, JsonNode> page = ShopWithApi.pageRoutes(second);
      assertThat(page.get("/hello").get("name").asText()).as("still renamed").isEqualTo("Greeting");
      assertThat(page.get("/hello").get("doc").asText()).isEqualTo("Says hi.");
      assertThat(page.get("/hello").get("requests").asLong()).isEqualTo(15);
      assertThat(page).as("still gone").doesNotContainKey("/items/{id}");
      Map<String, JsonNode> routes = ShopWithApi.apiRoutes(second);
      assertThat(routes.get("shop /items/{id}").get("hidden").asBoolean()).isTrue();
      assertThat(routes.get("shop /hello").get("name").asText()).isNotEqualTo(HELLO_DISCOVERED);

      ApiClient.Answer restored =
          ShopWithApi.client(second).authorized("POST", API + "/restore", "{\"rule\": \"/items/{id}\"}", SECRET);
      assertThat(restored.status()).isEqualTo(200);
      clock.advance(Duration.ofMinutes(1));
      ShopWithApi.traffic(second, "/items/8", 2, 200);
    } finally {
      second.after();
    }

    clock.advance(Duration.ofMinutes(3));
    DropwizardTestSupport<ShopConfiguration> third = start();
    try {
      ShopWithApi.traffic(third, "/items/10", 1, 200);
      ShopWithApi.flush(third);

      JsonNode items = ShopWithApi.pageRoutes(third).get("/items/{id}");
      assertThat(items).as("back after the restore").isNotNull();
      assertThat(items.get("requests").asLong()).as("only what came after the restore").isEqualTo(3);
      assertThat(ShopWithApi.pageRoutes(third).get("/hello").get("name").asText()).isEqualTo("Greeting");
    } finally {
      third.after();
    }
  }
}
