package dev.trafficstatus.store.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficstatus.spi.RouteDescriptor;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.store.DayBucket;
import dev.trafficstatus.spi.store.MinuteBucket;
import dev.trafficstatus.spi.store.Retention;
import dev.trafficstatus.spi.store.StatusStore;
import dev.trafficstatus.store.jdbi.internal.Dialect;
import dev.trafficstatus.store.jdbi.internal.FiguresDao;
import dev.trafficstatus.store.jdbi.testing.TestContext;
import dev.trafficstatus.testkit.Tallies;
import io.dropwizard.db.DataSourceFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The read of one day with a late write on H2 (issue 23): it reads that day's rows, not every
 * minute row of the table. H2 planned the dirty hours' minutes from the routes through the minute
 * table's primary key (every minute row of every route), so re-reading one old day cost almost a
 * whole page's read; PostgreSQL never did. The plan is printed for BENCHMARKS.md.
 */
class H2QueryPlanTest {

  private static final int ROUTES = 50;

  /** 10:00 UTC: today has 600 minutes of every route. */
  private static final Instant NOW = Instant.parse("2025-06-15T10:00:30Z");

  private static final Pattern SCANNED = Pattern.compile("scanCount: (\\d+)");

  @TempDir Path directory;

  @Test
  void aDayWithALateWriteIsReadFromItsOwnRowsOnly() throws Exception {
    DataSourceFactory database = JdbiStoreFactory.defaultDatabase("test");
    database.setUrl("jdbc:h2:" + directory.resolve("status").toAbsolutePath());
    JdbiStoreFactory factory = new JdbiStoreFactory();
    factory.setDatabase(database);
    StatusStore store = factory.build(TestContext.bare("i-1"));
    store.start();
    try {
      List<RouteKey> routes = fill(store);
      LocalDate late = LocalDate.ofInstant(NOW, ZoneOffset.UTC).minusDays(30);
      List<MinuteBucket> lateMinute = new ArrayList<>();
      for (RouteKey route : routes) {
        lateMinute.add(new MinuteBucket(route, late.atTime(9, 0).toInstant(ZoneOffset.UTC), "i-late",
            Tallies.of(7, 3, 0, 5_000)));
      }
      store.writeMinutes(lateMinute);

      Jdbi jdbi = Jdbi.create(Dialect.withStoreSettings(database.getUrl()), database.getUser(),
          database.getPassword());
      String plan = jdbi.withHandle(handle -> String.join("\n", handle
          .createQuery("EXPLAIN ANALYZE " + FiguresDao.READ_DAYS)
          .bindMap(Map.of("firstDay", late.toEpochDay(), "lastDay", late.toEpochDay()))
          .mapTo(String.class)
          .list()));
      System.out.println("H2 readDays of one day with a late write, " + ROUTES + " routes:\n" + plan);

      long scanned = 0;
      Matcher counts = SCANNED.matcher(plan);
      while (counts.find()) {
        scanned += Long.parseLong(counts.group(1));
      }
      // The day's rows (a day row and a late minute per route), the bookkeeping rows of the window's
      // days and hours and the routes: a few hundred, not the 30,000 minute rows of today.
      assertThat(scanned).as(plan).isLessThan(2_000);

      List<DayBucket> day = store.readDays(late, late);
      assertThat(day).hasSize(ROUTES).allSatisfy(bucket -> {
        assertThat(bucket.tally().total()).isEqualTo(1_000 + 10);
        assertThat(bucket.tally().failure()).isEqualTo(3);
      });
    } finally {
      store.stop();
    }
  }

  /** Every closed day of 90 rolled up, today's 600 minutes of every route, its hours rolled up. */
  private static List<RouteKey> fill(StatusStore store) {
    List<RouteKey> keys = new ArrayList<>();
    List<RouteDescriptor> descriptors = new ArrayList<>();
    for (int r = 0; r < ROUTES; r++) {
      RouteKey key = new RouteKey("shop", "/r" + r + "/{id}");
      keys.add(key);
      descriptors.add(new RouteDescriptor(key, "Route " + r, "", "Shop"));
    }
    store.declareRoutes(descriptors);
    LocalDate today = LocalDate.ofInstant(NOW, ZoneOffset.UTC);
    for (int back = 89; back >= 1; back--) {
      Instant noon = today.minusDays(back).atTime(12, 0).toInstant(ZoneOffset.UTC);
      List<MinuteBucket> day = new ArrayList<>();
      for (RouteKey key : keys) {
        day.add(new MinuteBucket(key, noon, "i-1", Tallies.of(1_000, 0, 0, 3_000)));
      }
      store.writeMinutes(day);
    }
    store.maintain(NOW, Retention.defaults());
    Instant midnight = today.atStartOfDay(ZoneOffset.UTC).toInstant();
    List<MinuteBucket> batch = new ArrayList<>();
    for (int m = 0; m < 600; m++) {
      for (RouteKey key : keys) {
        batch.add(new MinuteBucket(key, midnight.plus(Duration.ofMinutes(m)), "i-1",
            Tallies.of(100, 0, 0, 3_000)));
      }
      if (batch.size() >= 2_000) {
        store.writeMinutes(batch);
        batch.clear();
      }
    }
    store.writeMinutes(batch);
    store.maintain(NOW, Retention.defaults());
    return keys;
  }
}
