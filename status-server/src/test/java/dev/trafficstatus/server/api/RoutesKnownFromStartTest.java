package dev.trafficstatus.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficstatus.server.testapp.ShopConfiguration;
import io.dropwizard.testing.DropwizardTestSupport;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An app's routes are known to the configure API from its start, as FlaskStatus knew its routes:
 * "start the app, rename a route" works at once, before any request or flush.
 */
class RoutesKnownFromStartTest {

  private final DropwizardTestSupport<ShopConfiguration> app =
      ShopWithApi.support(ShopWithApi.memoryDatabase());

  @AfterEach
  void stop() {
    app.after();
  }

  @Test
  void aRouteIsRenamedRightAfterStartWithoutAnyTrafficOrFlush() throws Exception {
    app.before();
    ShopWithApi.runtime(app).startedStore(Duration.ofSeconds(30));

    ApiClient.Answer renamed =
        ShopWithApi.client(app)
            .authorized(
                "PUT",
                ShopWithApi.API,
                "{\"rule\": \"/hello\", \"name\": \"Greeting\"}",
                ShopWithApi.SECRET);

    assertThat(renamed.status()).isEqualTo(200);
    assertThat(renamed.json().at("/route/name").asText()).isEqualTo("Greeting");
    assertThat(ShopWithApi.apiRoutes(app)).containsKey("shop /items/{id}");
  }
}
