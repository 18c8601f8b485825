package dev.trafficstatus.server;

import dev.trafficstatus.server.wiring.StatusRuntime;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficstatus.testkit.MutableClock;
import dev.trafficstatus.server.testapp.ShopApp;
import dev.trafficstatus.server.testapp.ShopConfiguration;
import dev.trafficstatus.spi.RouteDescriptor;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.capture.RouteRecorder;
import io.dropwizard.core.Application;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Rows grow with routes × time, never with requests: a million requests are ten minute rows. */
@ExtendWith(DropwizardExtensionsSupport.class)
class StorageBoundTest {

  private static final String URL = "jdbc:h2:mem:bound;DB_CLOSE_DELAY=-1";
  private static final MutableClock CLOCK =
      new MutableClock(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES));

  static final DropwizardAppExtension<ShopConfiguration> APP =
      new DropwizardAppExtension<>(
          new DropwizardTestSupport<>(
              ShopApp.class,
              ResourceHelpers.resourceFilePath("shop.yml"),
              ConfigOverride.config("status.store.database.url", URL)) {
            @Override
            public Application<ShopConfiguration> newApplication() {
              return new ShopApp(CLOCK);
            }
          });

  @Test
  void aMillionRequestsOverTenRoutesInOneMinuteAreTenMinuteRows() throws Exception {
    StatusRuntime runtime = ((ShopApp) APP.getApplication()).bundle().runtime();
    List<RouteRecorder> routes = new ArrayList<>();
    for (int r = 0; r < 10; r++) {
      routes.add(
          runtime.registry().route(
              new RouteDescriptor(new RouteKey(runtime.service(), "/load/" + r), "load " + r, "", "Load")));
    }
    for (int i = 0; i < 1_000_000; i++) {
      routes.get(i % 10).record(i % 1000 == 0 ? 503 : 200, 1_000L + i % 5_000_000);
    }
    CLOCK.advance(Duration.ofMinutes(1));

    assertThat(runtime.flusher().flushClosed().complete()).isTrue();

    try (Connection db = DriverManager.getConnection(URL, "sa", "");
        ResultSet rows =
            db.createStatement()
                .executeQuery(
                    "SELECT COUNT(*), SUM(m.total), SUM(m.failure) FROM status_minutes m"
                        + " JOIN status_routes r ON r.id = m.route_id WHERE r.rule LIKE '/load/%'")) {
      rows.next();
      assertThat(rows.getLong(1)).isEqualTo(10);
      assertThat(rows.getLong(2)).isEqualTo(1_000_000);
      assertThat(rows.getLong(3)).isEqualTo(1_000);
    }
  }
}
