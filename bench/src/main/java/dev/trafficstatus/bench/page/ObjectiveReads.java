package dev.trafficstatus.bench.page;

import dev.trafficstatus.bench.BenchDatabase;
import dev.trafficstatus.core.objective.ObjectiveEvaluation;
import dev.trafficstatus.core.status.MaintenanceSpans;
import dev.trafficstatus.spi.store.StatusStore;
import dev.trafficstatus.store.jdbi.internal.FiguresDao;
import dev.trafficstatus.store.jdbi.internal.MinuteRange;
import dev.trafficstatus.store.jdbi.internal.UtcPeriods;
import io.dropwizard.db.DataSourceFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;

/**
 * What one evaluation of {@link ObjectiveBenchmark} reads on PostgreSQL: the ranges it asks the
 * store for ({@code readBetween}), and for each the query's plan with {@code EXPLAIN (ANALYZE,
 * BUFFERS)}, the rows it returns and their histogram bytes. Prints a line per range and the totals,
 * and writes every plan to {@code objective-read-plans.txt} in the working directory.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.trafficstatus.bench.page.ObjectiveReads [routes [analyze] [later]]
 * </pre>
 *
 * <p>With {@code later}, what the evaluation a minute after another reads: one evaluation of the
 * minute before runs first, unrecorded, and keeps its pieces.
 */
public final class ObjectiveReads {

  private static final Pattern EXECUTION = Pattern.compile("Execution Time: ([0-9.]+) ms");

  private ObjectiveReads() {}

  /** A range an evaluation read. */
  private record Range(Instant from, Instant to) {}

  /**
   * Runs one evaluation on the filled store and explains its reads.
   *
   * @param args the number of routes, 1,000 by default; then {@code analyze} to refresh the
   *     planner's statistics first ({@link FilledStore#analyze}), {@code later} to explain the
   *     reads of an evaluation a minute after another
   * @throws Exception when the database cannot be started or read
   */
  public static void main(String[] args) throws Exception {
    int routes = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
    FilledStore.Filled filled =
        FilledStore.open(BenchDatabase.Kind.POSTGRESQL, ObjectiveBenchmark.NOW, routes, ObjectiveBenchmark.DAYS);
    try {
      List<String> flags = List.of(args).subList(Math.min(1, args.length), args.length);
      if (flags.contains("analyze")) {
        FilledStore.analyze(filled);
      }
      List<Range> ranges = new ArrayList<>();
      StatusStore recording = recording(filled.store(), ranges);
      ObjectiveEvaluation evaluation = new ObjectiveEvaluation(recording, ObjectiveBenchmark.settings(filled.store()), 10);
      if (flags.contains("later")) {
        evaluation.evaluate(ObjectiveBenchmark.NOW.minusSeconds(60), MaintenanceSpans.of(List.of()), (key, pair) -> false);
        ranges.clear();
      }
      evaluation.evaluate(ObjectiveBenchmark.NOW, MaintenanceSpans.of(List.of()), (key, pair) -> false);
      DataSourceFactory database = filled.server().database("page");
      Jdbi jdbi = Jdbi.create(database.getUrl(), database.getUser(), database.getPassword());
      StringBuilder plans = new StringBuilder();
      long rows = 0;
      long bytes = 0;
      double milliseconds = 0;
      for (Range range : ranges) {
        MinuteRange minutes = MinuteRange.of(UtcPeriods.minuteOf(range.from()), UtcPeriods.minuteOf(range.to()));
        String plan = jdbi.withHandle(handle -> String.join("\n", handle
            .createQuery("EXPLAIN (ANALYZE, BUFFERS) " + FiguresDao.READ_BETWEEN)
            .bindMethods(minutes).mapTo(String.class).list()));
        Map<String, Object> size = jdbi.withHandle(handle -> handle
            .createQuery("SELECT COUNT(*) AS rows_read, COALESCE(SUM(OCTET_LENGTH(histogram)), 0) AS histogram_bytes"
                + " FROM (" + FiguresDao.READ_BETWEEN + ") AS q")
            .bindMethods(minutes).mapToMap().one());
        long rangeRows = ((Number) size.get("rows_read")).longValue();
        long rangeBytes = ((Number) size.get("histogram_bytes")).longValue();
        double execution = executionMillis(plan);
        rows += rangeRows;
        bytes += rangeBytes;
        milliseconds += execution;
        String line = String.format("%s .. %s: %,d rows, %,d histogram bytes, %.1f ms in PostgreSQL",
            range.from(), range.to(), rangeRows, rangeBytes, execution);
        System.out.println(line);
        plans.append(line).append('\n').append(plan).append("\n\n");
      }
      String total = String.format("%d reads: %,d rows, %,d histogram bytes, %.1f ms in PostgreSQL (EXPLAIN ANALYZE)",
          ranges.size(), rows, bytes, milliseconds);
      System.out.println(total);
      plans.append(total).append('\n');
      Files.writeString(Path.of("objective-read-plans.txt"), plans, StandardCharsets.UTF_8);
    } finally {
      filled.store().stop();
      filled.server().close();
    }
  }

  private static double executionMillis(String plan) {
    Matcher matcher = EXECUTION.matcher(plan);
    return matcher.find() ? Double.parseDouble(matcher.group(1)) : Double.NaN;
  }

  /** The store, noting the range of every {@code readBetween} call. */
  private static StatusStore recording(StatusStore store, List<Range> ranges) {
    return (StatusStore) Proxy.newProxyInstance(StatusStore.class.getClassLoader(), new Class<?>[] {StatusStore.class},
        (proxy, method, arguments) -> {
          if (method.getName().equals("readBetween")) {
            ranges.add(new Range((Instant) arguments[0], (Instant) arguments[1]));
          }
          try {
            return method.invoke(store, arguments);
          } catch (InvocationTargetException failed) {
            throw failed.getCause();
          }
        });
  }
}
