package dev.trafficstatus.server.page;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trafficstatus.core.status.HealthPolicy;
import dev.trafficstatus.core.status.PageBuilder;
import dev.trafficstatus.core.testing.MutableClock;
import dev.trafficstatus.server.StatusConfiguration;
import dev.trafficstatus.server.StatusRuntime;
import dev.trafficstatus.server.testapp.HundredRoutesSeed;
import dev.trafficstatus.server.testapp.HundredRoutesSeed.Density;
import dev.trafficstatus.server.testapp.StatusOnlyApp;
import dev.trafficstatus.spi.page.PageLinks;
import dev.trafficstatus.spi.page.StatusPage;
import dev.trafficstatus.spi.store.DayBucket;
import dev.trafficstatus.spi.store.RouteTally;
import dev.trafficstatus.spi.store.StatusStore;
import dev.trafficstatus.spi.store.StoredRoute;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Server time of the 100 routes × 90 days page, each part measured on its own, for BENCHMARKS.md.
 * Not part of the suite (tests time nothing; its name does not end in "Test"). Run it with
 *
 * <pre>
 * mvn -B -q test -pl status-server -am -Dtest=PageBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * <p>Options, as {@code -D} properties: {@code benchmark.runs} (measured runs per part, default
 * 50, after as many warm-up runs), {@code benchmark.now} (the app's "now", default
 * 2025-06-30T15:42:00Z; today's minute rows grow with the time of day) and
 * {@code benchmark.database} ({@code mem}, the default, or {@code file} for an H2 file under
 * target/, as the shipped config.yml uses). The table is printed and written to
 * {@code target/benchmarks/page.md}.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class PageBenchmark {

  private static final int RUNS = Integer.getInteger("benchmark.runs", 50);

  private static final Instant NOW =
      Instant.parse(System.getProperty("benchmark.now", "2025-06-30T15:42:00Z"));

  private static final boolean FILE = "file".equals(System.getProperty("benchmark.database", "mem"));

  static final DropwizardAppExtension<StatusConfiguration> APP = FILE
      ? StatusOnlyApp.extension("benchmark", new MutableClock(NOW), Map.of("status.store.database.url",
          "jdbc:h2:file:" + Path.of("target", "benchmarks", "status-" + System.nanoTime()).toAbsolutePath()))
      : StatusOnlyApp.extension("benchmark", new MutableClock(NOW));

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final List<String> rows = new ArrayList<>();

  @Test
  void measureTheHundredRoutePage() throws IOException {
    StatusRuntime runtime = ((StatusOnlyApp) APP.getApplication()).bundle().runtime();
    StatusStore store = runtime.store();
    double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    long seedStart = System.nanoTime();
    HundredRoutesSeed.writeTo(store, NOW, Density.EVERY_MINUTE);
    Duration seeding = Duration.ofNanos(System.nanoTime() - seedStart);

    LocalDate today = LocalDate.ofInstant(NOW, ZoneOffset.UTC);
    LocalDate first = today.minusDays(HundredRoutesSeed.DAYS - 1L);
    Instant recentFrom = NOW.minus(runtime.pageSettings().currentWindow());
    PageBuilder builder = new PageBuilder(runtime.pageSettings(), HealthPolicy.defaults());
    PageLinks links = new PageLinks("/status", "/status/assets/");
    ObjectMapper json = new ObjectMapper();
    PageFetcher fetcher = new PageFetcher(APP.getLocalPort());

    List<StoredRoute> routes = measure("store: routes()", store::routes);
    List<DayBucket> days = measure("store: readDays, 90 days (today from minute rows)",
        () -> store.readDays(first, today));
    List<RouteTally> recent = measure("store: readSince, last 15 minutes", () -> store.readSince(recentFrom));
    StatusPage page = measure("core: PageBuilder.build", () -> builder.build(
        NOW, HundredRoutesSeed.DAYS, routes, days, recent));
    measure("mustache: render HTML", () -> {
      try {
        runtime.renderer().render(page, links, OutputStream.nullOutputStream());
        return page;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    measure("server: write JSON", () -> {
      try {
        return json.writeValueAsBytes(PageJson.from(page));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    int html = measure("HTTP GET /status, model cached (within the refresh interval)",
        () -> fetcher.get("/status").body().length);
    int gzipped = measure("HTTP GET /status, model cached, gzip",
        () -> fetcher.get("/status", "Accept-Encoding", "gzip").body().length);
    measure("HTTP GET /status, uncached (reads + build + render)", () -> {
      runtime.statusService().invalidate();
      return fetcher.get("/status").body().length;
    });
    measure("HTTP GET /status as JSON, model cached",
        () -> fetcher.get("/status", "Accept", "application/json").body().length);

    assertThat(page.groups().stream().mapToInt(group -> group.routes().size()).sum())
        .isEqualTo(HundredRoutesSeed.ROUTES);
    long minutesToday = Duration.between(today.atStartOfDay(ZoneOffset.UTC).toInstant(), NOW).toMinutes();
    String report = String.format(Locale.ROOT, """
        Page benchmark: %d routes × %d days, now %s, H2 %s, %d warm-up + %d measured runs per part
        Store: %,d minute rows of today (one per route per minute so far) + %,d of the 7 closed days
        kept as minute rows; %,d route-days of day rollups; seeded in %d s
        HTML %,d bytes, %,d gzipped; %d available processors, %s %s;
        load average %.2f before seeding, %.2f at the end

        | part | median ms | median CPU ms | min ms | max ms |
        |---|---:|---:|---:|---:|
        %s
        """, HundredRoutesSeed.ROUTES, HundredRoutesSeed.DAYS, NOW, FILE ? "file" : "in memory",
        RUNS, RUNS, minutesToday * HundredRoutesSeed.ROUTES, 7L * 1_440 * HundredRoutesSeed.ROUTES,
        (HundredRoutesSeed.DAYS - 1L) * HundredRoutesSeed.ROUTES, seeding.toSeconds(), html, gzipped,
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
        System.getProperty("java.version"), loadBefore,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), String.join("\n", rows));
    System.out.println(report);
    Path out = Path.of("target", "benchmarks", "page.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report, StandardCharsets.UTF_8);
  }

  /**
   * Runs a part {@code RUNS} times to warm up, then {@code RUNS} times measured; one table row.
   * In-process parts also get this thread's CPU time, which other processes on a busy machine
   * inflate less than wall time; an HTTP part's work happens on a server thread, so it has none.
   */
  private <T> T measure(String part, Supplier<T> work) {
    T result = null;
    for (int i = 0; i < RUNS; i++) {
      result = work.get();
    }
    long[] nanos = new long[RUNS];
    long[] cpu = new long[RUNS];
    for (int i = 0; i < RUNS; i++) {
      long cpuStart = THREADS.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      result = work.get();
      nanos[i] = System.nanoTime() - start;
      cpu[i] = THREADS.getCurrentThreadCpuTime() - cpuStart;
    }
    Arrays.sort(nanos);
    Arrays.sort(cpu);
    String cpuMedian =
        part.startsWith("HTTP") ? "–" : String.format(Locale.ROOT, "%.2f", cpu[RUNS / 2] / 1e6);
    rows.add(String.format(Locale.ROOT, "| %s | %.2f | %s | %.2f | %.2f |", part,
        nanos[RUNS / 2] / 1e6, cpuMedian, nanos[0] / 1e6, nanos[RUNS - 1] / 1e6));
    return result;
  }
}
