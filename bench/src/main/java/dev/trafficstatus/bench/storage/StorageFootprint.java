package dev.trafficstatus.bench.storage;

import dev.trafficstatus.bench.BenchContext;
import dev.trafficstatus.bench.BenchDatabase;
import dev.trafficstatus.bench.LatencySamples;
import dev.trafficstatus.core.aggregate.MinuteHarvester;
import dev.trafficstatus.core.aggregate.RouteRegistry;
import dev.trafficstatus.core.classify.Classifier;
import dev.trafficstatus.core.flush.FlushReport;
import dev.trafficstatus.core.flush.FlushSettings;
import dev.trafficstatus.core.flush.Flusher;
import dev.trafficstatus.testkit.MutableClock;
import dev.trafficstatus.spi.RouteDescriptor;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.capture.RouteRecorder;
import dev.trafficstatus.spi.store.MaintenanceReport;
import dev.trafficstatus.spi.store.Retention;
import dev.trafficstatus.spi.store.StatusStore;
import dev.trafficstatus.store.jdbi.JdbiStoreFactory;
import io.dropwizard.db.DataSourceFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows and bytes stored for N requests over 10 routes in one minute, for N = 10^5, 10^6 and 10^7
 * (or the counts given as arguments), on PostgreSQL and H2: each N recorded through the route
 * registry, flushed by the flusher into a fresh database, then rolled up into day rows by the
 * store's maintenance. Budget: rows and bytes do not grow with N.
 *
 * <p>Not a JMH benchmark (it counts, it does not time):
 * {@code java -cp bench/target/benchmarks.jar dev.trafficstatus.bench.storage.StorageFootprint}.
 */
public final class StorageFootprint {

  private static final int ROUTES = 10;

  /** Yesterday noon, so the next day's maintenance rolls the minute up into day rows. */
  private static final Instant MINUTE = Instant.parse("2025-06-14T12:00:00Z");

  private StorageFootprint() {}

  /** What one table holds. */
  private record TableFootprint(long rows, long requests, long rowBytes, long histogramBytes, long tableBytes) {}

  /**
   * Runs the measurement and prints a table.
   *
   * @param args request counts; default 100000 1000000 10000000
   * @throws Exception when a database cannot be started or read
   */
  public static void main(String[] args) throws Exception {
    List<Long> counts = new ArrayList<>();
    for (String arg : args) {
      counts.add(Long.parseLong(arg));
    }
    if (counts.isEmpty()) {
      counts = List.of(100_000L, 1_000_000L, 10_000_000L);
    }
    System.out.println(
        "| database | requests | minute rows | minute row bytes | histogram bytes | minute table bytes"
            + " | day rows | day row bytes | day table bytes |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (BenchDatabase.Kind kind : BenchDatabase.Kind.values()) {
      try (BenchDatabase server = BenchDatabase.start(kind)) {
        for (long requests : counts) {
          measure(server, requests);
        }
      }
    }
  }

  private static void measure(BenchDatabase server, long requests) throws Exception {
    MutableClock clock = new MutableClock(MINUTE.plusSeconds(1));
    BenchContext context = new BenchContext("bench", "bench-1", clock);
    DataSourceFactory database = server.newDatabase();
    JdbiStoreFactory factory = new JdbiStoreFactory();
    factory.setDatabase(database);
    StatusStore store = factory.build(context);
    store.start();
    try {
      RouteRegistry registry = new RouteRegistry(Classifier.defaults(), clock, key -> true);
      Flusher flusher =
          new Flusher(
              registry, new MinuteHarvester(registry, clock, context.instance()), store, clock,
              FlushSettings.defaults());
      RouteRecorder[] routes = new RouteRecorder[ROUTES];
      for (int r = 0; r < ROUTES; r++) {
        String rule = "/api/v1/resource" + r + "/{id}";
        routes[r] = registry.route(new RouteDescriptor(new RouteKey("bench", rule), "resource " + r, "", "Bench"));
      }
      LatencySamples samples = new LatencySamples(3);
      for (long i = 0; i < requests; i++) {
        routes[(int) (i % ROUTES)].record(samples.status((int) i), samples.latencyNanos((int) (i / ROUTES)));
      }
      clock.set(MINUTE.plus(Duration.ofMinutes(1)).plusSeconds(2));
      FlushReport flushed = flusher.flushClosed();
      if (!flushed.complete()) {
        throw new IllegalStateException("the flush did not complete: " + flushed);
      }
      MaintenanceReport rolled = store.maintain(MINUTE.plus(Duration.ofDays(1)), Retention.defaults());
      try (Connection connection = server.connect(database)) {
        TableFootprint minutes = footprint(server.kind(), connection, "status_minutes");
        TableFootprint days = footprint(server.kind(), connection, "status_days");
        if (minutes.requests() != requests || days.requests() != requests || rolled.daysRolledUp() != 1) {
          throw new IllegalStateException(
              "stored " + minutes.requests() + " requests in minutes and " + days.requests()
                  + " in days for " + requests + " recorded; " + rolled);
        }
        System.out.printf(
            "| %s | %,d | %d | %s | %,d | %s | %d | %s | %s |%n",
            server.kind().name().toLowerCase(java.util.Locale.ROOT),
            requests,
            minutes.rows(),
            bytes(minutes.rowBytes()),
            minutes.histogramBytes(),
            bytes(minutes.tableBytes()),
            days.rows(),
            bytes(days.rowBytes()),
            bytes(days.tableBytes()));
      }
    } finally {
      store.stop();
    }
  }

  private static String bytes(long count) {
    return count < 0 ? "n/a" : String.format("%,d", count);
  }

  /**
   * Counts a table's rows and bytes: the bytes of its rows as the database stores them (PostgreSQL
   * {@code pg_column_size} of each row; H2 has no such function, -1), the
   * encoded histograms alone, and the table's size on disk with its indexes (PostgreSQL {@code
   * pg_total_relation_size}, in 8 kB pages; H2 has no reliable equivalent, -1).
   */
  private static TableFootprint footprint(BenchDatabase.Kind kind, Connection connection, String table)
      throws SQLException {
    String rowBytes =
        switch (kind) {
          case POSTGRESQL -> "COALESCE(SUM(pg_column_size(t.*)), 0)";
          case H2 -> "-1";
        };
    String tableBytes =
        switch (kind) {
          case POSTGRESQL -> "pg_total_relation_size('" + table + "')";
          // DISK_SPACE_USED counts only pages already written out: 0 or 3 kB here, meaningless.
          case H2 -> "-1";
        };
    try (Statement statement = connection.createStatement();
        ResultSet row =
            statement.executeQuery(
                "SELECT COUNT(*), COALESCE(SUM(t.total), 0), " + rowBytes
                    + ", COALESCE(SUM(OCTET_LENGTH(t.histogram)), 0), " + tableBytes
                    + " FROM " + table + " t")) {
      row.next();
      return new TableFootprint(row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4), row.getLong(5));
    }
  }
}
