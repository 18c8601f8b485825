package dev.trafficstatus.bench.page;

import dev.trafficstatus.bench.BenchContext;
import dev.trafficstatus.bench.BenchDatabase;
import dev.trafficstatus.core.status.HealthPolicy;
import dev.trafficstatus.core.status.PageBuilder;
import dev.trafficstatus.core.status.PageSettings;
import dev.trafficstatus.core.status.StatusService;
import dev.trafficstatus.testkit.MutableClock;
import dev.trafficstatus.spi.page.PageLinks;
import dev.trafficstatus.spi.page.PageRenderer;
import dev.trafficstatus.spi.page.StatusPage;
import dev.trafficstatus.spi.store.DayBucket;
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
 * and the renderer do it: {@code refreshed}, the request that finds the page's refresh interval
 * over (yesterday and today read again, older days kept), and {@code total}, the request after an
 * invalidation or a history refresh (every day read). Budget: a page at most 20 ms. Within a
 * refresh interval the server sends bytes it rendered before, which is not measured here.
 *
 * <p>The page is built at 10:00 UTC, so today is 10 closed hours in hour rows and the current hour's
 * minute rows, and the 89 closed days are day rows (see {@link SeededStore}). {@code readClosedDays}
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
  private StatusService service;
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
  public void seedStore() throws Exception {
    SeededStore.Seeded seeded = SeededStore.open(BenchDatabase.Kind.of(database), NOW, routes, days);
    server = seeded.server();
    store = seeded.store();
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    settings = PageSettings.defaults("Bench");
    builder = new PageBuilder(settings, HealthPolicy.defaults());
    service = new StatusService(store, settings, HealthPolicy.defaults(), clock);
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
          "seeded " + storedRoutes.size() + " routes and " + dayBuckets.size() + " route-days, expected "
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

  /**
   * A whole page after {@code invalidate()} (a flush task or an edit) or once per
   * {@code historyRefresh}: every day of the window read, model, HTML.
   */
  @Benchmark
  public long total() throws IOException {
    service.invalidate();
    ByteCounter out = new ByteCounter();
    renderer.render(service.page(days), links, out);
    return out.count;
  }

  /**
   * A whole page as the refresher thread reads it once per refresh interval, the days before
   * yesterday kept from an earlier read: routes, yesterday and today, the recent minutes, model,
   * HTML. Each call moves the clock one interval on (alternating between two instants of the same
   * day, so the figures read stay the same).
   */
  @Benchmark
  public long refreshed() throws IOException {
    steps++;
    steadyClock.set(NOW.plus(Duration.ofMinutes(1 + (steps & 1))));
    steadyService.refresh();
    ByteCounter out = new ByteCounter();
    renderer.render(steadyService.page(days), links, out);
    return out.count;
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
