package dev.trafficstatus.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficstatus.server.testapp.ShopApp;
import dev.trafficstatus.server.testapp.ShopConfiguration;
import dev.trafficstatus.server.testing.Eventually;
import dev.trafficstatus.spi.store.RouteTally;
import dev.trafficstatus.spi.store.StatusStore;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** With page.enabled false an app only captures, writing into a store another process renders. */
@ExtendWith(DropwizardExtensionsSupport.class)
class CaptureOnlyTest {

  static final DropwizardAppExtension<ShopConfiguration> APP =
      new DropwizardAppExtension<>(
          ShopApp.class,
          ResourceHelpers.resourceFilePath("shop.yml"),
          ConfigOverride.config("status.store.database.url", "jdbc:h2:mem:capture-only;DB_CLOSE_DELAY=-1"),
          ConfigOverride.config("status.page.enabled", "false"));

  @Test
  void servesNoPageButStillStoresEveryRequest() throws Exception {
    Instant start = Instant.now();
    String base = "http://localhost:" + APP.getLocalPort();
    for (int i = 0; i < 4; i++) {
      try (Response hello = APP.client().target(base + "/hello").request().get()) {
        assertThat(hello.getStatus()).isEqualTo(200);
      }
    }
    try (Response page = APP.client().target(base + "/status").request().get()) {
      assertThat(page.getStatus()).isEqualTo(404);
    }

    StatusStore store = ((ShopApp) APP.getApplication()).bundle().runtime().store();
    Eventually.await(
        "the four requests stored",
        Duration.ofSeconds(10),
        () -> {
          APP.client()
              .target("http://localhost:" + APP.getAdminPort() + "/tasks/trafficstatus-flush")
              .request()
              .post(Entity.text(""))
              .close();
          return store.readSince(start).stream().mapToLong(t -> t.tally().total()).sum() == 4;
        });

    assertThat(store.readSince(start))
        .singleElement()
        .satisfies(
            (RouteTally hello) -> {
              assertThat(hello.route().rule()).isEqualTo("/hello");
              assertThat(hello.tally().success()).isEqualTo(4);
            });
  }
}
