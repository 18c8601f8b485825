package dev.trafficstatus.store.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.trafficstatus.spi.RouteDescriptor;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.store.StatusStore;
import dev.trafficstatus.spi.store.StoredRoute;
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
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Route declarations in a fleet: every instance declares the same routes on every start, so a
 * declaration must not wait for another instance's locks on the shared route rows it does not
 * change, whether it changes nothing or only adds a route. With an upsert of every route, 200 instances starting at once queued behind each other
 * until their declarations failed on the statement timeout (SCALING.md).
 */
@ExtendWith(EmbeddedPostgresExtension.class)
class PostgresRouteDeclarationsTest {

  private static final int ROUTES = 50;

  @Test
  void aDeclarationThatChangesNothingDoesNotWaitForAnotherInstancesRowLocks(
      PostgresServer postgres) throws Exception {
    DataSourceFactory database = postgres.newDatabase();
    List<RouteDescriptor> routes = new ArrayList<>();
    for (int r = 0; r < ROUTES; r++) {
      routes.add(new RouteDescriptor(new RouteKey("shop", "/items/" + r), "Item " + r, "", "Items", false));
    }
    StatusStore first = store(database, "web-1");
    StatusStore second = store(database, "web-2");
    try (Connection other = DriverManager.getConnection(database.getUrl(), database.getUser(), "")) {
      first.declareRoutes(routes);

      // Another instance in the middle of its own declaration: it holds every route row's lock.
      other.setAutoCommit(false);
      try (Statement lock = other.createStatement()) {
        lock.execute("SELECT id FROM status_routes FOR UPDATE");
      }
      second.declareRoutes(routes);
      // A new version of the app adds a route: inserted beside the locked rows, not behind them.
      List<RouteDescriptor> withNew = new ArrayList<>(routes);
      withNew.add(new RouteDescriptor(new RouteKey("shop", "/basket"), "Basket", "", "Items", false));
      second.declareRoutes(withNew);
      other.rollback();

      assertThat(second.routes()).extracting(StoredRoute::name)
          .containsExactlyInAnyOrderElementsOf(withNew.stream().map(RouteDescriptor::name).toList());
      List<RouteDescriptor> renamed = new ArrayList<>(withNew);
      renamed.set(0, new RouteDescriptor(routes.get(0).key(), "Item zero", "", "Items", false));
      second.declareRoutes(renamed);
      assertThat(first.routes()).filteredOn(route -> route.key().equals(routes.get(0).key()))
          .extracting(StoredRoute::name).containsExactly("Item zero");
    } finally {
      first.stop();
      second.stop();
    }
  }

  /** A store as an instance configures it, with a statement timeout short enough for a test. */
  private static StatusStore store(DataSourceFactory database, String instance) throws Exception {
    String yaml =
        """
        type: jdbi
        timeouts:
          statement: 3s
        database:
          url: %s
          user: %s
          password: ""
        """
            .formatted(database.getUrl(), database.getUser());
    ObjectMapper mapper =
        Jackson.newObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    JdbiStoreFactory factory =
        new YamlConfigurationFactory<>(JdbiStoreFactory.class, Validators.newValidator(), mapper, "dw")
            .build(path -> new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "store.yml");
    StatusStore store = factory.build(TestContext.bare(instance));
    store.start();
    return store;
  }
}
