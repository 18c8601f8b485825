package dev.trafficstatus.bench.flush;

import dev.trafficstatus.bench.BenchContext;
import dev.trafficstatus.bench.BenchDatabase;
import dev.trafficstatus.bench.LatencySamples;
import dev.trafficstatus.core.aggregate.MinuteHarvester;
import dev.trafficstatus.core.aggregate.RouteRegistry;
import dev.trafficstatus.core.classify.Classifier;
import dev.trafficstatus.core.flush.FlushReport;
import dev.trafficstatus.core.flush.FlushSettings;
import dev.trafficstatus.core.flush.Flusher;
import dev.trafficstatus.testkit.MutableClock;
import dev.trafficstatus.spi.RouteDescriptor;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.capture.RouteRecorder;
import dev.trafficstatus.spi.store.StatusStore;
import dev.trafficstatus.store.jdbi.JdbiStoreFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
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

/**
 * The flush of one closed minute of 1,000 routes into the store, as the flusher's thread does it
 * once a minute: harvest the counters, then one batch upsert of 1,000 minute rows in one
 * transaction. Budget: at most 200 ms on PostgreSQL.
 *
 * <p>Before each flush (not timed) every route records one request in a new minute and the clock
 * moves past that minute's end, so each flush writes exactly 1,000 new rows into a table that grows
 * as a real one does (by 1,000 rows a minute).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class FlushBenchmark {

  /** Where the minutes go: {@code postgresql} (zonky, PostgreSQL 17) or {@code h2} (a file). */
  @Param({"postgresql", "h2"})
  public String database;

  /** How many routes have a request in the closed minute. */
  @Param({"1000"})
  public int routes;

  private static final Instant START = Instant.parse("2025-06-15T00:00:00Z");

  private BenchDatabase server;
  private StatusStore store;
  private MutableClock clock;
  private Flusher flusher;
  private RouteRecorder[] recorders;
  private final LatencySamples samples = new LatencySamples(7);
  private long minute;

  @Setup(Level.Trial)
  public void startStoreAndDeclareRoutes() throws Exception {
    server = BenchDatabase.start(BenchDatabase.Kind.of(database));
    clock = new MutableClock(START);
    BenchContext context = new BenchContext("bench", "bench-1", clock);
    JdbiStoreFactory factory = new JdbiStoreFactory();
    factory.setDatabase(server.newDatabase());
    store = factory.build(context);
    store.start();
    RouteRegistry registry = new RouteRegistry(Classifier.defaults(), clock, key -> true);
    flusher =
        new Flusher(
            registry,
            new MinuteHarvester(registry, clock, context.instance()),
            store,
            clock,
            FlushSettings.defaults());
    recorders = new RouteRecorder[routes];
    for (int r = 0; r < routes; r++) {
      String rule = "/api/v1/resource" + r + "/{id}";
      recorders[r] =
          registry.route(
              new RouteDescriptor(new RouteKey("bench", rule), "resource " + r, "", "Group " + r % 20));
    }
    // The first flush of a process declares its routes; a benchmark of minutes leaves that out.
    flusher.flushClosed();
  }

  /** One request per route in a fresh minute, then the clock just past that minute's end. */
  @Setup(Level.Invocation)
  public void recordOneMinute() {
    minute++;
    Instant opens = START.plus(Duration.ofMinutes(minute));
    clock.set(opens.plusSeconds(1));
    for (int r = 0; r < recorders.length; r++) {
      int i = (int) (minute * recorders.length + r);
      recorders[r].record(samples.status(i), samples.latencyNanos(i));
    }
    clock.set(opens.plus(Duration.ofMinutes(1)).plusSeconds(2));
  }

  @Benchmark
  public FlushReport flushClosedMinute() {
    FlushReport report = flusher.flushClosed();
    if (!report.complete() || report.bucketsWritten() != routes) {
      throw new IllegalStateException("the flush did not write " + routes + " buckets: " + report);
    }
    return report;
  }

  @TearDown(Level.Trial)
  public void stop() throws Exception {
    store.stop();
    server.close();
  }
}
