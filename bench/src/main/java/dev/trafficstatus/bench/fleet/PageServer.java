package dev.trafficstatus.bench.fleet;

import dev.trafficstatus.bench.BenchContext;
import dev.trafficstatus.core.evaluate.EvaluationReport;
import dev.trafficstatus.core.evaluate.Evaluator;
import dev.trafficstatus.core.evaluate.IncidentSettings;
import dev.trafficstatus.core.evaluate.MaintenanceWindowSettings;
import dev.trafficstatus.core.notice.NoticeIds;
import dev.trafficstatus.core.notice.NoticeService;
import dev.trafficstatus.core.status.HealthPolicy;
import dev.trafficstatus.core.status.PageSettings;
import dev.trafficstatus.core.status.ShownRoutes;
import dev.trafficstatus.core.status.StatusService;
import dev.trafficstatus.spi.page.RouteStatus;
import dev.trafficstatus.spi.page.StatusPage;
import dev.trafficstatus.spi.store.MaintenanceReport;
import dev.trafficstatus.spi.store.Retention;
import dev.trafficstatus.spi.store.StatusStore;
import dev.trafficstatus.store.jdbi.JdbiStoreFactory;
import dev.trafficstatus.store.jdbi.StoreDataSourceFactory;
import io.dropwizard.db.DataSourceFactory;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The fleet's central page server: a process of its own with its own store, that reads the page,
 * runs maintenance (rollups and retention) and the evaluator, as the server wires them.
 */
final class PageServer implements AutoCloseable {

  private final StatusStore store;
  private final StatusService page;
  private final Evaluator evaluator;
  private final Clock clock;

  PageServer(String service, DataSourceFactory database, Clock clock) throws Exception {
    StoreDataSourceFactory pool = new StoreDataSourceFactory();
    pool.setUrl(database.getUrl());
    pool.setUser(database.getUser());
    pool.setPassword(database.getPassword());
    JdbiStoreFactory factory = new JdbiStoreFactory();
    factory.setDatabase(pool);
    this.clock = clock;
    this.store = factory.build(new BenchContext(service, "page-server", clock));
    store.start();
    PageSettings settings = PageSettings.defaults(service);
    this.page = new StatusService(store, settings, HealthPolicy.defaults(), clock);
    NoticeService notices =
        new NoticeService(
            store.notices().orElseThrow(() -> new IllegalStateException("the store keeps no notices")),
            clock,
            new NoticeIds(new SplittableRandom(7)),
            (type, notice) -> "{}",
            MaintenanceWindowSettings.defaults().maxDuration());
    this.evaluator =
        new Evaluator(
            store,
            notices,
            HealthPolicy.defaults(),
            new ShownRoutes(settings),
            IncidentSettings.defaults(),
            MaintenanceWindowSettings.defaults(),
            service,
            clock,
            System.getLogger(Evaluator.class.getName()));
  }

  /** Reads the whole page window again, as the page's history read does; returns its nanos. */
  long readPage() {
    long started = System.nanoTime();
    page.invalidate();
    page.page(page.settings().defaultDays());
    return System.nanoTime() - started;
  }

  /** One evaluator run; returns its nanos. */
  long evaluate() {
    long started = System.nanoTime();
    EvaluationReport ignored = evaluator.evaluateOnce();
    return System.nanoTime() - started;
  }

  /** One maintenance run at the fleet's time. */
  MaintenanceReport maintain() {
    return store.maintain(clock.instant(), Retention.defaults());
  }

  /** One maintenance run as if it were {@code later} after the fleet's time: retention at work. */
  MaintenanceReport maintainAt(java.time.Duration later) {
    return store.maintain(clock.instant().plus(later), Retention.defaults());
  }

  /** Requests and failures per route the page shows over the last {@code days} days. */
  Map<String, long[]> pageSums(int days) {
    page.invalidate();
    StatusPage shown = page.page(days);
    Map<String, long[]> sums = new HashMap<>();
    shown.groups().forEach(
        group -> {
          for (RouteStatus route : group.routes()) {
            sums.put(route.key().rule(), new long[] {route.requests(), route.failures()});
          }
        });
    return sums;
  }

  @Override
  public void close() throws Exception {
    store.stop();
  }
}
