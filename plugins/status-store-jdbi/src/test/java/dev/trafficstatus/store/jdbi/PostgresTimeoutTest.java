package dev.trafficstatus.store.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.trafficstatus.spi.RouteDescriptor;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.store.MinuteBucket;
import dev.trafficstatus.spi.store.Retention;
import dev.trafficstatus.spi.store.RouteEdit;
import dev.trafficstatus.spi.store.StatusStore;
import dev.trafficstatus.spi.store.StoreException;
import dev.trafficstatus.store.jdbi.testing.EmbeddedPostgresExtension;
import dev.trafficstatus.store.jdbi.testing.PausableProxy;
import dev.trafficstatus.store.jdbi.testing.PostgresServer;
import dev.trafficstatus.store.jdbi.testing.TestContext;
import dev.trafficstatus.testkit.Tallies;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.util.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * With PostgreSQL frozen (reachable, never answering: a proxy between the store and the server is
 * paused), every store call ends with a {@link StoreException} instead of hanging, and the store
 * works again once the server answers. The bound checked is a generous liveness limit, never a
 * speed: the timeouts are set low here so the test does not take minutes.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
class PostgresTimeoutTest {

  private static final RouteKey HOME = new RouteKey("shop", "/");
  private static final RouteKey ITEM = new RouteKey("shop", "/items/{id}");
  private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
  private static final LocalDate DAY0 = LocalDate.parse("2025-03-01");

  /** Far beyond every configured timeout added up: only a hang gets near it. */
  private static final long LIVENESS_SECONDS = 60;

  @Test
  void withTheDatabaseFrozenEveryCallFailsAndTheStoreWorksAgainOnceItAnswers(PostgresServer server)
      throws Exception {
    DataSourceFactory direct = server.newDatabase();
    try (PausableProxy proxy = PausableProxy.to("localhost", server.port())) {
      JdbiStoreFactory factory = throughProxy(direct, proxy, server.port());
      StatusStore store = factory.build(TestContext.bare("i-1"));
      StatusStore late = throughProxy(direct, proxy, server.port()).build(TestContext.bare("i-2"));
      store.start();
      try {
        store.declareRoutes(List.of(route(HOME), route(ITEM)));
        store.writeMinutes(List.of(new MinuteBucket(HOME, T0, "i-1", Tallies.of(3, 0, 0, 10))));
        store.deleteRoute(ITEM);

        proxy.pause();
        Map<String, Callable<?>> calls = everyCall(store);
        calls.put("start", () -> {
          late.start();
          return null;
        });
        ExecutorService callers = Executors.newFixedThreadPool(calls.size());
        try {
          Map<String, Future<?>> running = new LinkedHashMap<>();
          calls.forEach((name, call) -> running.put(name, callers.submit(call)));
          for (Map.Entry<String, Future<?>> call : running.entrySet()) {
            ExecutionException failed =
                catchThrowableOfType(
                    ExecutionException.class, () -> call.getValue().get(LIVENESS_SECONDS, TimeUnit.SECONDS));
            assertThat(failed).as(call.getKey()).isNotNull().hasCauseInstanceOf(StoreException.class);
          }
        } finally {
          callers.shutdownNow();
        }

        proxy.resume();
        List<String> worked = new ArrayList<>();
        for (Map.Entry<String, Callable<?>> call : everyCall(store).entrySet()) {
          call.getValue().call();
          worked.add(call.getKey());
        }
        assertThat(worked).hasSize(12);
        assertThat(store.readSince(T0)).singleElement().satisfies(t -> assertThat(t.tally().total()).isEqualTo(3 + 4));
      } finally {
        store.stop();
        late.stop();
      }
    }
  }

  @Test
  void aStatementThatWaitsForALockFailsAtTheStatementTimeout(PostgresServer server) throws Exception {
    DataSourceFactory database = server.newDatabase();
    JdbiStoreFactory factory = new JdbiStoreFactory();
    factory.setDatabase(database);
    factory.getTimeouts().setStatement(Duration.seconds(1));
    StatusStore store = factory.build(TestContext.bare("i-1"));
    store.start();
    try (org.jdbi.v3.core.Handle blocker =
        org.jdbi.v3.core.Jdbi.create(database.getUrl(), database.getUser(), database.getPassword()).open()) {
      store.declareRoutes(List.of(route(HOME)));
      blocker.begin();
      blocker.execute("SELECT * FROM status_routes FOR UPDATE");
      ExecutorService caller = Executors.newSingleThreadExecutor();
      try {
        Future<?> edit = caller.submit(() -> store.editRoute(HOME, new RouteEdit("Home page", null)));
        ExecutionException failed =
            catchThrowableOfType(ExecutionException.class, () -> edit.get(LIVENESS_SECONDS, TimeUnit.SECONDS));
        assertThat(failed)
            .isNotNull()
            .cause()
            .isInstanceOf(StoreException.class)
            .hasMessageStartingWith("editing route shop /: ")
            .hasMessageContaining("canceling statement");
      } finally {
        caller.shutdownNow();
        blocker.rollback();
      }
      assertThat(store.editRoute(HOME, new RouteEdit("Home page", null))).isPresent();
    } finally {
      store.stop();
    }
  }

  /** Every call of a started store, in an order that works on a database that answers. */
  private static Map<String, Callable<?>> everyCall(StatusStore store) {
    Map<String, Callable<?>> calls = new LinkedHashMap<>();
    calls.put("declareRoutes", () -> {
      store.declareRoutes(List.of(route(HOME)));
      return null;
    });
    calls.put("writeMinutes", () -> {
      store.writeMinutes(List.of(new MinuteBucket(HOME, T0.plusSeconds(60), "i-1", Tallies.of(4, 0, 0, 10))));
      return null;
    });
    calls.put("routes", store::routes);
    calls.put("readDays", () -> store.readDays(DAY0, DAY0));
    calls.put("readSince", () -> store.readSince(T0));
    calls.put("editRoute", () -> store.editRoute(HOME, new RouteEdit("Home page", null)));
    calls.put("restoreRoute", () -> store.restoreRoute(ITEM, T0));
    calls.put("deleteRoute", () -> store.deleteRoute(ITEM));
    calls.put("maintain", () -> store.maintain(T0.plusSeconds(7_200), Retention.defaults()));
    calls.put("pendingMigrations", store::pendingMigrations);
    calls.put("migrate", store::migrate);
    calls.put("ping", () -> {
      store.ping();
      return null;
    });
    return calls;
  }

  private static RouteDescriptor route(RouteKey key) {
    return new RouteDescriptor(key, key.rule(), "", "Pages");
  }

  /** A factory for the database behind the proxy, with every timeout a few seconds. */
  private static JdbiStoreFactory throughProxy(DataSourceFactory direct, PausableProxy proxy, int serverPort) {
    StoreDataSourceFactory database = new StoreDataSourceFactory();
    database.setUrl(direct.getUrl().replace(":" + serverPort + "/", ":" + proxy.port() + "/"));
    database.setUser(direct.getUser());
    database.setPassword(direct.getPassword());
    database.setInitialSize(1);
    database.setMinSize(1);
    database.setMaxSize(4);
    database.setMaxWaitForConnection(Duration.seconds(2));
    database.setValidationQueryTimeout(Duration.seconds(1));
    database.setProperties(Map.of("connectTimeout", "2", "loginTimeout", "2", "socketTimeout", "2"));
    JdbiStoreFactory factory = new JdbiStoreFactory();
    factory.setDatabase(database);
    factory.getTimeouts().setStatement(Duration.seconds(1));
    factory.getTimeouts().setMaintenance(Duration.seconds(2));
    factory.getTimeouts().setMigration(Duration.seconds(2));
    return factory;
  }
}
