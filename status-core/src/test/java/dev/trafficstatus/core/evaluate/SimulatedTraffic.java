package dev.trafficstatus.core.evaluate;

import dev.trafficstatus.core.notice.NoticeIds;
import dev.trafficstatus.core.notice.NoticeService;
import dev.trafficstatus.core.objective.ObjectiveSettings;
import dev.trafficstatus.core.status.HealthPolicy;
import dev.trafficstatus.core.status.PageSettings;
import dev.trafficstatus.core.status.ShownRoutes;
import dev.trafficstatus.core.testing.InMemoryNotices;
import dev.trafficstatus.core.testing.InMemoryStore;
import dev.trafficstatus.spi.RouteDescriptor;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.notice.Notice;
import dev.trafficstatus.spi.notice.NoticeKind;
import dev.trafficstatus.spi.store.MinuteBucket;
import dev.trafficstatus.spi.store.StatusStore;
import dev.trafficstatus.testkit.MutableClock;
import dev.trafficstatus.testkit.Tallies;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A service whose traffic a test sets per route and minute, on the in-memory store, with a clock the
 * test moves: each {@link #minute()} writes the minute that just closed, as every instance's flush
 * would, and leaves the clock at the evaluator's phase.
 */
final class SimulatedTraffic {

  static final RouteKey CHECKOUT = new RouteKey("shop", "/checkout");
  static final RouteKey SEARCH = new RouteKey("shop", "/search");
  static final RouteKey HOME = new RouteKey("shop", "/");

  final MutableClock clock;
  final InMemoryStore store = new InMemoryStore();
  private final Map<RouteKey, long[]> perMinute = new LinkedHashMap<>();
  private int seed;

  /**
   * @param start the first instant, such as {@code 2026-03-01T01:00:20Z} (20 s past a minute)
   */
  SimulatedTraffic(String start) {
    clock = MutableClock.at(start);
    declare(CHECKOUT, "Checkout", "Shop");
    declare(SEARCH, "Search", "Shop");
    declare(HOME, "Home", "Shop");
  }

  void declare(RouteKey route, String name, String group) {
    store.declareRoutes(List.of(new RouteDescriptor(route, name, "", group)));
  }

  void declareProtected(RouteKey route, String name) {
    store.declareRoutes(List.of(new RouteDescriptor(route, name, "", "Admin", true)));
  }

  /** From the next minute on, a route answers this many requests a minute. */
  void traffic(RouteKey route, long successes, long failures) {
    perMinute.put(route, new long[] {successes, failures});
  }

  /** Moves a minute on and writes the minute that closed. */
  void minute() {
    clock.advance(Duration.ofMinutes(1));
    Instant closed = clock.instant().truncatedTo(ChronoUnit.MINUTES).minus(1, ChronoUnit.MINUTES);
    List<MinuteBucket> buckets = new ArrayList<>();
    perMinute.forEach((route, counts) -> {
      if (counts[0] + counts[1] > 0) {
        buckets.add(new MinuteBucket(route, closed, "web-1", Tallies.of(counts[0], counts[1], 0, 1_000)));
      }
    });
    store.writeMinutes(buckets);
  }

  /** Writes one minute of a route directly, such as a day of history. */
  void write(RouteKey route, Instant minute, long successes, long failures) {
    store.writeMinutes(List.of(new MinuteBucket(route, minute, "web-1", Tallies.of(successes, failures, 0, 1_000))));
  }

  /** Moves minutes on, evaluating after each with every evaluator given, in turn. */
  void minutes(int count, Evaluator... evaluators) {
    for (int i = 0; i < count; i++) {
      minute();
      for (Evaluator evaluator : evaluators) {
        evaluator.evaluateOnce();
      }
    }
  }

  InMemoryNotices notices() {
    return store.noticeStore();
  }

  NoticeService noticeService() {
    return new NoticeService(
        store.noticeStore(), clock, new NoticeIds(new SplittableRandom()),
        (type, notice) -> "{\"type\":\"" + type.wireName() + "\",\"id\":\"" + notice.id() + "\"}",
        MaintenanceWindowSettings.defaults().maxDuration());
  }

  Evaluator evaluator() {
    return evaluator(IncidentSettings.defaults(), MaintenanceWindowSettings.defaults());
  }

  Evaluator evaluator(IncidentSettings incidents, MaintenanceWindowSettings maintenance) {
    return evaluator(store, incidents, maintenance);
  }

  /** An evaluator reading the figures and notices through another store over the same data. */
  Evaluator evaluator(StatusStore through, IncidentSettings incidents, MaintenanceWindowSettings maintenance) {
    return new Evaluator(
        through,
        new NoticeService(
            store.noticeStore(), clock, new NoticeIds(new SplittableRandom()),
            (type, notice) -> "{}", maintenance.maxDuration()),
        HealthPolicy.defaults(),
        new ShownRoutes(PageSettings.defaults("Shop")),
        incidents,
        maintenance,
        "shop",
        clock,
        System.getLogger(Evaluator.class.getName() + "." + (seed++)));
  }

  /** An evaluator that also judges objectives. */
  Evaluator evaluator(ObjectiveSettings objectives) {
    return evaluator(objectives, IncidentSettings.defaults());
  }

  /** An evaluator that also judges objectives, with incident settings. */
  Evaluator evaluator(ObjectiveSettings objectives, IncidentSettings incidents) {
    return new Evaluator(
        store,
        noticeService(),
        HealthPolicy.defaults(),
        new ShownRoutes(PageSettings.defaults("Shop")),
        incidents,
        MaintenanceWindowSettings.defaults(),
        objectives,
        "shop",
        clock,
        System.getLogger(Evaluator.class.getName() + "." + (seed++)));
  }

  List<Notice> incidents() {
    return notices().all().stream().filter(n -> n.kind() == NoticeKind.INCIDENT).toList();
  }

  List<Notice> maintenances() {
    return notices().all().stream().filter(n -> n.kind() == NoticeKind.MAINTENANCE).toList();
  }
}
