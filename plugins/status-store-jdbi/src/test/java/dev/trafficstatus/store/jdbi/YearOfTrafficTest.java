package dev.trafficstatus.store.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficstatus.spi.RouteDescriptor;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.store.DayBucket;
import dev.trafficstatus.spi.store.MinuteBucket;
import dev.trafficstatus.spi.store.Retention;
import dev.trafficstatus.spi.store.StatusStore;
import dev.trafficstatus.testkit.Tallies;
import dev.trafficstatus.store.jdbi.testing.TestContext;
import io.dropwizard.db.DataSourceFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * A year of traffic, simulated with a moving "now" and daily maintenance, leaves no more rows than
 * retention allows, whatever the traffic: minute and hour rows for the last retention.minutes
 * days (plus the day being closed), one day row per route and day for retention.days.
 *
 * <p>Each of the 25 routes gets one minute bucket every hour, not every minute: every rollup and
 * deletion path runs (minutes to hours to days, deletion by whole days) while the year takes
 * seconds, not the hours that 52 million minute rows would. How many minutes of a day carry
 * traffic changes how many minute rows a kept day has, not which days are kept.
 */
class YearOfTrafficTest {

  private static final int ROUTES = 25;
  private static final LocalDate FIRST_DAY = LocalDate.of(2025, 1, 1);
  private static final Retention RETENTION = new Retention(Duration.ofDays(7), Duration.ofDays(90));

  @Test
  void rowsStayWithinTheRetentionBudgetAfterAYear() throws Exception {
    DataSourceFactory h2 = JdbiStoreFactory.defaultDatabase("year");
    h2.setUrl("jdbc:h2:mem:year-of-traffic;DB_CLOSE_DELAY=-1");
    JdbiStoreFactory factory = new JdbiStoreFactory();
    factory.setDatabase(h2);
    StatusStore store = factory.build(TestContext.bare("i-1"));
    store.start();
    try {
      List<RouteKey> routes = new ArrayList<>();
      List<RouteDescriptor> descriptors = new ArrayList<>();
      for (int r = 0; r < ROUTES; r++) {
        RouteKey key = new RouteKey("shop", "/r" + r);
        routes.add(key);
        descriptors.add(new RouteDescriptor(key, "r" + r, "", "Shop"));
      }
      store.declareRoutes(descriptors);

      long requestsPerDay = 0;
      LocalDate day = FIRST_DAY;
      for (int d = 0; d < 365; d++, day = day.plusDays(1)) {
        Instant midnight = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        List<MinuteBucket> buckets = new ArrayList<>();
        for (int hour = 0; hour < 24; hour++) {
          for (RouteKey route : routes) {
            // Traffic varies wildly from day to day; the rows it leaves must not.
            long requests = 1 + (d * 37L + hour * 11L) % 5_000;
            buckets.add(
                new MinuteBucket(
                    route,
                    midnight.plus(Duration.ofHours(hour)).plus(Duration.ofMinutes(30)),
                    "i-1",
                    Tallies.of(requests, 0, 0, 1_000)));
          }
        }
        store.writeMinutes(buckets);
        requestsPerDay = buckets.stream().mapToLong(b -> b.tally().total()).sum();
        store.maintain(midnight.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(5)), RETENTION);
      }

      Jdbi sql = Jdbi.create(h2.getUrl(), h2.getUser(), h2.getPassword());
      long minuteRows = count(sql, "status_minutes");
      long hourRows = count(sql, "status_hours");
      long dayRows = count(sql, "status_days");
      System.out.printf(
          "a year of %d routes: %d minute rows, %d hour rows, %d day rows%n",
          ROUTES, minuteRows, hourRows, dayRows);
      long keptDays = RETENTION.minutes().toDays() + 1;
      assertThat(minuteRows).isLessThanOrEqualTo(ROUTES * 24 * keptDays);
      assertThat(hourRows).isLessThanOrEqualTo(ROUTES * 24 * keptDays);
      assertThat(dayRows).isLessThanOrEqualTo(ROUTES * (RETENTION.days().toDays() + 1));

      // What is kept still reads exactly: yesterday, from its day rows.
      LocalDate lastDay = day.minusDays(1);
      List<DayBucket> last = store.readDays(lastDay, lastDay);
      assertThat(last).hasSize(ROUTES);
      assertThat(last.stream().mapToLong(b -> b.tally().total()).sum()).isEqualTo(requestsPerDay);
    } finally {
      store.stop();
    }
  }

  private static long count(Jdbi sql, String table) {
    return sql.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
  }
}
