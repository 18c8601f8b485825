package dev.trafficstatus.store.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficstatus.spi.store.StatusStore;
import io.dropwizard.db.DataSourceFactory;
import java.nio.file.Path;
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
}
