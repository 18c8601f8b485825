package dev.trafficstatus.store.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficstatus.spi.RouteDescriptor;
import dev.trafficstatus.spi.store.StatusStore;
import dev.trafficstatus.store.jdbi.testing.OlderSchema;
import dev.trafficstatus.testkit.StoreTestData;
import io.dropwizard.db.DataSourceFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on H2 file databases, the embedded default. */
class H2StatusStoreTest extends JdbiStoreContract {

  @TempDir Path directory;

  @Override
  protected DataSourceFactory newDatabase() {
    DataSourceFactory h2 = JdbiStoreFactory.defaultDatabase("test");
    h2.setUrl("jdbc:h2:" + directory.resolve("status").toAbsolutePath());
    return h2;
  }

  @Test
  void buildLeavesTheDatabaseAloneUntilStart() throws Exception {
    StatusStore store = builtStore(factory(), "test");
    Path file = directory.resolve("status.mv.db");

    assertThat(file).doesNotExist();
    store.start();
    assertThat(file).exists();
  }

  @Test
  void aLiquibaseLockLeftByAProcessThatDiedMigratingDoesNotKeepTheStoreFromStarting() throws Exception {
    OlderSchema.apply(database(), 6);
    try (Connection connection =
            DriverManager.getConnection(database().getUrl(), database().getUser(), database().getPassword());
        Statement statement = connection.createStatement()) {
      // What a process killed inside Liquibase's update leaves: its lock, set.
      statement.executeUpdate("UPDATE status_changelog_lock SET locked = TRUE, lockgranted = CURRENT_TIMESTAMP,"
          + " lockedby = 'a process that died'");
    }
    StatusStore next = builtStore(factory(), "next");

    // Liquibase alone would wait five minutes for its lock, then fail, at every start.
    CompletableFuture.runAsync(() -> {
      try {
        next.start();
      } catch (Exception failed) {
        throw new IllegalStateException(failed);
      }
    }).get(60, TimeUnit.SECONDS);

    assertThat(count("SELECT COUNT(*) FROM status_changelog")).isEqualTo(CHANGE_SETS.size());
    assertThat(count("SELECT COUNT(*) FROM status_changelog_lock WHERE locked")).isZero();
    next.declareRoutes(List.of(new RouteDescriptor(StoreTestData.HOME, "Home", "", "Pages")));
    assertThat(next.routes()).hasSize(1);
  }
}
