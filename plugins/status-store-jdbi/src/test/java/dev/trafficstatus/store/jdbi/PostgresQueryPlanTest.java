package dev.trafficstatus.store.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficstatus.spi.RouteDescriptor;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.store.DayBucket;
import dev.trafficstatus.spi.store.LatencyHistogram;
import dev.trafficstatus.spi.store.StatusStore;
import dev.trafficstatus.store.jdbi.internal.FiguresDao;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The page's two queries on a database of realistic size: 100 routes, 400 days of day rows, a week
 * and a half-day of minute rows (over a million). Their plans must reach rows through indexes,
 * so a page costs rows proportional to routes × days plus today's minutes, not to the table sizes.
 * The plans are printed (and written to {@code target/query-plans.txt}) for BENCHMARKS.md.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
class PostgresQueryPlanTest {

  private static final int ROUTES = 100;
  private static final Instant NOW = Instant.parse("2025-06-10T12:00:00Z");

  @Test
  void pageQueriesUseIndexesOnAMillionMinuteRows(PostgresServer server) throws Exception {
    DataSourceFactory database = server.newDatabase();
    JdbiStoreFactory factory = new JdbiStoreFactory();
    factory.setDatabase(database);
    StatusStore store = factory.build(TestContext.bare("i-1"));
    store.start();
    try {
      List<RouteDescriptor> routes = new ArrayList<>();
      for (int n = 0; n < ROUTES; n++) {
        routes.add(new RouteDescriptor(new RouteKey("shop", "/r" + n + "/{id}"), "Route " + n, "", "Shop"));
      }
      store.declareRoutes(routes);
      Jdbi jdbi = Jdbi.create(database.getUrl(), database.getUser(), database.getPassword());
      long today = UtcPeriods.dayOf(NOW);
      long minuteRows = jdbi.withHandle(handle -> fill(handle, today));
      assertThat(minuteRows).isGreaterThanOrEqualTo(1_000_000);

      long firstDay = today - 89;
      long fromMinute = UtcPeriods.minuteOf(NOW) - 15;
      String readDaysPlan =
          jdbi.withHandle(
              handle ->
                  explain(
                      handle,
                      FiguresDao.READ_DAYS,
                      Map.of("firstDay", firstDay, "lastDay", today)));
      String readSincePlan =
          jdbi.withHandle(
              handle -> explain(handle, FiguresDao.READ_SINCE, Map.of("fromMinute", fromMinute)));
      String report =
          "readDays (90 days: day rows for closed days; for today, hour rows of rolled-up hours"
              + " and minute rows of the last hour), "
              + minuteRows
              + " minute rows, "
              + ROUTES
              + " routes:\n"
              + readDaysPlan
              + "\nreadSince (last 15 minutes):\n"
              + readSincePlan;
      System.out.println(report);
      Files.writeString(Path.of("target", "query-plans.txt"), report, StandardCharsets.UTF_8);

      assertThat(readDaysPlan)
          .contains("status_days_by_day", "status_minutes_by_minute")
          .containsAnyOf("status_hours_by_hour", "status_hours_pk")
          .doesNotContain(
              "Seq Scan on status_days", "Seq Scan on status_minutes", "Seq Scan on status_hours ");
      assertThat(readSincePlan)
          .contains("status_minutes_by_minute")
          .doesNotContain("Seq Scan on status_minutes");

      LocalDate first = LocalDate.ofEpochDay(firstDay);
      LocalDate last = LocalDate.ofEpochDay(today);
      Instant from = Instant.ofEpochSecond(fromMinute * 60);
      List<DayBucket> days = store.readDays(first, last);
      assertThat(days).hasSize(ROUTES * 90);
      assertThat(days)
          .filteredOn(day -> day.day().toEpochDay() == today)
          .allSatisfy(day -> assertThat(day.tally().total()).isEqualTo(720));
      assertThat(store.readSince(from)).hasSize(ROUTES);
      Duration readDaysTime = fastest(() -> store.readDays(first, last));
      Duration readSinceTime = fastest(() -> store.readSince(from));
      System.out.println(
          "Store reads on this machine, fastest of 10 (not a budget check): readDays "
              + readDaysTime.toMillis()
              + " ms, readSince "
              + readSinceTime.toMillis()
              + " ms");
    } finally {
      store.stop();
    }
  }

  /**
   * Fills the tables as a long-running service would have: every route answered once a minute for
   * the last 7 days and today so far, days before are rolled up (those before the last week also
   * pruned), today is not; the hours of the last week and today's hours but the last are rolled
   * up (maintenance runs every few minutes, so the hour just closed may still be dirty, with the
   * bookkeeping rows of the instances that wrote to it). Rows go in in time order, as flushes and
   * rollups write them.
   */
  private static long fill(Handle handle, long today) {
    byte[] minuteHistogram = LatencyHistogram.of(Duration.ofMillis(3)).encode();
    byte[] dayHistogram =
        LatencyHistogram.builder().record(Duration.ofMillis(3), 1_440).build().encode();
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
            .bind("histogram", minuteHistogram)
            .bind("firstMinute", UtcPeriods.firstMinuteOf(today - 7))
            .bind("lastMinute", UtcPeriods.minuteOf(NOW) - 1)
            .execute();
    handle
        .createUpdate(
            """
            INSERT INTO status_days
              (route_id, epoch_day, total, success, failure, ignored, max_latency_micros, histogram)
            SELECT r.id, d, 1440, 1440, 0, 0, 3000, :histogram
            FROM generate_series(:today - 400, :today - 1) AS d CROSS JOIN status_routes r
            ORDER BY d, r.id
            """)
        .bind("histogram", dayHistogram)
        .bind("today", today)
        .execute();
    handle
        .createUpdate(
            """
            INSERT INTO status_day_state (epoch_day, rolled_up, pruned, version)
            SELECT d, d < :today, d < :today - 7, 1 FROM generate_series(:today - 400, :today) AS d
            """)
        .bind("today", today)
        .execute();
    long currentHour = UtcPeriods.hourOf(NOW);
    handle
        .createUpdate(
            """
            INSERT INTO status_hours
              (route_id, epoch_hour, total, success, failure, ignored, max_latency_micros, histogram)
            SELECT r.id, h, 60, 60, 0, 0, 3000, :histogram
            FROM generate_series(:firstHour, :lastRolledHour) AS h CROSS JOIN status_routes r
            ORDER BY h, r.id
            """)
        .bind("histogram", LatencyHistogram.builder().record(Duration.ofMillis(3), 60).build().encode())
        .bind("firstHour", UtcPeriods.firstHourOf(today - 7))
        .bind("lastRolledHour", currentHour - 2)
        .execute();
    // The hour just closed is dirty: twenty instances have flushed into it since maintenance ran.
    handle
        .createUpdate(
            """
            INSERT INTO status_hour_writes (epoch_hour, instance, version)
            SELECT :currentHour - 1, 'i-' || i, 60 FROM generate_series(1, 20) AS i
            """)
        .bind("currentHour", currentHour)
        .execute();
    handle.execute("ANALYZE");
    return minutes;
  }

  private static Duration fastest(Runnable read) {
    Duration best = Duration.ofDays(1);
    for (int run = 0; run < 10; run++) {
      long started = System.nanoTime();
      read.run();
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      best = took.compareTo(best) < 0 ? took : best;
    }
    return best;
  }

  private static String explain(Handle handle, String query, Map<String, Object> parameters) {
    return String.join(
        "\n",
        handle
            .createQuery("EXPLAIN (ANALYZE, BUFFERS, TIMING OFF) " + query)
            .bindMap(parameters)
            .mapTo(String.class)
            .list());
  }

}
