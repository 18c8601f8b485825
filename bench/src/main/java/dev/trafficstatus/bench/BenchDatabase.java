package dev.trafficstatus.bench;

import io.dropwizard.db.DataSourceFactory;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A database server for one benchmark run: PostgreSQL 17 started from the zonky binaries in this
 * JVM, or H2 files in a directory. Hands out databases; a server from {@link #start(Kind)} deletes
 * everything on {@link #close()}, one from {@link #startIn(Kind, Path)} keeps its files for the
 * next run (so a costly fill is paid once, not once per JMH fork).
 *
 * <p>PostgreSQL runs with its production defaults for durability ({@code fsync} and {@code
 * synchronous_commit} on; zonky turns the latter off by default), so a flush pays for the commit a
 * real server would. When the benchmarks run as root, zonky starts PostgreSQL through {@code
 * unshare -U}, as the store's tests do.
 */
public final class BenchDatabase implements AutoCloseable {

  /** The databases the store runs on. */
  public enum Kind {
    POSTGRESQL,
    H2;

    /**
     * Parses a JMH parameter value.
     *
     * @param name {@code postgresql} or {@code h2}, any case
     * @return the kind
     */
    public static Kind of(String name) {
      return valueOf(name.toUpperCase(Locale.ROOT));
    }
  }

  private final Kind kind;
  private final EmbeddedPostgres postgres;
  private final Path h2Directory;
  private final boolean keepFiles;
  private final AtomicInteger databases = new AtomicInteger();

  private BenchDatabase(Kind kind, EmbeddedPostgres postgres, Path h2Directory, boolean keepFiles) {
    this.kind = kind;
    this.postgres = postgres;
    this.h2Directory = h2Directory;
    this.keepFiles = keepFiles;
  }

  /**
   * Starts a server of the given kind.
   *
   * @param kind which database
   * @return the running server
   */
  public static BenchDatabase start(Kind kind) {
    try {
      return switch (kind) {
        case POSTGRESQL -> new BenchDatabase(kind, postgres().start(), null, false);
        case H2 -> new BenchDatabase(kind, null, Files.createTempDirectory("trafficstatus-bench-h2"), false);
      };
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + kind, e);
    }
  }

  /**
   * Starts a server of the given kind on files in a directory, reusing what an earlier run left
   * there; {@link #close()} stops it and keeps the files.
   *
   * @param kind which database
   * @param directory where its files are (created when missing)
   * @return the running server
   */
  public static BenchDatabase startIn(Kind kind, Path directory) {
    try {
      Files.createDirectories(directory);
      return switch (kind) {
        case POSTGRESQL ->
            new BenchDatabase(
                kind,
                postgres().setDataDirectory(directory).setCleanDataDirectory(false).start(),
                null,
                true);
        case H2 -> new BenchDatabase(kind, null, directory, true);
      };
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + kind + " in " + directory, e);
    }
  }

  private static EmbeddedPostgres.Builder postgres() {
    return EmbeddedPostgres.builder()
        .setServerConfig("synchronous_commit", "on")
        .setServerConfig("shared_buffers", "256MB")
        .setPGStartupWait(Duration.ofSeconds(120));
  }

  /**
   * Which database this is.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }

  /**
   * Creates an empty database.
   *
   * @return a data source factory for it, with a pool sized like the store's default
   */
  public DataSourceFactory newDatabase() {
    return database("bench_" + databases.incrementAndGet());
  }

  /**
   * A database by name, created when it does not exist yet.
   *
   * @param name lower case letters, digits and underscores
   * @return a data source factory for it, with a pool sized like the store's default
   */
  public DataSourceFactory database(String name) {
    if (!name.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException("not a plain database name: " + name);
    }
    DataSourceFactory factory = new DataSourceFactory();
    switch (kind) {
      case POSTGRESQL -> {
        try (Connection admin = postgres.getPostgresDatabase().getConnection();
            Statement statement = admin.createStatement()) {
          boolean exists;
          try (var found = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
            exists = found.next();
          }
          if (!exists) {
            statement.execute("CREATE DATABASE " + name);
          }
        } catch (SQLException e) {
          throw new IllegalStateException("could not create database " + name, e);
        }
        factory.setDriverClass("org.postgresql.Driver");
        factory.setUrl(postgres.getJdbcUrl("postgres", name));
        factory.setUser("postgres");
        factory.setPassword("");
      }
      case H2 -> {
        factory.setDriverClass("org.h2.Driver");
        factory.setUrl("jdbc:h2:file:" + h2Directory.resolve(name).toAbsolutePath());
        factory.setUser("sa");
        factory.setPassword("");
      }
    }
    factory.setInitialSize(1);
    factory.setMinSize(1);
    factory.setMaxSize(8);
    return factory;
  }

  /**
   * Opens a plain connection to a database handed out before, for counting rows and bytes.
   *
   * @param database what {@link #newDatabase()} returned (after the store has used it)
   * @return a new connection; the caller closes it
   * @throws SQLException when the database cannot be reached
   */
  public Connection connect(DataSourceFactory database) throws SQLException {
    return DriverManager.getConnection(database.getUrl(), database.getUser(), database.getPassword());
  }

  @Override
  public void close() throws IOException {
    if (postgres != null) {
      postgres.close();
    }
    if (h2Directory != null && !keepFiles) {
      try (Stream<Path> files = Files.walk(h2Directory)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(file);
        }
      }
    }
  }
}
