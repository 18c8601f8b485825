package dev.trafficstatus.store.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficstatus.spi.RouteDescriptor;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.store.LatencyHistogram;
import dev.trafficstatus.spi.store.RouteTally;
import dev.trafficstatus.spi.store.StatusStore;
import dev.trafficstatus.store.jdbi.internal.FiguresDao;
import dev.trafficstatus.store.jdbi.internal.MinuteRange;
import dev.trafficstatus.store.jdbi.internal.UtcPeriods;
import dev.trafficstatus.store.jdbi.testing.EmbeddedPostgresExtension;
import dev.trafficstatus.store.jdbi.testing.PostgresServer;
import dev.trafficstatus.store.jdbi.testing.TestContext;
import io.dropwizard.db.DataSourceFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code readBetween} over 30 days and 1,000 routes, an objective's window, on a database as a
 * service that answers every route every minute leaves it: 90 days of day rows, yesterday rolled
 * up (its minutes still there), today's closed hours rolled up but the last two (written to since
 * by twenty instances). The range's 43 million minutes must be read as day rows, hour rows and the
 * minutes of the edge and the dirty hours only, through indexes. The plan is printed (and written
 * to {@code target/range-plan.txt}) for BENCHMARKS.md.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
class PostgresRangePlanTest {

  private static final int ROUTES = 1_000;
  private static final Instant NOW = Instant.parse("2025-06-10T12:00:00Z");
  private static final Instant FROM = Instant.parse("2025-05-11T00:00:00Z");
  private static final Instant TO = Instant.parse("2025-06-10T11:42:00Z");

  @Test
  void thirtyDaysOfAThousandRoutesReadRollupsAndOnlyTheMinutesOfTheEdgeAndDirtyHours(
      PostgresServer server) throws Exception {
    DataSourceFactory database = server.newDatabase();
    JdbiStoreFactory factory = new JdbiStoreFactory();
    factory.setDatabase(database);
    StatusStore store = factory.build(TestContext.bare("i-1"));
    store.start();
    try {
      List<RouteDescriptor> routes = new ArrayList<>();
      for (int n = 0; n < ROUTES; n++) {
        routes.add(
            new RouteDescriptor(
                new RouteKey("shop", "/r" + n + "/{id}"), "Route " + n, "", "Shop"));
      }
      store.declareRoutes(routes);
      Jdbi jdbi = Jdbi.create(database.getUrl(), database.getUser(), database.getPassword());
      long minuteRows = jdbi.withHandle(PostgresRangePlanTest::fill);
      MinuteRange range = MinuteRange.of(UtcPeriods.minuteOf(FROM), UtcPeriods.minuteOf(TO));
      long minutesInRange = (range.toMinute() - range.fromMinute()) * ROUTES;

      String plan =
          jdbi.withHandle(
              handle ->
                  String.join(
                      "\n",
                      handle
                          .createQuery(
                              "EXPLAIN (ANALYZE, BUFFERS, TIMING OFF) " + FiguresDao.READ_BETWEEN)
                          .bindMethods(range)
                          .mapTo(String.class)
                          .list()));
      long minuteRowsRead = rowsReadFrom("status_minutes", plan);
      String report =
          "readBetween("
              + FROM
              + ", "
              + TO
              + "), "
              + ROUTES
              + " routes: "
              + minutesInRange
              + " minutes of traffic in the range, "
              + minuteRows
              + " minute rows in the table, "
              + minuteRowsRead
              + " of them read:\n"
              + plan;
      System.out.println(report);
      Files.writeString(Path.of("target", "range-plan.txt"), report, StandardCharsets.UTF_8);

      assertThat(plan)
          .contains("status_minutes_by_minute", "status_hours_by_hour")
          .containsAnyOf("status_days_by_day", "status_days_pk")
          .doesNotContain(
              "Seq Scan on status_minutes", "Seq Scan on status_days", "Seq Scan on status_hours ");
      // The edge (42 minutes) and the dirty whole hour (60 minutes) of every route, nothing more.
      assertThat(minuteRowsRead).isEqualTo((42 + 60) * (long) ROUTES);

      List<RouteTally> tallies = store.readBetween(FROM, TO);
      long expected = 30 * 1_440 + 10 * 60 + 60 + 42;
      assertThat(tallies)
          .hasSize(ROUTES)
          .allSatisfy(t -> assertThat(t.tally().total()).isEqualTo(expected));
    } finally {
      store.stop();
    }
  }

  /** The rows the plan's scans of a table returned, over all their loops. */
  private static long rowsReadFrom(String table, String plan) {
    Pattern scan = Pattern.compile("on " + table + " .*actual rows=(\\d+) loops=(\\d+)");
    long rows = 0;
    for (String line : plan.split("\n")) {
      Matcher matcher = scan.matcher(line);
      if (matcher.find()) {
        rows += Long.parseLong(matcher.group(1)) * Long.parseLong(matcher.group(2));
      }
    }
    return rows;
  }

  /**
   * Day rows of the last 90 days (all but yesterday pruned), yesterday's hours and minutes,
   * today's minutes until the range's end and its hours rolled up but 10:00 and 11:00, which
   * twenty instances wrote to since. Rows go in in time order, as flushes and rollups write them.
   */
  private static long fill(Handle handle) {
    long today = UtcPeriods.dayOf(NOW);
    long currentHour = UtcPeriods.hourOf(NOW);
    byte[] one = LatencyHistogram.of(Duration.ofMillis(3)).encode();
    handle
        .createUpdate(
            """
            INSERT INTO status_days
              (route_id, epoch_day, total, success, failure, ignored, max_latency_micros, histogram)
            SELECT r.id, d, 1440, 1440, 0, 0, 3000, :histogram
            FROM generate_series(:today - 90, :today - 1) AS d CROSS JOIN status_routes r
            ORDER BY d, r.id
            """)
        .bind(
            "histogram",
            LatencyHistogram.builder().record(Duration.ofMillis(3), 1_440).build().encode())
        .bind("today", today)
        .execute();
    handle
        .createUpdate(
            """
            INSERT INTO status_day_state (epoch_day, rolled_up, pruned, version)
            SELECT d, d < :today, d < :today - 1, 1 FROM generate_series(:today - 90, :today) AS d
            """)
        .bind("today", today)
        .execute();
    handle
        .createUpdate(
            """
            INSERT INTO status_hours
              (route_id, epoch_hour, total, success, failure, ignored, max_latency_micros, histogram)
            SELECT r.id, h, 60, 60, 0, 0, 3000, :histogram
            FROM generate_series(:firstHour, :lastRolledHour) AS h CROSS JOIN status_routes r
            ORDER BY h, r.id
            """)
        .bind(
            "histogram",
            LatencyHistogram.builder().record(Duration.ofMillis(3), 60).build().encode())
        .bind("firstHour", UtcPeriods.firstHourOf(today - 1))
        .bind("lastRolledHour", currentHour - 3)
        .execute();
    int minutes =
        handle
            .createUpdate(
                """
                INSERT INTO status_minutes
                  (route_id, epoch_minute, instance, total, success, failure, ignored,
                   max_latency_micros, histogram)
                SELECT r.id, m, 'i-1', 1, 1, 0, 0, 3000, :histogram
                FROM generate_series(:firstMinute, :lastMinute) AS m CROSS JOIN status_routes r
                ORDER BY m, r.id
                """)
            .bind("histogram", one)
            .bind("firstMinute", UtcPeriods.firstMinuteOf(today - 1))
            .bind("lastMinute", UtcPeriods.minuteOf(TO) - 1)
            .execute();
    handle
        .createUpdate(
            """
            INSERT INTO status_hour_writes (epoch_hour, instance, version)
            SELECT h, 'i-' || i, 60
            FROM generate_series(:currentHour - 2, :currentHour - 1) AS h
            CROSS JOIN generate_series(1, 20) AS i
            """)
        .bind("currentHour", currentHour)
        .execute();
    handle.execute("ANALYZE");
    return minutes;
  }
}
