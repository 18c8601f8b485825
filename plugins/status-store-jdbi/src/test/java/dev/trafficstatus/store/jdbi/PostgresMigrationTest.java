package dev.trafficstatus.store.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficstatus.spi.RouteDescriptor;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.store.StatusStore;
import dev.trafficstatus.spi.store.StoreException;
import dev.trafficstatus.store.jdbi.internal.SchemaMigrator;
import dev.trafficstatus.store.jdbi.testing.EmbeddedPostgresExtension;
import dev.trafficstatus.store.jdbi.testing.OlderSchema;
import dev.trafficstatus.store.jdbi.testing.PostgresServer;
import dev.trafficstatus.store.jdbi.testing.TestContext;
import io.dropwizard.db.DataSourceFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Migrations that cannot wedge, on a real PostgreSQL: many processes starting at once on a fresh
 * database, and a process killed while migrating.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
class PostgresMigrationTest {

  private static final RouteKey HOME = new RouteKey("shop", "/");

  private final List<StatusStore> stores = new ArrayList<>();

  @AfterEach
  void stopStores() throws Exception {
    for (StatusStore store : stores) {
      store.stop();
    }
  }

  /** Starts a store, as the server's start-up thread would. */
  private static Runnable starting(StatusStore store) {
    return () -> {
      try {
        store.start();
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new CompletionException(e);
      }
    };
  }

  private StatusStore store(DataSourceFactory database, String instance) {
    JdbiStoreFactory factory = new JdbiStoreFactory();
    factory.setDatabase(database);
    StatusStore store = factory.build(TestContext.bare(instance));
    stores.add(store);
    return store;
  }

  private static Jdbi sql(DataSourceFactory database) {
    return Jdbi.create(database.getUrl(), database.getUser(), database.getPassword());
  }

  private static List<String> changelog(DataSourceFactory database) {
    return sql(database)
        .withHandle(
            handle ->
                handle
                    .createQuery("SELECT id FROM " + SchemaMigrator.CHANGELOG_TABLE + " ORDER BY orderexecuted")
                    .mapTo(String.class)
                    .list());
  }

  @Test
  void sixProcessesStartingAtOnceOnAFreshDatabaseAllStartWithOneSchema(PostgresServer server)
      throws Exception {
    for (int round = 0; round < 3; round++) {
      DataSourceFactory database = server.newDatabase();
      List<StatusStore> processes = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        processes.add(store(database, "i-" + i));
      }
      CyclicBarrier together = new CyclicBarrier(processes.size());
      ExecutorService threads = Executors.newFixedThreadPool(processes.size());
      try {
        List<Future<?>> starts = new ArrayList<>();
        for (StatusStore process : processes) {
          starts.add(
              threads.submit(
                  () -> {
                    together.await();
                    process.start();
                    return null;
                  }));
        }
        for (Future<?> start : starts) {
          start.get(120, TimeUnit.SECONDS);
        }
      } finally {
        threads.shutdownNow();
      }

      assertThat(changelog(database)).as("round %d", round).isEqualTo(JdbiStoreContract.CHANGE_SETS);
      for (StatusStore process : processes) {
        process.declareRoutes(List.of(new RouteDescriptor(HOME, "Home", "", "Pages")));
        assertThat(process.routes()).hasSize(1);
      }
    }
  }

  @Test
  void aMigratorWhoseSessionDiesWhileItHoldsTheLocksDoesNotBlockTheNextStart(PostgresServer server)
      throws Exception {
    DataSourceFactory database = server.newDatabase();
    OlderSchema.apply(database, 6);
    StatusStore killed = store(database, "killed");
    CompletableFuture<Void> migrating;
    try (Handle blocker = sql(database).open()) {
      // Change set 7 reads status_hour_state: the migration stops there, inside Liquibase's update.
      blocker.begin();
      blocker.execute("LOCK TABLE status_hour_state IN ACCESS EXCLUSIVE MODE");
      migrating = CompletableFuture.runAsync(starting(killed));
      int migrator = awaitMigratorWaitingInsideItsLocks(blocker, migrating);
      assertThat(liquibaseLocked(blocker)).as("Liquibase's own lock, as a dead migrator leaves it").isTrue();

      blocker.createQuery("SELECT pg_terminate_backend(:pid)").bind("pid", migrator).mapTo(Boolean.class).one();

      ExecutionException died =
          org.assertj.core.api.Assertions.catchThrowableOfType(
              ExecutionException.class, () -> migrating.get(60, TimeUnit.SECONDS));
      assertThat(died).hasCauseInstanceOf(StoreException.class);
      blocker.rollback();
    }
    assertThat(sql(database).withHandle(OlderSchemaChecks::liquibaseLockedNow))
        .as("still set after its session died")
        .isTrue();

    StatusStore next = store(database, "next");
    // Liquibase alone would wait five minutes for its lock, then fail.
    CompletableFuture.runAsync(starting(next)).get(60, TimeUnit.SECONDS);

    assertThat(changelog(database)).isEqualTo(JdbiStoreContract.CHANGE_SETS);
    next.declareRoutes(List.of(new RouteDescriptor(HOME, "Home", "", "Pages")));
    assertThat(next.routes()).hasSize(1);
  }

  /** The backend that holds the migration lock once it waits for a table lock inside Liquibase. */
  private static int awaitMigratorWaitingInsideItsLocks(Handle handle, CompletableFuture<?> migrating)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      assertThat(migrating).as("the migration ended before it took its lock").isNotDone();
      Optional<Integer> holder =
          handle
              .createQuery(
                  """
                  SELECT pid FROM pg_locks
                  WHERE locktype = 'advisory' AND granted AND objsubid = 1
                    AND classid = :high AND objid = :low
                    AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
                  """)
              .bind("high", SchemaMigrator.LOCK_KEY >>> 32)
              .bind("low", SchemaMigrator.LOCK_KEY & 0xFFFF_FFFFL)
              .mapTo(Integer.class)
              .findOne();
      if (holder.isPresent()) {
        boolean waiting =
            handle
                .createQuery("SELECT COUNT(*) > 0 FROM pg_locks WHERE pid = :pid AND NOT granted")
                .bind("pid", holder.get())
                .mapTo(Boolean.class)
                .one();
        if (waiting) {
          return holder.get();
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the migration never waited inside its locks");
  }

  private static boolean liquibaseLocked(Handle handle) {
    return OlderSchemaChecks.liquibaseLockedNow(handle);
  }

  /** Reads Liquibase's lock row. */
  private static final class OlderSchemaChecks {
    static boolean liquibaseLockedNow(Handle handle) {
      return handle
          .createQuery("SELECT locked FROM " + SchemaMigrator.CHANGELOG_LOCK_TABLE + " WHERE id = 1")
          .mapTo(Boolean.class)
          .one();
    }
  }
}
