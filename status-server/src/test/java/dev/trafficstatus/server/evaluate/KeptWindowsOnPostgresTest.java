package dev.trafficstatus.server.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficstatus.core.aggregate.RouteRegistry;
import dev.trafficstatus.core.classify.Classifier;
import dev.trafficstatus.core.objective.BurnPair;
import dev.trafficstatus.core.objective.LatencyTarget;
import dev.trafficstatus.core.objective.Objective;
import dev.trafficstatus.core.objective.ObjectiveEvaluation;
import dev.trafficstatus.core.objective.ObjectiveReading;
import dev.trafficstatus.core.objective.ObjectiveScope;
import dev.trafficstatus.core.objective.ObjectiveSettings;
import dev.trafficstatus.core.objective.ScopeKind;
import dev.trafficstatus.core.status.MaintenanceSpans;
import dev.trafficstatus.server.plugin.HostContext;
import dev.trafficstatus.server.testing.PostgresDatabases;
import dev.trafficstatus.server.testing.PostgresExtension;
import dev.trafficstatus.spi.RouteDescriptor;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.store.MinuteBucket;
import dev.trafficstatus.spi.store.Retention;
import dev.trafficstatus.spi.store.StatusStore;
import dev.trafficstatus.store.jdbi.JdbiStoreFactory;
import dev.trafficstatus.testkit.MutableClock;
import dev.trafficstatus.testkit.Tallies;
import io.dropwizard.db.DataSourceFactory;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Objective evaluations that keep the pieces of closed hours, on the jdbi store and PostgreSQL:
 * its hour versions (the day's version and the hours' bookkeeping) against real rollups, late
 * writes from other instances, minutes pruned and late minutes folded into pruned days, and a
 * route deleted and restored. Each evaluation of a walk gives the readings of a fresh one.
 */
@ExtendWith(PostgresExtension.class)
class KeptWindowsOnPostgresTest {

  private static final RouteKey CHECKOUT = new RouteKey("shop", "/checkout");
  private static final RouteKey CART = new RouteKey("shop", "/cart");
  private static final RouteKey ITEM = new RouteKey("shop", "/items/{id}");
  private static final List<RouteKey> ROUTES = List.of(CHECKOUT, CART, ITEM);
  private static final Instant START = Instant.parse("2026-03-31T21:31:20Z");
  private static final Retention TWO_DAYS = new Retention(Duration.ofDays(2), Duration.ofDays(400));

  private static ObjectiveSettings settings() {
    return new ObjectiveSettings(
        List.of(
            new Objective("checkout", new ObjectiveScope(ScopeKind.ROUTE, CHECKOUT.service(), CHECKOUT.rule()),
                new BigDecimal("99.9"), null, Objective.DEFAULT_WINDOW),
            new Objective("shop", new ObjectiveScope(ScopeKind.SERVICE, "shop", null),
                new BigDecimal("99"), null, Duration.ofDays(3)),
            new Objective("items", new ObjectiveScope(ScopeKind.ROUTE, ITEM.service(), ITEM.rule()),
                new BigDecimal("99.5"), new LatencyTarget(Duration.ofMillis(300), new BigDecimal("99")),
                Duration.ofDays(7))),
        BurnPair.defaults(), new BigDecimal("0.5"), Duration.ofHours(1));
  }

  private static StatusStore store(PostgresDatabases databases, MutableClock clock) throws Exception {
    DataSourceFactory database = JdbiStoreFactory.defaultDatabase("kept");
    database.setUrl(databases.create());
    database.setUser("postgres");
    database.setDriverClass("org.postgresql.Driver");
    JdbiStoreFactory factory = new JdbiStoreFactory();
    factory.setDatabase(database);
    RouteRegistry noCapture = new RouteRegistry(Classifier.defaults(), clock, key -> false);
    StatusStore store = factory.build(new HostContext("shop", "web-1", clock, noCapture, List.of()));
    store.start();
    return store;
  }

  private static void write(StatusStore store, RouteKey route, Instant minute, String instance, long success,
      long failure, long micros) {
    store.writeMinutes(List.of(new MinuteBucket(
        route, minute.truncatedTo(ChronoUnit.MINUTES), instance, Tallies.of(success, failure, 0, micros))));
  }

  @Test
  void keptPiecesGiveTheReadingsOfAFreshEvaluationOnTheJdbiStore(PostgresDatabases databases) throws Exception {
    MutableClock clock = new MutableClock(START);
    StatusStore store = store(databases, clock);
    try {
      store.declareRoutes(ROUTES.stream()
          .map(route -> new RouteDescriptor(route, route.rule(), "", "Shop")).toList());
      Random random = new Random(20261130);
      for (Instant minute = START.minus(Duration.ofDays(10)); minute.isBefore(START);
          minute = minute.plus(Duration.ofMinutes(173))) {
        for (RouteKey route : ROUTES) {
          write(store, route, minute, "web-1", random.nextInt(1_000), random.nextInt(3), 50_000 + random.nextInt(400_000));
        }
      }
      store.maintain(START, TWO_DAYS);
      ObjectiveSettings settings = settings();
      ObjectiveEvaluation kept = new ObjectiveEvaluation(store, settings, 10);
      MaintenanceSpans none = MaintenanceSpans.of(List.of());
      Instant now = START;
      int deletedAt = -1;
      for (int step = 0; step < 150; step++) {
        int move = random.nextInt(100);
        now = now.plus(move < 85 ? Duration.ofMinutes(1) : move < 93 ? Duration.ofMinutes(13) : Duration.ofMinutes(61));
        clock.set(now);
        Instant closed = now.truncatedTo(ChronoUnit.MINUTES).minus(1, ChronoUnit.MINUTES);
        for (RouteKey route : ROUTES) {
          write(store, route, closed, "web-1", 200 + random.nextInt(800), random.nextInt(10) == 0 ? 40 : 0,
              50_000 + random.nextInt(600_000));
        }
        int event = random.nextInt(100);
        if (event < 15) {
          // Late, from an instance cut off for a while: into any minute of the last four days,
          // pruned ones included (the next maintenance folds those into their day).
          Instant late = now.minus(Duration.ofMinutes(2 + random.nextInt(4 * 24 * 60)));
          write(store, ROUTES.get(random.nextInt(3)), late, "web-" + (2 + random.nextInt(3)), 100, 25, 900_000);
        } else if (event < 25) {
          store.maintain(now, TWO_DAYS);
        } else if (event < 30 && deletedAt < 0) {
          store.deleteRoute(CART);
          deletedAt = step;
          if (random.nextBoolean()) {
            // Restored at once, before the next evaluation: the routes then read as before.
            store.restoreRoute(CART, now);
            deletedAt = -1;
          }
        } else if (deletedAt >= 0 && step - deletedAt >= 3) {
          store.restoreRoute(CART, now);
          deletedAt = -1;
        }

        List<ObjectiveReading> readings = kept.evaluate(now, none, (key, pair) -> false);

        assertThat(readings).as("step %d at %s", step, now)
            .isEqualTo(new ObjectiveEvaluation(store, settings, 10).evaluate(now, none, (key, pair) -> false));
      }
    } finally {
      store.stop();
    }
  }
}
