package dev.trafficstatus.bench.fleet;

import dev.trafficstatus.bench.BenchDatabase;
import dev.trafficstatus.core.flush.FlushReport;
import dev.trafficstatus.spi.store.MaintenanceReport;
import dev.trafficstatus.testkit.MutableClock;
import io.dropwizard.db.DataSourceFactory;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fleet of N instances × R routes writing into one PostgreSQL, with the minute clock compressed
 * (issue 22, "Measure"; SCALING.md has the figures). Not a test and not JMH: it measures a system.
 *
 * <pre>{@code
 * java -cp bench/target/benchmarks.jar dev.trafficstatus.bench.fleet.FleetSimulator \
 *     --instances 200 --routes 200 --minutes 80 --minute-millis 3000
 * }</pre>
 *
 * <p>Each simulated minute: every instance records a few requests per route at second 30 of the
 * minute; the clock moves past the minute's end; every instance flushes on a thread of its own at
 * its real phase of the interval, scaled to the compressed minute (so the fleet's writes are spread
 * as a real fleet's are, over 2–12 s of 60); a probe samples PostgreSQL's lock waits meanwhile.
 * Then the page server reads the whole page window, runs the evaluator, and every 10th minute the
 * maintenance (rollups), each timed. Instance 0 is killed mid-run after recording a minute it never
 * flushes, and restarted two minutes later under a new id. At the end every instance stops
 * gracefully and the page's sums per route must equal what the fleet delivered, to the request;
 * a run where they differ exits with status 1.
 *
 * <p>Every loop is bounded in count and time: the run by {@link FleetSettings#MAX_MINUTES}, each
 * round by {@link #ROUND_LIMIT}, sampling by the round's end.
 */
public final class FleetSimulator {

  /** The longest a flush round may take before the run gives up. */
  static final Duration ROUND_LIMIT = Duration.ofMinutes(2);

  /** 22:50 UTC: a run of 80 minutes rolls up two hours and a whole day. */
  static final Instant START = Instant.parse("2025-06-14T22:50:00Z");

  private static final String SERVICE = "fleet";

  private final FleetSettings settings;
  private final BenchDatabase server;

  private FleetSimulator(FleetSettings settings, BenchDatabase server) {
    this.settings = settings;
    this.server = server;
  }

  /**
   * Runs one fleet and prints its summary.
   *
   * @param args see {@link FleetSettings#parse}
   * @throws Exception when the database cannot be started or the run fails
   */
  public static void main(String[] args) throws Exception {
    FleetSettings settings = FleetSettings.parse(args);
    boolean exact;
    try (BenchDatabase server =
        BenchDatabase.startPostgres(Map.of("max_connections", Integer.toString(settings.maxConnections())))) {
      exact = new FleetSimulator(settings, server).run();
    }
    System.exit(exact ? 0 : 1);
  }

  private boolean run() throws Exception {
    DataSourceFactory database = server.newDatabase();
    MutableClock clock = new MutableClock(START);
    FleetLedger ledger = new FleetLedger(settings.routes());
    List<SimulatedInstance> live = new ArrayList<>();
    List<MinuteFigures> minutes = new ArrayList<>();
    ExecutorService flushThreads = Executors.newFixedThreadPool(settings.instances() + 1);
    ExecutorService recordThreads = Executors.newFixedThreadPool(2);
    long lostRequests = 0;
    try (PageServer page = new PageServer(SERVICE, database, clock);
        PostgresProbe probe = new PostgresProbe(server.connect(database));
        PrintWriter csv = new PrintWriter(Files.newBufferedWriter(settings.out()))) {
      long startNanos = System.nanoTime();
      startInstances(database, clock, live, flushThreads);
      System.out.printf("started %d instances in %.1f s (store starts tried again: %d)%n",
          live.size(), seconds(startNanos), SimulatedInstance.STARTS_RETRIED.get());
      csv.println(MinuteFigures.CSV_HEADER);
      long wal = probe.walBytes();
      long cpu = probe.cpuMillis();
      for (int m = 0; m < settings.minutes(); m++) {
        long minuteStarted = System.nanoTime();
        Instant minuteStart = START.plus(Duration.ofMinutes(m));
        if (settings.killAt() >= 0 && m == settings.killAt() + settings.restartAfter()) {
          live.add(0, SimulatedInstance.start(SERVICE + "-0-restarted", SERVICE, settings.routes(), database, clock));
        }
        clock.set(minuteStart.plusSeconds(30));
        record(live, m, recordThreads);
        if (m == settings.killAt()) {
          lostRequests = live.remove(0).kill();
          ledger.lost(lostRequests);
        }
        clock.set(minuteStart.plus(Duration.ofMinutes(1)).plusSeconds(15));
        Round round = flushRound(live, ledger, probe, flushThreads);
        double maintenanceMillis = -1;
        if (m % 10 == 9) {
          long started = System.nanoTime();
          page.maintain();
          maintenanceMillis = millis(System.nanoTime() - started);
        }
        double pageMillis = millis(page.readPage());
        double evaluatorMillis = millis(page.evaluate());
        PostgresProbe.Sizes sizes = probe.sizes();
        long walNow = probe.walBytes();
        long cpuNow = probe.cpuMillis();
        boolean overran = System.nanoTime() - minuteStarted > TimeUnit.MILLISECONDS.toNanos(settings.minuteMillis());
        MinuteFigures figures =
            new MinuteFigures(
                m, round.latencies.length, round.rows, round.failed,
                percentile(round.latencies, 50), percentile(round.latencies, 99),
                percentile(round.latencies, 100), round.millis, round.waits.waitMillis(),
                round.waits.maxWaiting(), round.waits.maxActive(), sizes.connections(),
                sizes.minuteTable(), sizes.minuteIndexes(), sizes.database(), walNow - wal,
                cpuNow - cpu, pageMillis, evaluatorMillis, maintenanceMillis, overran);
        wal = walNow;
        cpu = cpuNow;
        minutes.add(figures);
        csv.println(figures.csv());
        csv.flush();
        if (m % 10 == 0) {
          System.out.println(figures.csv());
        }
        long left = settings.minuteMillis() - (System.nanoTime() - minuteStarted) / 1_000_000;
        if (left > 0) {
          Thread.sleep(left);
        }
      }
      for (SimulatedInstance instance : live) {
        FlushReport last = instance.stopGracefully(ledger);
        if (!last.complete()) {
          throw new IllegalStateException("the graceful stop of " + instance.id() + " did not flush: " + last);
        }
      }
      boolean exact = compare(page.pageSums(2), ledger);
      long retentionStarted = System.nanoTime();
      MaintenanceReport retention = page.maintainAt(Duration.ofDays(9));
      double retentionMillis = millis(System.nanoTime() - retentionStarted);
      new FleetSummary(settings, minutes, ledger, lostRequests, retention, retentionMillis, exact)
          .print(System.out);
      return exact;
    } finally {
      flushThreads.shutdownNow();
      recordThreads.shutdownNow();
    }
  }

  private void startInstances(
      DataSourceFactory database, MutableClock clock, List<SimulatedInstance> live, ExecutorService threads)
      throws Exception {
    List<Future<SimulatedInstance>> starting = new ArrayList<>();
    for (int i = 0; i < settings.instances(); i++) {
      String id = SERVICE + "-" + i;
      starting.add(threads.submit(() -> SimulatedInstance.start(id, SERVICE, settings.routes(), database, clock)));
    }
    for (Future<SimulatedInstance> instance : starting) {
      live.add(instance.get(ROUND_LIMIT.toSeconds(), TimeUnit.SECONDS));
    }
  }

  private static void record(List<SimulatedInstance> live, long minute, ExecutorService threads)
      throws Exception {
    List<Future<?>> recording = new ArrayList<>();
    for (int i = 0; i < live.size(); i++) {
      SimulatedInstance instance = live.get(i);
      int number = i;
      recording.add(threads.submit(() -> instance.recordMinute(minute, number)));
    }
    for (Future<?> done : recording) {
      done.get(ROUND_LIMIT.toSeconds(), TimeUnit.SECONDS);
    }
  }

  /** What one round of flushes did. */
  private record Round(double[] latencies, long rows, int failed, double millis, PostgresProbe.LockWaits waits) {}

  /**
   * Every instance flushes on its own thread at its phase scaled to the compressed minute, while
   * the probe samples lock waits.
   */
  private Round flushRound(
      List<SimulatedInstance> live, FleetLedger ledger, PostgresProbe probe, ExecutorService threads)
      throws Exception {
    double scale = settings.minuteMillis() / 60_000.0;
    long roundStarted = System.nanoTime();
    AtomicInteger left = new AtomicInteger(live.size());
    AtomicBoolean done = new AtomicBoolean(live.isEmpty());
    List<Future<FlushReport>> flushes = new ArrayList<>();
    double[] latencies = new double[live.size()];
    for (int i = 0; i < live.size(); i++) {
      SimulatedInstance instance = live.get(i);
      long at = Math.round(instance.phase().toMillis() * scale);
      int slot = i;
      flushes.add(
          threads.submit(
              () -> {
                try {
                  long wait = at - (System.nanoTime() - roundStarted) / 1_000_000;
                  if (wait > 0) {
                    Thread.sleep(wait);
                  }
                  long started = System.nanoTime();
                  FlushReport report = instance.flushClosed(ledger);
                  latencies[slot] = millis(System.nanoTime() - started);
                  return report;
                } finally {
                  if (left.decrementAndGet() == 0) {
                    done.set(true);
                  }
                }
              }));
    }
    PostgresProbe.LockWaits waits = probe.sampleUntil(done, ROUND_LIMIT.toMillis());
    long rows = 0;
    int failed = 0;
    for (Future<FlushReport> flush : flushes) {
      FlushReport report = flush.get(ROUND_LIMIT.toSeconds(), TimeUnit.SECONDS);
      rows += report.bucketsWritten();
      if (!report.complete()) {
        failed++;
      }
    }
    return new Round(latencies, rows, failed, millis(System.nanoTime() - roundStarted), waits);
  }

  /** Whether the page shows, per route, exactly the requests and failures the fleet delivered. */
  private boolean compare(Map<String, long[]> shown, FleetLedger ledger) {
    boolean exact = true;
    for (int r = 0; r < settings.routes(); r++) {
      String rule = SimulatedInstance.descriptor(SERVICE, r).key().rule();
      long[] onPage = shown.getOrDefault(rule, new long[] {0, 0});
      if (onPage[0] != ledger.total(r) || onPage[1] != ledger.failures(r)) {
        exact = false;
        System.out.printf(
            "MISMATCH %s: page %d requests (%d failures), delivered %d (%d)%n",
            rule, onPage[0], onPage[1], ledger.total(r), ledger.failures(r));
      }
    }
    return exact;
  }

  static double percentile(double[] values, double p) {
    if (values.length == 0) {
      return 0;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  private static double millis(long nanos) {
    return nanos / 1_000_000.0;
  }

  private static double seconds(long sinceNanos) {
    return (System.nanoTime() - sinceNanos) / 1e9;
  }
}
