package dev.trafficstatus.bench.request;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.regex.Pattern;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.util.ListStatistics;

/**
 * Runs {@link RequestPathBenchmark} in rounds, one fork per mode and round, the order of the modes
 * reversed every round (off, on, timed; then timed, on, off), so a change in the machine's load
 * lands on every mode alike. Each fork gets {@code -prof gc} and {@link CpuTimeProfiler}. Prints,
 * per mode, ns per request (JMH's mean and 99.9 % error over every measured iteration of every
 * fork, and the forks' median and range), CPU time and allocation per request; then the ratios
 * on/off and on/timed, paired within each round, with their median, range and a 95 % confidence
 * interval of their mean. Each fork's figures go to a TSV file as well.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar
 * dev.trafficstatus.bench.request.RequestPathRounds [rounds] [JMH options]}; rounds defaults to 10,
 * JMH options (such as {@code -wi 3 -i 5}) override the benchmark's annotations.
 */
public final class RequestPathRounds {

  private static final String GC_NORM = "gc.alloc.rate.norm";
  private static final String CPU_NORM = "cpu.time.norm";
  private static final String THREADS_NORM = "cpu.threads.norm";
  private static final String REQUEST_NORM = "cpu.request.norm";

  /** One fork's figures. */
  private record ForkFigures(
      int round,
      CaptureMode mode,
      double nsPerRequest,
      double cpuNsPerRequest,
      double threadsNsPerRequest,
      double requestThreadsNsPerRequest,
      double bytesPerRequest,
      List<Double> iterationNs,
      double loadBefore,
      double loadAfter) {}

  private RequestPathRounds() {}

  /**
   * Runs the rounds and prints the summary.
   *
   * @param args the number of rounds, then JMH's own options
   * @throws Exception when a fork fails
   */
  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 && args[0].matches("\\d+") ? Integer.parseInt(args[0]) : 10;
    String[] jmhArgs =
        args.length > 0 && args[0].matches("\\d+")
            ? java.util.Arrays.copyOfRange(args, 1, args.length)
            : args;
    CommandLineOptions commandLine = new CommandLineOptions(jmhArgs);
    Path out = Path.of("bench", "target", "request-path");
    Files.createDirectories(out);
    String stamp =
        DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(Instant.now());
    Path tsv = out.resolve(stamp + ".tsv");
    Files.writeString(tsv, "round\tmode\tns_per_request\tcpu_ns_per_request\tthreads_cpu_ns_per_request\trequest_threads_cpu_ns_per_request\tbytes_per_request\tload_before\tload_after\n");

    List<ForkFigures> forks = new ArrayList<>();
    for (int round = 1; round <= rounds; round++) {
      List<CaptureMode> order =
          round % 2 == 1
              ? List.of(CaptureMode.OFF, CaptureMode.ON, CaptureMode.TIMED)
              : List.of(CaptureMode.TIMED, CaptureMode.ON, CaptureMode.OFF);
      for (CaptureMode mode : order) {
        double loadBefore = loadAverage();
        RunResult result =
            new Runner(
                    new OptionsBuilder()
                        .parent(commandLine)
                        .include("^" + Pattern.quote(RequestPathBenchmark.class.getName()) + "\\.request$")
                        .param("mode", mode.name().toLowerCase(Locale.ROOT))
                        .forks(1)
                        .addProfiler(GCProfiler.class)
                        .addProfiler(CpuTimeProfiler.class)
                        .shouldFailOnError(true)
                        .build())
                .runSingle();
        ForkFigures fork =
            new ForkFigures(
                round,
                mode,
                result.getPrimaryResult().getScore(),
                result.getSecondaryResults().get(CPU_NORM).getScore(),
                result.getSecondaryResults().get(THREADS_NORM).getScore(),
                result.getSecondaryResults().get(REQUEST_NORM).getScore(),
                result.getSecondaryResults().get(GC_NORM).getScore(),
                iterations(result),
                loadBefore,
                loadAverage());
        forks.add(fork);
        Files.writeString(
            tsv,
            String.format(
                Locale.ROOT,
                "%d\t%s\t%.1f\t%.1f\t%.1f\t%.1f\t%.1f\t%.2f\t%.2f%n",
                round,
                mode.name().toLowerCase(Locale.ROOT),
                fork.nsPerRequest(),
                fork.cpuNsPerRequest(),
                fork.threadsNsPerRequest(),
                fork.requestThreadsNsPerRequest(),
                fork.bytesPerRequest(),
                fork.loadBefore(),
                fork.loadAfter()),
            java.nio.file.StandardOpenOption.APPEND);
      }
    }
    System.out.println();
    System.out.println(summary(forks, rounds));
    System.out.println("Each fork's figures: " + tsv);
  }

  private static List<Double> iterations(RunResult result) {
    List<Double> scores = new ArrayList<>();
    for (BenchmarkResult benchmark : result.getBenchmarkResults()) {
      for (IterationResult iteration : benchmark.getIterationResults()) {
        scores.add(iteration.getPrimaryResult().getScore());
      }
    }
    return scores;
  }

  private static String summary(List<ForkFigures> forks, int rounds) {
    Map<CaptureMode, List<ForkFigures>> byMode = new EnumMap<>(CaptureMode.class);
    for (ForkFigures fork : forks) {
      byMode.computeIfAbsent(fork.mode(), m -> new ArrayList<>()).add(fork);
    }
    StringBuilder text = new StringBuilder();
    ListStatistics load = new ListStatistics();
    forks.forEach(f -> {
      load.addValue(f.loadBefore());
      load.addValue(f.loadAfter());
    });
    text.append(
        String.format(
            Locale.ROOT,
            "%d rounds; 1-minute load average %.1f–%.1f (median %.1f)%n%n",
            rounds, load.getMin(), load.getMax(), load.getPercentile(50)));
    text.append("| mode | ns/request, JMH mean ± 99.9 % | ns/request, forks' median (min–max) |"
        + " CPU ns/request, JVM | CPU ns/request, Java threads | CPU ns/request, request threads |"
        + " B/request |\n");
    text.append("|---|---:|---:|---:|---:|---:|---:|\n");
    Map<CaptureMode, ListStatistics> jmh = new EnumMap<>(CaptureMode.class);
    for (Map.Entry<CaptureMode, List<ForkFigures>> mode : byMode.entrySet()) {
      ListStatistics all = new ListStatistics();
      mode.getValue().forEach(f -> f.iterationNs().forEach(all::addValue));
      jmh.put(mode.getKey(), all);
      text.append(
          String.format(
              Locale.ROOT,
              "| %s | %.0f ± %.0f | %s | %s | %s | %s | %s |%n",
              mode.getKey().name().toLowerCase(Locale.ROOT),
              all.getMean(),
              all.getMeanErrorAt(0.999),
              spread(mode.getValue(), ForkFigures::nsPerRequest, "%.0f"),
              spread(mode.getValue(), ForkFigures::cpuNsPerRequest, "%.0f"),
              spread(mode.getValue(), ForkFigures::threadsNsPerRequest, "%.0f"),
              spread(mode.getValue(), ForkFigures::requestThreadsNsPerRequest, "%.0f"),
              spread(mode.getValue(), ForkFigures::bytesPerRequest, "%.0f")));
    }
    text.append("\n| ratio, paired by round | measure | median (min–max) | mean, 95 % CI |\n");
    text.append("|---|---|---:|---:|\n");
    for (CaptureMode[] pair :
        new CaptureMode[][] {
          {CaptureMode.ON, CaptureMode.OFF}, {CaptureMode.ON, CaptureMode.TIMED}, {CaptureMode.TIMED, CaptureMode.OFF}
        }) {
      String name =
          pair[0].name().toLowerCase(Locale.ROOT) + " / " + pair[1].name().toLowerCase(Locale.ROOT);
      text.append(ratioRow(name, "wall-clock", forks, pair, ForkFigures::nsPerRequest, rounds));
      text.append(ratioRow(name, "CPU, JVM", forks, pair, ForkFigures::cpuNsPerRequest, rounds));
      text.append(ratioRow(name, "CPU, Java threads", forks, pair, ForkFigures::threadsNsPerRequest, rounds));
      text.append(
          ratioRow(name, "CPU, request threads", forks, pair, ForkFigures::requestThreadsNsPerRequest, rounds));
      text.append(ratioRow(name, "allocation", forks, pair, ForkFigures::bytesPerRequest, rounds));
      ListStatistics t = jmh.get(pair[0]);
      ListStatistics u = jmh.get(pair[1]);
      text.append(
          String.format(
              Locale.ROOT,
              "| %s | wall-clock, JMH bounds (99.9 %%) | %.3f–%.3f | |%n",
              name,
              (t.getMean() - t.getMeanErrorAt(0.999)) / (u.getMean() + u.getMeanErrorAt(0.999)),
              (t.getMean() + t.getMeanErrorAt(0.999)) / (u.getMean() - u.getMeanErrorAt(0.999))));
    }
    return text.toString();
  }

  private static String ratioRow(
      String name,
      String measure,
      List<ForkFigures> forks,
      CaptureMode[] pair,
      ToDoubleFunction<ForkFigures> figure,
      int rounds) {
    ListStatistics ratios = new ListStatistics();
    for (int round = 1; round <= rounds; round++) {
      ratios.addValue(
          figure.applyAsDouble(find(forks, round, pair[0]))
              / figure.applyAsDouble(find(forks, round, pair[1])));
    }
    return String.format(
        Locale.ROOT,
        "| %s | %s | %.3f (%.3f–%.3f) | %s |%n",
        name,
        measure,
        ratios.getPercentile(50),
        ratios.getMin(),
        ratios.getMax(),
        interval(ratios));
  }

  private static String interval(ListStatistics ratios) {
    if (ratios.getN() < 2) {
      return "n/a";
    }
    double[] bounds = ratios.getConfidenceIntervalAt(0.95);
    return String.format(Locale.ROOT, "%.3f (%.3f–%.3f)", ratios.getMean(), bounds[0], bounds[1]);
  }

  private static ForkFigures find(List<ForkFigures> forks, int round, CaptureMode mode) {
    return forks.stream()
        .filter(f -> f.round() == round && f.mode() == mode)
        .findFirst()
        .orElseThrow();
  }

  private static String spread(List<ForkFigures> forks, ToDoubleFunction<ForkFigures> figure, String format) {
    ListStatistics statistics = new ListStatistics();
    forks.forEach(f -> statistics.addValue(figure.applyAsDouble(f)));
    return String.format(
        Locale.ROOT,
        format + " (" + format + "–" + format + ")",
        statistics.getPercentile(50),
        statistics.getMin(),
        statistics.getMax());
  }

  private static double loadAverage() throws IOException {
    return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
  }
}
