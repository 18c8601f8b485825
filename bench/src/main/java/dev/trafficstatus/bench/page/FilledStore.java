package dev.trafficstatus.bench.page;

import dev.trafficstatus.bench.BenchContext;
import dev.trafficstatus.bench.BenchDatabase;
import dev.trafficstatus.bench.LatencySamples;
import dev.trafficstatus.spi.RouteDescriptor;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.store.MaintenanceReport;
import dev.trafficstatus.spi.store.MinuteBucket;
import dev.trafficstatus.spi.store.Retention;
import dev.trafficstatus.spi.store.StatusStore;
import dev.trafficstatus.store.jdbi.JdbiStoreFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A store holding what a page of {@code routes} routes over {@code days} days reads on a busy
 * service: every closed day rolled up into day rows by the store's own maintenance, and today's
 * minute rows of every route up to {@code now}.
 *
 * <p>Closed days are filled as one minute bucket per route and day holding that day's whole tally
 * (so filling takes seconds, not the hours of a real week of minute rows); maintenance then rolls
 * them up and prunes the minutes of days past the 7-day minute retention, as it would on a real
 * server. The minute rows of the seven retained closed days are therefore one per route and day, not
 * 1,440: the page reads day rows for those days, but the table and its index are smaller than in
 * production. Today's minutes are written next, and maintenance runs once more, so today's closed
 * hours are hour rows and only the current hour is read from minute rows, as on a running server.
 *
 * <p>Filling costs more than a benchmark iteration, and JMH runs every benchmark method in a fork
 * of its own, so a filled database is kept on disk ({@link #directory}) and reused by later forks.
 */
final class FilledStore {

  /** Requests per route on a closed day, plus a little per route so routes differ. */
  private static final long REQUESTS_PER_DAY = 100_000;

  /** Requests per route in a minute of today. */
  private static final long REQUESTS_PER_MINUTE = 100;

  /** Bump when what {@link #fill} writes changes, so runs stop reusing older fills. */
  private static final int FILL_VERSION = 2;

  private FilledStore() {}

  /**
   * Where a filled database of this shape is kept between JMH forks: under the system property
   * {@code trafficstatus.bench.fills}, by default {@code trafficstatus-bench-fills} in the temporary
   * directory. Delete it to fill again.
   *
   * @param database the database kind's name
   * @param routes how many routes
   * @param days how many days
   * @return the directory
   */
  static Path directory(String database, int routes, int days) {
    return fillsRoot().resolve("page-v" + FILL_VERSION + "-" + database + "-" + routes + "x" + days);
  }

  /**
   * Where filled databases are kept: the system property {@code trafficstatus.bench.fills}, by
   * default {@code trafficstatus-bench-fills} in the temporary directory.
   *
   * @return the directory, absolute
   */
  static Path fillsRoot() {
    return Path.of(
            System.getProperty(
                "trafficstatus.bench.fills",
                Path.of(System.getProperty("java.io.tmpdir"), "trafficstatus-bench-fills").toString()))
        .toAbsolutePath();
  }

  /**
   * Starts the store on a filled database, filling it first unless an earlier fork did. A fill
   * counts only once it is complete (a marker file is written last).
   *
   * @param kind which database
   * @param now the time the page is built at; today's minutes run up to it
   * @param routes how many routes
   * @param days how many days, today included
   * @return the server and the started store
   * @throws Exception when the store cannot start
   */
  static Filled open(BenchDatabase.Kind kind, Instant now, int routes, int days) throws Exception {
    Path directory = directory(kind.name().toLowerCase(java.util.Locale.ROOT), routes, days);
    Path complete = directory.resolve("filled");
    boolean filled = Files.exists(complete);
    if (!filled) {
      deleteTree(directory);
    }
    BenchDatabase server = BenchDatabase.startIn(kind, directory.resolve("server"));
    BenchContext context = new BenchContext("bench", "bench-1", Clock.fixed(now, ZoneOffset.UTC));
    JdbiStoreFactory factory = new JdbiStoreFactory();
    factory.setDatabase(server.database("page"));
    StatusStore store = factory.build(context);
    store.start();
    if (!filled) {
      long started = System.nanoTime();
      fill(store, context.instance(), now, routes, days);
      Files.writeString(complete, "filled in " + (System.nanoTime() - started) / 1_000_000 + " ms\n");
    }
    return new Filled(server, store);
  }

  /**
   * Refreshes the planner's statistics of the filled database, as autovacuum does on a running
   * server within a minute or so of a fill: a benchmark that starts right after filling, or on a
   * database whose server ran only while it was filled, would otherwise be planned for tables of a
   * few rows (every route read by its own index scan, even for an empty range).
   *
   * @param filled the started server and store
   * @throws java.sql.SQLException when the database cannot be reached
   */
  static void analyze(Filled filled) throws java.sql.SQLException {
    try (java.sql.Connection connection = filled.server().connect(filled.server().database("page"));
        java.sql.Statement statement = connection.createStatement()) {
      statement.execute("ANALYZE");
    }
  }

  /** A running server and the store on its filled database; stop the store, then the server. */
  record Filled(BenchDatabase server, StatusStore store) {}

  private static void deleteTree(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  private static void fill(StatusStore store, String instance, Instant now, int routes, int days) {
    List<RouteKey> keys = new ArrayList<>(routes);
    List<RouteDescriptor> descriptors = new ArrayList<>(routes);
    for (int r = 0; r < routes; r++) {
      RouteKey key = new RouteKey("bench", "/api/v1/resource" + r + "/{id}");
      keys.add(key);
      descriptors.add(new RouteDescriptor(key, "Resource " + r, "Reads resource " + r + ".", "Group " + r % 10));
    }
    store.declareRoutes(descriptors);

    LatencySamples samples = new LatencySamples(11);
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    for (int back = days - 1; back >= 1; back--) {
      Instant noon = today.minusDays(back).atTime(12, 0).toInstant(ZoneOffset.UTC);
      List<MinuteBucket> day = new ArrayList<>(routes);
      for (int r = 0; r < routes; r++) {
        day.add(
            new MinuteBucket(
                keys.get(r), noon, instance, samples.tally(REQUESTS_PER_DAY + 1_000L * r, back * 31 + r)));
      }
      store.writeMinutes(day);
    }
    MaintenanceReport rolled = store.maintain(now, Retention.defaults());
    if (rolled.daysRolledUp() != days - 1) {
      throw new IllegalStateException("expected " + (days - 1) + " days rolled up, got " + rolled);
    }

    Instant midnight = today.atStartOfDay(ZoneOffset.UTC).toInstant();
    long minutesToday = Duration.between(midnight, now).toMinutes();
    List<MinuteBucket> batch = new ArrayList<>(1_000);
    for (long m = 0; m < minutesToday; m++) {
      Instant minute = midnight.plus(Duration.ofMinutes(m));
      for (int r = 0; r < routes; r++) {
        batch.add(
            new MinuteBucket(
                keys.get(r), minute, instance, samples.tally(REQUESTS_PER_MINUTE, (int) m * 7 + r)));
        if (batch.size() == 1_000) {
          store.writeMinutes(batch);
          batch.clear();
        }
      }
    }
    store.writeMinutes(batch);
    // As the server's maintenance duty does every few minutes: today's closed hours become hour rows.
    store.maintain(now, Retention.defaults());
  }
}
