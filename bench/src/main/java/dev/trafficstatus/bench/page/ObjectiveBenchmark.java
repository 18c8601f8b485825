package dev.trafficstatus.bench.page;

import dev.trafficstatus.bench.BenchDatabase;
import dev.trafficstatus.core.objective.BurnPair;
import dev.trafficstatus.core.objective.LatencyTarget;
import dev.trafficstatus.core.objective.Objective;
import dev.trafficstatus.core.objective.ObjectiveEvaluation;
import dev.trafficstatus.core.objective.ObjectiveReading;
import dev.trafficstatus.core.objective.ObjectiveScope;
import dev.trafficstatus.core.objective.ObjectiveSettings;
import dev.trafficstatus.core.objective.ScopeKind;
import dev.trafficstatus.core.status.MaintenanceSpans;
import dev.trafficstatus.spi.store.StatusStore;
import dev.trafficstatus.spi.store.StoredRoute;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
 * Issue 20's cost: one evaluation of one objective per route (availability 99.9 % over 30 days,
 * every other one with a latency target too) with the workbook's four pairs, on a filled store of
 * {@code routes} routes over 31 days (see {@link FilledStore}). It reads the objective window and
 * the seven burn windows once each for every route ({@code readBetween}), then judges every
 * objective; the target is under 200 ms on PostgreSQL for 1,000 routes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ObjectiveBenchmark {

  /** Where the figures are: {@code postgresql} or {@code h2}. */
  @Param({"postgresql"})
  public String database;

  /** How many routes, each with its objective. */
  @Param({"1000"})
  public int routes;

  /** Early in the day, so filling today's minute rows of 1,000 routes stays short. */
  static final Instant NOW = Instant.parse("2025-06-15T03:30:20Z");
  static final int DAYS = 31;

  private BenchDatabase server;
  private StatusStore store;
  private ObjectiveEvaluation evaluation;
  private final MaintenanceSpans noSpans = MaintenanceSpans.of(List.of());

  @Setup(Level.Trial)
  public void fill() throws Exception {
    FilledStore.Filled filled = FilledStore.open(BenchDatabase.Kind.of(database), NOW, routes, DAYS);
    server = filled.server();
    store = filled.store();
    if (server.kind() == BenchDatabase.Kind.POSTGRESQL) {
      FilledStore.analyze(filled);
    }
    evaluation = new ObjectiveEvaluation(store, settings(store), 10);
    List<ObjectiveReading> first = evaluation.evaluate(NOW, noSpans, (key, pair) -> false);
    System.out.printf("%n[objectives] %d routes, %d objectives, %d readings; the first: %s%n[objectives] %s%n",
        routes, routes, first.size(), first.get(0).budget(), digest(first));
  }

  /**
   * The counts of every reading's windows summed, to see that two ways of reading give the same
   * readings.
   *
   * @param readings an evaluation's readings
   * @return good and bad of the objective windows, the current burn and each pair's long and short
   *     windows
   */
  static String digest(List<ObjectiveReading> readings) {
    long[] sums = new long[4 + 4 * BurnPair.defaults().size()];
    for (ObjectiveReading reading : readings) {
      List<dev.trafficstatus.core.objective.Counts> counts = new ArrayList<>();
      counts.add(reading.budget().counts());
      counts.add(reading.currentBurn().counts());
      reading.pairs().forEach(pair -> {
        counts.add(pair.longBurn().counts());
        counts.add(pair.shortBurn().counts());
      });
      for (int i = 0; i < counts.size(); i++) {
        sums[2 * i] += counts.get(i).good();
        sums[2 * i + 1] += counts.get(i).bad();
      }
    }
    return "digest (good, bad per window: objective, current, then each pair's long and short) "
        + java.util.Arrays.toString(sums);
  }

  /**
   * One objective per route: availability 99.9 % over 30 days, every other one with 99 % within
   * 300 ms too; the workbook's pairs.
   *
   * @param store the filled store
   * @return the settings
   */
  static ObjectiveSettings settings(StatusStore store) {
    List<Objective> objectives = new ArrayList<>();
    int i = 0;
    for (StoredRoute route : store.routes()) {
      LatencyTarget latency = i++ % 2 == 0 ? new LatencyTarget(Duration.ofMillis(300), new BigDecimal("99")) : null;
      objectives.add(new Objective("objective " + i, new ObjectiveScope(ScopeKind.ROUTE, route.key().service(),
          route.key().rule()), new BigDecimal("99.9"), latency, Objective.DEFAULT_WINDOW));
    }
    return new ObjectiveSettings(objectives, BurnPair.defaults(), new BigDecimal("0.5"), Duration.ofHours(1));
  }

  @TearDown(Level.Trial)
  public void stop() throws Exception {
    store.stop();
    server.close();
  }

  /** One evaluation of every objective, as the evaluator runs once a minute. */
  @Benchmark
  public List<ObjectiveReading> evaluate() {
    return evaluation.evaluate(NOW, noSpans, (key, pair) -> false);
  }
}
