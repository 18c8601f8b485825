package dev.trafficstatus.bench.page;

import dev.trafficstatus.bench.BenchContext;
import dev.trafficstatus.bench.BenchDatabase;
import dev.trafficstatus.bench.LatencySamples;
import dev.trafficstatus.core.status.HealthPolicy;
import dev.trafficstatus.core.status.PageBuilder;
import dev.trafficstatus.core.status.PageSettings;
import dev.trafficstatus.core.status.StatusService;
import dev.trafficstatus.testkit.MutableClock;
import dev.trafficstatus.spi.page.PageLinks;
import dev.trafficstatus.spi.page.PageRenderer;
import dev.trafficstatus.spi.page.StatusPage;
import dev.trafficstatus.spi.store.DayBucket;
import dev.trafficstatus.spi.store.MinuteBucket;
import dev.trafficstatus.spi.store.Retention;
import dev.trafficstatus.spi.store.RouteTally;
import dev.trafficstatus.spi.store.StatusStore;
import dev.trafficstatus.spi.store.StoredRoute;
import dev.trafficstatus.views.mustache.MustacheRendererFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The status page of 100 routes over 90 days, warm, taken apart: the store's reads, each alone and
 * together; building the page model; rendering it as HTML; and all of it as {@link StatusService}
 * and the renderer do it: {@code refreshed}, the refresh once per interval (the store's day versions
 * read, then only the days that changed: today), {@code refreshedLateDay} and {@code readLateDay},
 * the same while an old day has a late write not rolled up yet (that day read again too), and
 * {@code total}, a page whose every day is read (a process's first read, or every {@code
 * page.historyRefresh} with a store that keeps no day versions). Budget: a page at most 20 ms.
 * Within a refresh interval the server sends bytes it rendered before, which is not measured here.
 *
 * <p>The page is built at 10:00 UTC, so today is 10 closed hours in hour rows and the current hour's
 * minute rows, and the 89 closed days are day rows (see {@link FilledStore}). {@code readClosedDays}
 * reads the same window without today, to show what today costs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 6, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class PageBenchmark {

  /** Where the figures are: {@code postgresql} (zonky, PostgreSQL 17) or {@code h2} (a file). */
  @Param({"postgresql", "h2"})
  public String database;

  /** How many routes the page shows. */
  @Param({"100"})
  public int routes;

  /** The page's window in days, today included. */
  @Param({"90"})
  public int days;

  /** 10:00 UTC: 600 minutes of today are in minute rows. */
  private static final Instant NOW = Instant.parse("2025-06-15T10:00:30Z");

  private BenchDatabase server;
  private StatusStore store;
  private PageSettings settings;
  private PageBuilder builder;
  private Clock clock;
  private MutableClock steadyClock;
  private StatusService steadyService;
  private long steps;
  private PageRenderer renderer;
  private final PageLinks links = new PageLinks("/status", "/status/assets/");
  private LocalDate first;
  private LocalDate today;

  private List<StoredRoute> storedRoutes;
  private List<DayBucket> dayBuckets;
  private List<RouteTally> recent;
  private StatusPage page;
  private byte[] html;

  @Setup(Level.Trial)
  public void fillStore() throws Exception {
    FilledStore.Filled filled = FilledStore.open(BenchDatabase.Kind.of(database), NOW, routes, days);
    server = filled.server();
    store = filled.store();
    clock = Clock.fixed(NOW, ZoneOffset.UTC);
    settings = PageSettings.defaults("Bench");
    builder = new PageBuilder(settings, HealthPolicy.defaults());
    // The same page with its history read once: every later read is a refresh interval's.
    PageSettings steady =
        new PageSettings(settings.title(), settings.defaultDays(), settings.maxDays(), settings.zone(),
            settings.refresh(), Duration.ofDays(1), settings.currentWindow(), settings.rules(),
            settings.grouping());
    steadyClock = new MutableClock(NOW);
    steadyService = new StatusService(store, steady, HealthPolicy.defaults(), steadyClock);
    steadyService.refresh();
    renderer = new MustacheRendererFactory().build(new BenchContext("bench", "bench-1", clock));
    today = LocalDate.ofInstant(NOW, ZoneOffset.UTC);
    first = PageBuilder.firstDay(NOW, days);

    storedRoutes = store.routes();
    dayBuckets = store.readDays(first, today);
    recent = store.readSince(NOW.minus(settings.currentWindow()));
    page = builder.build(NOW, days, storedRoutes, dayBuckets, recent);
    if (storedRoutes.size() != routes || dayBuckets.size() != routes * days) {
      throw new IllegalStateException(
          "filled " + storedRoutes.size() + " routes and " + dayBuckets.size() + " route-days, expected "
              + routes + " and " + routes * days);
    }
    ByteArrayOutputStream rendered = new ByteArrayOutputStream();
    renderer.render(page, links, rendered);
    html = rendered.toByteArray();
    System.out.printf("%n[page] %d routes x %d days on %s: %d route-days, %d recent tallies, %d bytes of HTML%n",
        routes, days, database, dayBuckets.size(), recent.size(), html.length);
  }

  @TearDown(Level.Trial)
  public void stop() throws Exception {
    store.stop();
    server.close();
  }

  /** The route list alone. */
  @Benchmark
  public List<StoredRoute> readRoutes() {
    return store.routes();
  }

  /** The window's day tallies: day rows of closed days, today from its minute rows. */
  @Benchmark
  public List<DayBucket> readDays() {
    return store.readDays(first, today);
  }

  /** The same window without today: day rows only. */
  @Benchmark
  public List<DayBucket> readClosedDays() {
    return store.readDays(first, today.minusDays(1));
  }

  /** The last 15 minutes, for each route's current state. */
  @Benchmark
  public List<RouteTally> readSince() {
    return store.readSince(NOW.minus(settings.currentWindow()));
  }

  /** The three reads a page makes. */
  @Benchmark
  public void storeReads(Blackhole sink) {
    sink.consume(store.routes());
    sink.consume(store.readDays(first, today));
    sink.consume(store.readSince(NOW.minus(settings.currentWindow())));
  }

  /** The page model from what the reads returned. */
  @Benchmark
  public StatusPage buildModel() {
    return builder.build(NOW, days, storedRoutes, dayBuckets, recent);
  }

  /** The HTML of a built page. */
  @Benchmark
  public long render() throws IOException {
    ByteCounter out = new ByteCounter();
    renderer.render(page, links, out);
    return out.count;
  }

  /** The store's day versions of the window, which a refresh reads first. */
  @Benchmark
  public Object readVersions() {
    return store.dayVersions(first, today);
  }

  /**
   * A whole page whose every day is read: a process's first read, and once per {@code
   * historyRefresh} with a store that keeps no day versions. Model and HTML included.
   */
  @Benchmark
  public long total() throws IOException {
    StatusService fresh = new StatusService(store, settings, HealthPolicy.defaults(), clock);
    fresh.refresh();
    ByteCounter out = new ByteCounter();
    renderer.render(fresh.page(days), links, out);
    return out.count;
  }

  /**
   * A whole page as the refresher thread reads it once per refresh interval, the days that did not
   * change kept from an earlier read: routes, day versions, the days that changed (today: its
   * current hour is written to), the recent minutes, model, HTML. Each call moves the clock one
   * interval on (alternating between two instants of the same day, so the figures read stay the
   * same).
   */
  @Benchmark
  public long refreshed() throws IOException {
    return refreshAndRender(steadyService);
  }

  /**
   * {@link #refreshed()} while a day a month back has a late write not yet rolled up (an instance
   * back from an outage flushed a minute of every route into it): that day is read again at every
   * refresh until maintenance rolls it up, which is the most a history re-read costs.
   */
  @Benchmark
  public long refreshedLateDay(LateDay late) throws IOException {
    return refreshAndRender(late.service);
  }

  /** The read alone of {@link #refreshedLateDay}: what the refresher thread spends on the store. */
  @Benchmark
  public Object readLateDay(LateDay late) {
    steps++;
    late.clock.set(NOW.plus(Duration.ofMinutes(1 + (steps & 1))));
    late.service.refresh();
    return late.service.snapshot();
  }

  private long refreshAndRender(StatusService refreshing) throws IOException {
    steps++;
    steadyClock.set(NOW.plus(Duration.ofMinutes(1 + (steps & 1))));
    refreshing.refresh();
    ByteCounter out = new ByteCounter();
    renderer.render(refreshing.page(days), links, out);
    return out.count;
  }

  /**
   * A late minute of every route in a day a month back, written at set-up (replacing the same
   * bucket when a later fork writes it again), and a page service that read everything once before
   * it. Tear-down runs maintenance, which rolls the late minute into the day as a server would.
   */
  @State(Scope.Benchmark)
  public static class LateDay {
    MutableClock clock;
    StatusService service;
    private StatusStore store;

    @Setup(Level.Trial)
    public void writeLate(PageBenchmark page) {
      store = page.store;
      clock = page.steadyClock;
      service = new StatusService(store, page.settings, HealthPolicy.defaults(), clock);
      service.refresh();
      Instant late = NOW.minus(Duration.ofDays(30)).truncatedTo(ChronoUnit.HOURS);
      LatencySamples samples = new LatencySamples(5);
      List<MinuteBucket> buckets = new ArrayList<>();
      for (StoredRoute route : store.routes()) {
        buckets.add(new MinuteBucket(route.key(), late, "bench-late", samples.tally(50, 1)));
      }
      store.writeMinutes(buckets);
      LocalDate lateDay = LocalDate.ofInstant(late, ZoneOffset.UTC);
      if (store.dayVersions(page.first, page.today).orElseThrow().versions().containsKey(lateDay)) {
        throw new IllegalStateException("the late day should have no version while it is dirty");
      }
    }

    @TearDown(Level.Trial)
    public void rollUp() {
      store.maintain(NOW, Retention.defaults());
    }
  }

  /**
   * Compressing the rendered HTML as the server's gzip handler does for every browser request (the
   * JDK's deflater at its default level), which rendering once per interval does not save.
   */
  @Benchmark
  public long gzip() throws IOException {
    ByteCounter out = new ByteCounter();
    try (GZIPOutputStream zipped = new GZIPOutputStream(out, 8192)) {
      zipped.write(html);
    }
    return out.count;
  }

  /** Counts what a page would send, and drops it. */
  private static final class ByteCounter extends OutputStream {
    long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }
  }
}
