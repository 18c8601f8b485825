package dev.trafficstatus.server.testapp;

import dev.trafficstatus.spi.RouteDescriptor;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.Health;
import dev.trafficstatus.spi.store.LatencyHistogram;
import dev.trafficstatus.spi.store.MaintenanceReport;
import dev.trafficstatus.spi.store.MinuteBucket;
import dev.trafficstatus.spi.store.Retention;
import dev.trafficstatus.spi.store.StatusStore;
import dev.trafficstatus.spi.store.Tally;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Ninety days of traffic of five routes, written through the real store the way flushes from two
 * instances would write it, with what each square and card must show.
 *
 * <p>Closed days become day rollups ({@link StatusStore#maintain}); today stays in minute rows, a
 * bulk written in the morning and the last minutes inside the page's 15-minute current window.
 * The set has every state: quiet operational days, a day with one failure in 10,000 (still
 * operational), degraded days, partial and major outages, days without requests, a day below the
 * minimum count, a day of only ignored requests, and a route that started recording 40 days ago.
 * Every figure is chosen far from the default thresholds, so the expected states hold by design.
 */
public final class NinetyDaySeed {

  /** The app's "now": a fixed moment, so expectations and screenshots never drift. */
  public static final Instant NOW = Instant.parse("2025-06-30T15:42:00Z");

  /** The last day of the window. */
  public static final LocalDate TODAY = LocalDate.ofInstant(NOW, ZoneOffset.UTC);

  /** The default window. */
  public static final int DAYS = 90;

  /** The first day of the default window. */
  public static final LocalDate FIRST_DAY = TODAY.minusDays(DAYS - 1L);

  /** The service the app records under (status-only.yml). */
  public static final String SERVICE = "shop";

  private static final String[] INSTANCES = {"web-1-seed", "web-2-seed"};

  /**
   * What one square must show.
   *
   * @param day the UTC day
   * @param health its state
   * @param requests all requests, ignored ones included
   * @param failures failed requests
   * @param ignored requests counted neither way
   */
  public record ExpectedDay(LocalDate day, Health health, long requests, long failures, long ignored) {

    /**
     * The successes.
     *
     * @return requests that were neither failures nor ignored
     */
    public long successes() {
      return requests - failures - ignored;
    }
  }

  /**
   * What one card must show.
   *
   * @param key the route
   * @param name its display name
   * @param doc its description
   * @param group the heading it is shown under
   * @param current its current state
   * @param days the squares, oldest first
   */
  public record ExpectedRoute(
      RouteKey key, String name, String doc, String group, Health current, List<ExpectedDay> days) {

    /** Copies the days. */
    public ExpectedRoute {
      days = List.copyOf(days);
    }
  }

  /** Counts of one period; {@code total = success + failure + ignored}. */
  private record Counts(long success, long failure, long ignored) {

    long total() {
      return success + failure + ignored;
    }

    Counts plus(Counts other) {
      return new Counts(success + other.success, failure + other.failure, ignored + other.ignored);
    }
  }

  /** A day as written, and the state it must show. */
  private record Day(Counts counts, Health health) {}

  /** A route's whole history: closed days by offset from the first day, and today in two parts. */
  private record Seeded(
      RouteDescriptor descriptor,
      Duration typicalLatency,
      IntFunction<Day> closedDay,
      Counts todayBulk,
      Counts recent,
      Health today,
      Health current) {}

  private NinetyDaySeed() {}

  private static Day day(long requests, long failures, long ignored, Health health) {
    return new Day(new Counts(requests - failures - ignored, failures, ignored), health);
  }

  private static Day quiet() {
    return new Day(new Counts(0, 0, 0), Health.NO_DATA);
  }

  private static RouteDescriptor route(String rule, String name, String doc, String group) {
    return new RouteDescriptor(new RouteKey(SERVICE, rule), name, doc, group);
  }

  /** Closed days: a formula for ordinary days and a few special ones by offset. */
  private static IntFunction<Day> days(IntFunction<Day> ordinary, Map<Integer, Day> special) {
    return offset -> special.getOrDefault(offset, ordinary.apply(offset));
  }

  private static List<Seeded> seeded() {
    return List.of(
        new Seeded(
            route("/products", "Browse products", "Lists the products on sale.", "CatalogResource"),
            Duration.ofMillis(12),
            days(
                i -> day(4_800 + (i * 37) % 400, 0, 48, Health.OPERATIONAL),
                Map.of(
                    // One failure in 10,000 must not paint a day red.
                    30, day(10_000, 1, 100, Health.OPERATIONAL),
                    61, day(5_000, 20, 50, Health.DEGRADED))),
            new Counts(3_000, 0, 30),
            new Counts(150, 0, 0),
            Health.OPERATIONAL,
            Health.OPERATIONAL),
        new Seeded(
            route("/products/{id}", "Product details", "One product with price and stock.",
                "CatalogResource"),
            Duration.ofMillis(25),
            days(
                i -> day(12_000 + (i * 53) % 900, i % 7 == 0 ? 2 : 0, 0, Health.OPERATIONAL),
                Map.of(
                    45, day(12_000, 600, 0, Health.PARTIAL_OUTAGE),
                    72, day(9_000, 5_400, 0, Health.MAJOR_OUTAGE))),
            new Counts(7_000, 3, 0),
            new Counts(400, 0, 0),
            Health.OPERATIONAL,
            Health.OPERATIONAL),
        new Seeded(
            route("/cart", "Cart", "", "CheckoutResource"),
            Duration.ofMillis(8),
            days(
                i -> day(300 + i, 0, 0, Health.OPERATIONAL),
                Map.of(
                    5, quiet(),
                    6, quiet(),
                    20, day(4, 0, 0, Health.NO_DATA),
                    // Only 401s: many requests, none that counts either way.
                    21, day(40, 0, 40, Health.NO_DATA),
                    50, day(7, 1, 0, Health.NO_DATA))),
            new Counts(120, 0, 0),
            // Too few for a verdict now, so the card falls back to today's state.
            new Counts(3, 0, 0),
            Health.OPERATIONAL,
            Health.OPERATIONAL),
        new Seeded(
            route("/checkout", "Checkout", "Places the order and takes the payment.",
                "CheckoutResource"),
            Duration.ofMillis(140),
            days(
                i -> day(2_000 + (i * 11) % 150, 0, 5, Health.OPERATIONAL),
                Map.of(
                    80, day(2_000, 1_500, 0, Health.MAJOR_OUTAGE),
                    81, day(2_000, 60, 0, Health.PARTIAL_OUTAGE),
                    88, day(2_000, 8, 0, Health.DEGRADED))),
            new Counts(996, 4, 0),
            new Counts(199, 1, 0),
            Health.DEGRADED,
            Health.DEGRADED),
        new Seeded(
            route("https://payments.example.com/health", "Payments provider",
                "HTTP probe of the payment provider, every 30 seconds.", "Probes"),
            Duration.ofMillis(90),
            days(
                i -> i < 50 ? quiet() : day(2_880, 0, 0, Health.OPERATIONAL),
                Map.of(70, day(2_880, 100, 0, Health.PARTIAL_OUTAGE))),
            new Counts(1_850, 0, 0),
            new Counts(30, 0, 0),
            Health.OPERATIONAL,
            Health.OPERATIONAL));
  }

  /**
   * What the page must show, card by card in the order the page lists them (by group, then by
   * rule).
   *
   * @return the routes
   */
  public static List<ExpectedRoute> expected() {
    List<ExpectedRoute> routes = new ArrayList<>();
    for (Seeded route : seeded()) {
      List<ExpectedDay> days = new ArrayList<>(DAYS);
      for (int i = 0; i < DAYS - 1; i++) {
        Day day = route.closedDay().apply(i);
        days.add(new ExpectedDay(FIRST_DAY.plusDays(i), day.health(), day.counts().total(),
            day.counts().failure(), day.counts().ignored()));
      }
      Counts today = route.todayBulk().plus(route.recent());
      days.add(new ExpectedDay(TODAY, route.today(), today.total(), today.failure(), today.ignored()));
      RouteDescriptor descriptor = route.descriptor();
      routes.add(new ExpectedRoute(descriptor.key(), descriptor.name(), descriptor.doc(),
          descriptor.group(), route.current(), days));
    }
    routes.sort((a, b) -> a.group().equals(b.group())
        ? a.key().compareTo(b.key())
        : a.group().compareTo(b.group()));
    return routes;
  }

  /**
   * The headline state: the worst current state.
   *
   * @return degraded, as the checkout route is now
   */
  public static Health overall() {
    return Health.DEGRADED;
  }

  /**
   * Writes the set into a started store and rolls up the closed days.
   *
   * @param store the store of the app under test
   */
  public static void writeTo(StatusStore store) {
    List<Seeded> routes = seeded();
    store.declareRoutes(routes.stream().map(Seeded::descriptor).toList());
    List<MinuteBucket> buckets = new ArrayList<>();
    Instant todayStart = TODAY.atStartOfDay(ZoneOffset.UTC).toInstant();
    for (Seeded route : routes) {
      RouteKey key = route.descriptor().key();
      Duration latency = route.typicalLatency();
      for (int i = 0; i < DAYS - 1; i++) {
        Counts counts = route.closedDay().apply(i).counts();
        Instant start = FIRST_DAY.plusDays(i).atStartOfDay(ZoneOffset.UTC).toInstant();
        // Two instances share each day, so the rollup must sum them to match.
        Counts first = share(counts, 3, 5);
        Counts second = minus(counts, first);
        addBucket(buckets, key, start.plus(Duration.ofHours(10)), INSTANCES[0], first, latency);
        addBucket(buckets, key, start.plus(Duration.ofHours(16)), INSTANCES[1], second, latency);
      }
      addBucket(buckets, key, todayStart.plus(Duration.ofHours(9)), INSTANCES[0],
          route.todayBulk(), latency);
      Counts recentFirst = share(route.recent(), 1, 2);
      addBucket(buckets, key, NOW.minus(Duration.ofMinutes(3)), INSTANCES[0], recentFirst, latency);
      addBucket(buckets, key, NOW.minus(Duration.ofMinutes(2)), INSTANCES[1],
          minus(route.recent(), recentFirst), latency);
    }
    store.writeMinutes(buckets);
    rollUp(store, NOW);
  }

  /**
   * Runs maintenance until it has run once; the app's own maintenance thread may hold it for a
   * moment.
   *
   * @param store the store
   * @param now the app's "now"
   */
  public static void rollUp(StatusStore store, Instant now) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    MaintenanceReport report = store.maintain(now, Retention.defaults());
    while (!report.ran()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("maintenance stayed busy for 30 s");
      }
      Thread.onSpinWait();
      report = store.maintain(now, Retention.defaults());
    }
  }

  private static Counts share(Counts counts, int numerator, int denominator) {
    return new Counts(
        counts.success() * numerator / denominator,
        counts.failure() * numerator / denominator,
        counts.ignored() * numerator / denominator);
  }

  private static Counts minus(Counts counts, Counts part) {
    return new Counts(
        counts.success() - part.success(),
        counts.failure() - part.failure(),
        counts.ignored() - part.ignored());
  }

  private static void addBucket(List<MinuteBucket> buckets, RouteKey key, Instant minute,
      String instance, Counts counts, Duration typical) {
    if (counts.total() == 0) {
      return;
    }
    buckets.add(new MinuteBucket(key, minute, instance, tally(counts, typical)));
  }

  /**
   * A tally whose latencies have a typical shape: most at the typical latency, a third at twice
   * it, a few at four and ten times it; p50, p95 and p99 fall on those four.
   *
   * @param counts the requests
   * @param typical the median latency
   * @return the tally
   */
  private static Tally tally(Counts counts, Duration typical) {
    long total = counts.total();
    long slowest = total * 2 / 100;
    long slow = total * 5 / 100;
    long middle = total * 33 / 100;
    long fast = total - middle - slow - slowest;
    LatencyHistogram latency = LatencyHistogram.builder()
        .record(typical, fast)
        .record(typical.multipliedBy(2), middle)
        .record(typical.multipliedBy(4), slow)
        .record(typical.multipliedBy(10), slowest)
        .build();
    Duration max = slowest > 0 ? typical.multipliedBy(10) : slow > 0 ? typical.multipliedBy(4)
        : middle > 0 ? typical.multipliedBy(2) : typical;
    return new Tally(total, counts.success(), counts.failure(), counts.ignored(), max,
        latency);
  }
}
