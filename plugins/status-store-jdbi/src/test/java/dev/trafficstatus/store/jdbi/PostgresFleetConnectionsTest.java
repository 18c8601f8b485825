package dev.trafficstatus.store.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.trafficstatus.spi.RouteDescriptor;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.store.LatencyHistogram;
import dev.trafficstatus.spi.store.MinuteBucket;
import dev.trafficstatus.spi.store.StatusStore;
import dev.trafficstatus.spi.store.Tally;
import dev.trafficstatus.store.jdbi.testing.EmbeddedPostgresExtension;
import dev.trafficstatus.store.jdbi.testing.PostgresServer;
import dev.trafficstatus.store.jdbi.testing.TestContext;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A fleet's connections: every instance has a pool of its own, so what one pool holds is
 * multiplied by the number of instances (SCALING.md).
 */
@ExtendWith(EmbeddedPostgresExtension.class)
class PostgresFleetConnectionsTest {

  private static final int INSTANCES = 40;

  /**
   * With Dropwizard's pool sizes (10 connections opened at start) ten instances filled
   * PostgreSQL's default of 100 connections before writing a row, and the eleventh failed to
   * start; forty did not fit in this test server's 300.
   */
  @Test
  void instancesConfiguredWithUrlUserAndPasswordOnlyHoldOneConnectionEachBetweenFlushes(
      PostgresServer postgres) throws Exception {
    DataSourceFactory database = postgres.newDatabase();
    String block =
        """
        database:
          url: %s
          user: %s
          password: ""
        """
            .formatted(database.getUrl(), database.getUser());
    RouteKey route = new RouteKey("shop", "/orders");
    List<StatusStore> fleet = new ArrayList<>();
    try {
      for (int i = 0; i < INSTANCES; i++) {
        StatusStore store = bind(block).build(TestContext.bare("shop-" + i));
        fleet.add(store);
        store.start();
        store.declareRoutes(List.of(new RouteDescriptor(route, "Orders", "", "Shop")));
        store.writeMinutes(
            List.of(
                new MinuteBucket(
                    route, Instant.parse("2025-06-15T10:00:00Z"), "shop-" + i,
                    new Tally(1, 1, 0, 0, Duration.ofMillis(3),
                        LatencyHistogram.builder()
                            .record(Duration.ofMillis(3), 1).build()))));
      }

      assertThat(fleet).hasSize(INSTANCES);
      assertThat(connectionsTo(postgres, database)).isEqualTo(INSTANCES);
    } finally {
      for (StatusStore store : fleet) {
        store.stop();
      }
    }
  }

  private static long connectionsTo(PostgresServer postgres, DataSourceFactory database) throws Exception {
    String name = database.getUrl().substring(database.getUrl().lastIndexOf('/') + 1).split("\\?")[0];
    try (Connection admin = postgres.admin().getConnection();
        Statement statement = admin.createStatement();
        ResultSet row =
            statement.executeQuery(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = '" + name + "'")) {
      row.next();
      return row.getLong(1);
    }
  }

  private static JdbiStoreFactory bind(String yaml) throws Exception {
    ObjectMapper mapper =
        Jackson.newObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    YamlConfigurationFactory<JdbiStoreFactory> binder =
        new YamlConfigurationFactory<>(JdbiStoreFactory.class, Validators.newValidator(), mapper, "dw");
    String typed = "type: jdbi\n" + yaml;
    return binder.build(path -> new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)), "store.yml");
  }
}
