package dev.trafficstatus.store.jdbi;

import static dev.trafficstatus.testkit.StoreTestData.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficstatus.spi.RouteDescriptor;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.store.MaintenanceReport;
import dev.trafficstatus.spi.store.MinuteBucket;
import dev.trafficstatus.spi.store.Retention;
import dev.trafficstatus.spi.store.StatusStore;
import dev.trafficstatus.spi.store.Tally;
import dev.trafficstatus.store.jdbi.internal.UtcPeriods;
import dev.trafficstatus.store.jdbi.testing.ChildProcess;
import dev.trafficstatus.store.jdbi.testing.DutyHolderProcess;
import dev.trafficstatus.store.jdbi.testing.EmbeddedPostgresExtension;
import dev.trafficstatus.store.jdbi.testing.PostgresServer;
import dev.trafficstatus.testkit.Tallies;
import io.dropwizard.db.DataSourceFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.junit.jupiter.api.io.TempDir;

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
  void flushesOfDifferentInstancesShareNoRow() throws Exception {
    List<RouteDescriptor> routes = List.of(route(HOME, "Home"), route(ITEM, "Item"));
    List<String> instances = List.of("i-a", "i-b", "i-c");
    CyclicBarrier together = new CyclicBarrier(instances.size());
    ExecutorService threads = Executors.newFixedThreadPool(instances.size());
    List<Future<?>> running = new ArrayList<>();
    try {
      for (int i = 0; i < instances.size(); i++) {
        StatusStore store = process(instances.get(i));
        String instance = instances.get(i);
        int flushes = 5 + i;
        running.add(
            threads.submit(
                () -> {
                  store.declareRoutes(routes);
                  together.await();
                  // The same minutes of the same routes by every instance: hour 10 in every
                  // flush, hour 11 in the first two.
                  for (int f = 0; f < flushes; f++) {
                    List<MinuteBucket> flush = new ArrayList<>();
                    flush.add(bucket(HOME, minute(0, 10, f), instance, Tallies.of(1, 0, 0, 10)));
                    flush.add(bucket(ITEM, minute(0, 10, f), instance, Tallies.of(2, 0, 0, 10)));
                    if (f < 2) {
                      flush.add(bucket(HOME, minute(0, 11, 0), instance, Tallies.of(3, 0, 0, 10)));
                    }
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

    // Each bookkeeping row counts the flushes of one instance alone: a row two instances shared
    // would count both. The tables every flush used to bump are untouched.
    long hour10 = UtcPeriods.hourOf(minute(0, 10, 0));
    List<String> bookkeeping =
        sql()
            .withHandle(
                handle ->
                    handle
                        .createQuery(
                            "SELECT epoch_hour, instance, version FROM status_hour_writes"
                                + " ORDER BY epoch_hour, instance")
                        .map((rs, ctx) -> (rs.getLong(1) - hour10) + " " + rs.getString(2) + " " + rs.getLong(3))
                        .list());
    assertThat(bookkeeping)
        .containsExactly("0 i-a 5", "0 i-b 6", "0 i-c 7", "1 i-a 2", "1 i-b 2", "1 i-c 2");
    assertThat(count("SELECT COUNT(*) FROM status_day_state")).isZero();
    assertThat(count("SELECT COUNT(*) FROM status_minutes")).isEqualTo(3 + (5 + 6 + 7) * 2);
    assertThat(count("SELECT COUNT(DISTINCT instance) FROM status_minutes")).isEqualTo(3);
  }

  /**
   * Twenty processes flush the same minutes of the same routes at once, each flush retried once,
   * while a twenty-first runs maintenance again and again with a "now" that closes the hours and
   * the day being written (so rollups race with writes into what they roll up). Sums are exact
   * throughout and after a last maintenance. Flush times are printed for RELIABILITY.md, never
   * asserted.
   */
  @Test
  void twentyProcessesFlushingTheSameMinutesWhileMaintenanceRunsSumExactly() throws Exception {
    int processes = 20;
    int minutes = 120;
    List<RouteDescriptor> routes = new ArrayList<>();
    for (int n = 0; n < 10; n++) {
      routes.add(route(new RouteKey("shop", "/r" + n + "/{id}"), "Route " + n));
    }
    StatusStore maintainer = process("maintainer");
    maintainer.declareRoutes(routes);
    List<StatusStore> stores = new ArrayList<>();
    for (int i = 0; i < processes; i++) {
      stores.add(process("i-" + i));
    }
    Map<RouteKey, Tally> expected = new HashMap<>();
    List<List<List<MinuteBucket>>> flushesOf = new ArrayList<>();
    for (int i = 0; i < processes; i++) {
      List<List<MinuteBucket>> flushes = new ArrayList<>();
      for (int m = 0; m < minutes; m++) {
        // Each process starts at another minute, so some write an hour while it is rolled up.
        int minute = (m + i * 7) % minutes;
        List<MinuteBucket> flush = new ArrayList<>();
        for (int n = 0; n < routes.size(); n++) {
          Tally tally = Tallies.of(1 + (n + minute + i) % 5, (i + n) % 3 == 0 ? 1 : 0, 0, 100L + i + n);
          flush.add(bucket(routes.get(n).key(), minute(0, 10 + minute / 60, minute % 60), "i-" + i, tally));
          expected.merge(routes.get(n).key(), tally, Tally::plus);
        }
        flushes.add(flush);
      }
      flushesOf.add(flushes);
    }
    CyclicBarrier together = new CyclicBarrier(processes + 1);
    ExecutorService threads = Executors.newFixedThreadPool(processes + 1);
    List<Long> flushNanos = java.util.Collections.synchronizedList(new ArrayList<>());
    java.util.concurrent.atomic.AtomicBoolean writing = new java.util.concurrent.atomic.AtomicBoolean(true);
    List<Future<?>> writers = new ArrayList<>();
    long started;
    long took;
    int maintenanceRuns;
    try {
      for (int i = 0; i < processes; i++) {
        StatusStore store = stores.get(i);
        List<List<MinuteBucket>> flushes = flushesOf.get(i);
        writers.add(
            threads.submit(
                () -> {
                  together.await();
                  for (List<MinuteBucket> flush : flushes) {
                    for (int attempt = 0; attempt < 2; attempt++) {
                      long before = System.nanoTime();
                      store.writeMinutes(flush);
                      flushNanos.add(System.nanoTime() - before);
                    }
                  }
                  return null;
                }));
      }
      List<Instant> nows = List.of(minute(0, 11, 0), minute(0, 12, 0), minute(1, 0, 30));
      Future<Integer> maintenance =
          threads.submit(
              () -> {
                together.await();
                int runs = 0;
                while (writing.get()) {
                  assertThat(maintainer.maintain(nows.get(runs % nows.size()), Retention.defaults()).ran())
                      .isTrue();
                  runs++;
                }
                return runs;
              });
      started = System.nanoTime();
      for (Future<?> writer : writers) {
        writer.get(300, TimeUnit.SECONDS);
      }
      took = System.nanoTime() - started;
      writing.set(false);
      maintenanceRuns = maintenance.get(60, TimeUnit.SECONDS);
    } finally {
      writing.set(false);
      threads.shutdownNow();
    }

    Map<RouteKey, Map<LocalDate, Tally>> expectedDays = new HashMap<>();
    expected.forEach((route, tally) -> expectedDays.put(route, Map.of(DAY0, tally)));
    assertThat(byRoute(maintainer.readSince(T0))).isEqualTo(expected);
    assertThat(byRouteAndDay(maintainer.readDays(DAY0, DAY0))).isEqualTo(expectedDays);
    maintainer.maintain(minute(1, 1, 0), Retention.defaults());
    assertThat(byRouteAndDay(stores.get(0).readDays(DAY0, DAY0))).isEqualTo(expectedDays);
    assertThat(count("SELECT COUNT(*) FROM status_minutes")).isEqualTo((long) processes * minutes * routes.size());

    List<Long> sorted = new ArrayList<>(flushNanos);
    java.util.Collections.sort(sorted);
    System.out.printf(
        "%d processes x %d flushes of %d buckets (each written twice), %d maintenance runs meanwhile:"
            + " %.1f s in all; flush median %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n",
        processes, minutes, routes.size(), maintenanceRuns, took / 1e9,
        sorted.get(sorted.size() / 2) / 1e6, sorted.get(sorted.size() * 9 / 10) / 1e6,
        sorted.get(sorted.size() * 99 / 100) / 1e6, sorted.get(sorted.size() - 1) / 1e6);
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
      // Hold the written hour's bookkeeping row so the first run stops inside its locked section.
      blocker.begin();
      blocker.createQuery("SELECT version FROM status_hour_writes FOR UPDATE").mapTo(Long.class).one();
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

  @Test
  void aDutyHeldByAnotherProcessIsSkippedUntilThatProcessDies(@TempDir Path directory) throws Exception {
    StatusStore store = process("i-1");
    store.declareRoutes(List.of(route(HOME, "Home")));
    store.writeMinutes(List.of(bucket(HOME, minute(0, 12, 0), "i-1", Tallies.of(5, 1, 0, 300))));
    DataSourceFactory database = database();
    try (ChildProcess holder =
        ChildProcess.start(
            directory, DutyHolderProcess.class, database.getUrl(), database.getUser(), database.getPassword(),
            "evaluator")) {
      holder.awaitLine("holding");

      assertThat(store.runExclusive("evaluator", () -> "ran")).isEmpty();
      assertThat(store.runExclusive("sender", () -> "ran")).contains("ran");
      // Maintenance's lock has a key of another kind: a duty never holds it up.
      assertThat(store.maintain(minute(1, 1, 0), Retention.defaults()))
          .isEqualTo(new MaintenanceReport(true, 1, 0, 0));

      holder.kill();
      assertThat(awaitDuty(store, "evaluator")).contains("ran once the holder died");
    }
  }

  @Test
  void aDutyReleasedByAnotherProcessIsTakenAtOnce(@TempDir Path directory) throws Exception {
    StatusStore store = process("i-1");
    DataSourceFactory database = database();
    ChildProcess holder =
        ChildProcess.start(
            directory, DutyHolderProcess.class, database.getUrl(), database.getUser(), database.getPassword(),
            "sender");
    try {
      holder.awaitLine("holding");
      assertThat(store.runExclusive("sender", () -> "ran")).isEmpty();
    } finally {
      holder.close();
    }

    assertThat(store.runExclusive("sender", () -> "ran")).contains("ran");
  }

  /**
   * Tries a duty until it runs: the server ends a dead client's session when it notices the closed
   * socket. A liveness bound, not a speed verdict.
   */
  private static Optional<String> awaitDuty(StatusStore store, String duty) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      Optional<String> ran = store.runExclusive(duty, () -> "ran once the holder died");
      if (ran.isPresent()) {
        return ran;
      }
      Thread.sleep(50);
    }
    return Optional.empty();
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
