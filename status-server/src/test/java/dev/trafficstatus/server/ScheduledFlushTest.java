package dev.trafficstatus.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trafficstatus.testkit.MutableClock;
import dev.trafficstatus.server.testapp.ShopApp;
import dev.trafficstatus.server.testapp.ShopConfiguration;
import io.dropwizard.core.Application;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Without anyone asking, the flusher writes a minute once it closes, and the page shows it. */
@ExtendWith(DropwizardExtensionsSupport.class)
class ScheduledFlushTest {

  private static final MutableClock CLOCK = new MutableClock(Instant.now());

  static final DropwizardAppExtension<ShopConfiguration> APP =
      new DropwizardAppExtension<>(
          new DropwizardTestSupport<>(
              ShopApp.class,
              ResourceHelpers.resourceFilePath("shop.yml"),
              ConfigOverride.config(
                  "status.store.database.url", "jdbc:h2:mem:scheduled;DB_CLOSE_DELAY=-1"),
              ConfigOverride.config("status.flush.interval", "1s")) {
            @Override
            public Application<ShopConfiguration> newApplication() {
              return new ShopApp(CLOCK);
            }
          });

  @Test
  void aClosedMinuteReachesThePageAtTheNextScheduledFlush() throws Exception {
    String base = "http://localhost:" + APP.getLocalPort();
    for (int i = 0; i < 12; i++) {
      try (Response response = APP.client().target(base + "/hello").request().get()) {
        assertThat(response.getStatus()).isEqualTo(200);
      }
    }

    CLOCK.advance(Duration.ofMinutes(1));

    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    long seen = -1;
    while (System.nanoTime() < deadline) {
      JsonNode page =
          new ObjectMapper()
              .readTree(
                  APP.client()
                      .target(base + "/status")
                      .request(MediaType.APPLICATION_JSON)
                      .get(String.class));
      seen = page.at("/groups/0/routes").findValues("requests").stream()
          .mapToLong(JsonNode::asLong).max().orElse(-1);
      if (seen == 12) {
        break;
      }
      // The page is cached for its refresh interval: move past it before asking again.
      CLOCK.advance(Duration.ofMinutes(1));
      Thread.sleep(200);
    }
    assertThat(seen).isEqualTo(12);
  }
}
