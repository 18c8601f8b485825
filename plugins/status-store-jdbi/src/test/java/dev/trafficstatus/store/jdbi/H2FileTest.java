package dev.trafficstatus.store.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trafficstatus.spi.RouteDescriptor;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.store.MinuteBucket;
import dev.trafficstatus.spi.store.StatusStore;
import dev.trafficstatus.spi.store.StoreException;
import dev.trafficstatus.store.jdbi.testing.ChildProcess;
import dev.trafficstatus.store.jdbi.testing.DefaultStoreProcess;
import dev.trafficstatus.store.jdbi.testing.H2FileHolder;
import dev.trafficstatus.store.jdbi.testing.TestContext;
import dev.trafficstatus.testkit.Tallies;
import io.dropwizard.db.DataSourceFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The H2 file: where the default one is, and what happens when another process holds it. */
class H2FileTest {

  private static final RouteKey HOME = new RouteKey("shop", "/");
  private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

  @TempDir Path directory;

  @Test
  void withoutADatabaseTheStoreKeepsAnH2FileNamedAfterItsService() throws Exception {
    try (ChildProcess app = ChildProcess.start(directory, DefaultStoreProcess.class, "hello-world")) {
      assertThat(app.awaitLine("done")).isEqualTo("done jdbi: H2 jdbc:h2:./data/hello-world-status");
    }

    try (Stream<Path> files = Files.list(directory.resolve("data"))) {
      // H2 may keep a trace file beside the database, under the same name.
      assertThat(files.map(file -> file.getFileName().toString()).toList())
          .contains("hello-world-status.mv.db")
          .allMatch(name -> name.startsWith("hello-world-status."));
    }
  }

  @Test
  void aFileHeldByAnotherProcessFailsStartNamingTheFileAndTheSettingAndStartWorksOnceItIsFree()
      throws Exception {
    String url = "jdbc:h2:" + directory.resolve("status");
    StatusStore store = store(url);

    try (ChildProcess other = ChildProcess.start(directory, H2FileHolder.class, url)) {
      other.awaitLine("open");

      assertThatThrownBy(store::start)
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("the H2 database file " + directory.resolve("status.mv.db").toAbsolutePath())
          .hasMessageContaining("in use by another process")
          .hasMessageContaining("status.store.database.url")
          .hasMessageContaining("jdbc:h2:mem:<name>");
      assertThatThrownBy(store::start).as("again, while it is held").isInstanceOf(StoreException.class);
    }

    // The server retries a failed start: once the other process is gone, the same store starts.
    store.start();
    store.declareRoutes(List.of(new RouteDescriptor(HOME, "Home", "", "Pages")));
    store.writeMinutes(List.of(new MinuteBucket(HOME, T0, "i-1", Tallies.of(2, 0, 0, 10))));
    store.stop();
    store.start();
    store.writeMinutes(List.of(new MinuteBucket(HOME, T0.plusSeconds(60), "i-1", Tallies.of(3, 0, 0, 10))));
    assertThat(store.readSince(T0))
        .singleElement()
        .satisfies(tally -> assertThat(tally.tally().total()).isEqualTo(5));
    store.stop();
  }

  private static StatusStore store(String url) {
    DataSourceFactory h2 = JdbiStoreFactory.defaultDatabase("shop");
    h2.setUrl(url);
    JdbiStoreFactory factory = new JdbiStoreFactory();
    factory.setDatabase(h2);
    return factory.build(TestContext.bare("i-1"));
  }
}
