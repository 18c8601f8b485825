package dev.trafficstatus.store.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficstatus.spi.RouteDescriptor;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.store.MaintenanceReport;
import dev.trafficstatus.spi.store.MinuteBucket;
import dev.trafficstatus.spi.store.Retention;
import dev.trafficstatus.spi.store.StatusStore;
import dev.trafficstatus.spi.store.Tally;
import dev.trafficstatus.store.jdbi.testing.EmbeddedPostgresExtension;
import dev.trafficstatus.store.jdbi.testing.PostgresServer;
import dev.trafficstatus.testkit.Tallies;
import io.dropwizard.db.DataSourceFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The store contract on a real PostgreSQL 17, plus what only a database shared by several
 * processes shows: concurrent writers and the maintenance lock. Each "process" is a store instance
 * with a pool of its own and a distinct instance id.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
class PostgresStatusStoreTest extends JdbiStoreContract {

  private static PostgresServer server;

  @BeforeAll
  static void server(PostgresServer shared) {
    server = shared;
  }

  @Override
  protected DataSourceFactory newDatabase() {
    return server.newDatabase();
  }

  private StatusStore process(String instance) throws Exception {
    StatusStore store = builtStore(factory(), instance);
    store.start();
    return store;
  }

  @Test
  void threeInstancesWritingTheSameMinutesConcurrentlySumExactly() throws Exception {
    List<RouteDescriptor> routes = new ArrayList<>();
    for (int n = 0; n < 20; n++) {
      routes.add(route(new RouteKey("shop", "/r" + n + "/{id}"), "Route " + n));
    }
    List<String> instances = List.of("i-a", "i-b", "i-c");
    List<StatusStore> processes = new ArrayList<>();
    for (String instance : instances) {
      processes.add(process(instance));
    }
    CyclicBarrier together = new CyclicBarrier(instances.size());
    ExecutorService threads = Executors.newFixedThreadPool(instances.size());
    Map<RouteKey, Tally> expected = new HashMap<>();
    List<Future<?>> running = new ArrayList<>();
    try {
      for (int i = 0; i < instances.size(); i++) {
        StatusStore store = processes.get(i);
        String instance = instances.get(i);
        List<List<MinuteBucket>> flushes = new ArrayList<>();
        for (int minute = 0; minute < 60; minute++) {
          List<MinuteBucket> flush = new ArrayList<>();
          for (int n = 0; n < routes.size(); n++) {
            Tally tally = Tallies.of(1 + n + minute % 7, (i + n + minute) % 4 == 0 ? 1 : 0, i, 100L + 10L * i + n);
            flush.add(bucket(routes.get(n).key(), minute(0, 10, minute), instance, tally));
            expected.merge(routes.get(n).key(), tally, Tally::plus);
          }
          flushes.add(flush);
        }
        running.add(
            threads.submit(
                () -> {
                  together.await();
                  store.declareRoutes(routes);
                  for (List<MinuteBucket> flush : flushes) {
                    store.writeMinutes(flush);
                    // Every flush is retried once, as after a lost acknowledgement.
                    store.writeMinutes(flush);
                  }
                  return null;
                }));
      }
      for (Future<?> writer : running) {
        writer.get(60, TimeUnit.SECONDS);
      }
    } finally {
      threads.shutdownNow();
    }

    StatusStore reader = processes.get(0);
    assertThat(byRoute(reader.readSince(T0))).isEqualTo(expected);
    Map<RouteKey, Map<LocalDate, Tally>> expectedDays = new HashMap<>();
    expected.forEach((route, tally) -> expectedDays.put(route, Map.of(DAY0, tally)));
    assertThat(byRouteAndDay(reader.readDays(DAY0, DAY0))).isEqualTo(expectedDays);
    assertThat(count("SELECT COUNT(*) FROM status_minutes")).isEqualTo(3 * 20 * 60);
    assertThat(count("SELECT COUNT(*) FROM status_routes")).isEqualTo(20);
  }

  @Test
  void maintenanceRunsInOnlyOneOfTwoConcurrentProcesses() throws Exception {
    StatusStore first = process("i-1");
    StatusStore second = process("i-2");
    first.declareRoutes(List.of(route(HOME, "Home")));
    first.writeMinutes(List.of(bucket(HOME, minute(0, 12, 0), "i-1", Tallies.of(5, 1, 0, 300))));
    Instant now = minute(1, 1, 0);

    MaintenanceReport firstReport;
    MaintenanceReport secondReport;
    try (Handle blocker = sql().open()) {
      // Hold yesterday's bookkeeping row so the first run stops inside its locked section.
      blocker.begin();
      blocker.createQuery("SELECT version FROM status_day_state FOR UPDATE").mapTo(Long.class).one();
      CompletableFuture<MaintenanceReport> running =
          CompletableFuture.supplyAsync(() -> first.maintain(now, Retention.defaults()));
      awaitAdvisoryLockHeld(blocker, running);

      secondReport = second.maintain(now, Retention.defaults());

      blocker.rollback();
      firstReport = running.get(30, TimeUnit.SECONDS);
    }

    assertThat(secondReport).isEqualTo(MaintenanceReport.skipped());
    assertThat(firstReport).isEqualTo(new MaintenanceReport(true, 1, 0, 0));
    assertThat(second.maintain(now, Retention.defaults())).isEqualTo(new MaintenanceReport(true, 0, 0, 0));
    assertThat(byRouteAndDay(second.readDays(DAY0, DAY0)))
        .isEqualTo(Map.of(HOME, Map.of(DAY0, Tallies.of(5, 1, 0, 300))));
  }

  private static void awaitAdvisoryLockHeld(Handle handle, CompletableFuture<?> running)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      long held =
          handle
              .createQuery(
                  """
                  SELECT COUNT(*) FROM pg_locks
                  WHERE locktype = 'advisory' AND granted
                    AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
                  """)
              .mapTo(Long.class)
              .one();
      if (held > 0) {
        return;
      }
      assertThat(running).as("maintenance ended before it took the lock").isNotDone();
      Thread.sleep(5);
    }
    throw new AssertionError("maintenance never took the advisory lock");
  }
}
