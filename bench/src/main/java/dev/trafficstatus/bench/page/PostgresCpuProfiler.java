package dev.trafficstatus.bench.page;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time per operation of the PostgreSQL server a benchmark runs on a filled database ({@link
 * FilledStore}): the postmaster whose data directory is under {@link FilledStore#fillsRoot()} and
 * its processes (the connections' backends, which do the store's reads), as {@code
 * postgres.cpu.norm} in ns/op. The benchmark thread's own CPU time ({@code
 * dev.trafficstatus.bench.request.CpuTimeProfiler}) leaves out the database's share of a read; this
 * adds it, and like it does not count time spent waiting for a core another process holds. Give
 * the run a fills directory of its own ({@code -jvmArgsAppend
 * -Dtrafficstatus.bench.fills=...}) when other benchmarks may run PostgreSQL on the default one.
 * Linux reports process CPU in clock ticks (10 ms): read it over iterations of many operations.
 */
public final class PostgresCpuProfiler implements InternalProfiler {

  /** Linux's USER_HZ, the unit of the CPU times in {@code /proc/<pid>/stat}, on every platform we run. */
  private static final long NANOS_PER_TICK = 10_000_000L;

  private long atStart;

  @Override
  public String getDescription() {
    return "CPU time of the benchmark's PostgreSQL server per operation";
  }

  @Override
  public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
    atStart = postgresCpuNanos();
  }

  @Override
  public Collection<? extends Result> afterIteration(
      BenchmarkParams benchmarkParams, IterationParams iterationParams, IterationResult result) {
    long atEnd = postgresCpuNanos();
    long operations = result.getMetadata().getAllOps();
    if (atEnd < atStart || operations == 0) {
      // The last iteration ends after the trial's tear-down stopped the server: nothing to say.
      return List.of();
    }
    return List.of(new ScalarResult("postgres.cpu.norm", (double) (atEnd - atStart) / operations, "ns/op",
        AggregationPolicy.AVG));
  }

  /**
   * The CPU time so far of every postmaster under the fills directory and of its children, from
   * {@code /proc} (the JDK's {@link ProcessHandle} cannot see the command of a server that zonky
   * started in a user namespace of its own).
   */
  private static long postgresCpuNanos() {
    String root = FilledStore.fillsRoot().toString();
    Map<Long, long[]> stats = new HashMap<>();
    List<Long> postmasters = new ArrayList<>();
    try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path process : processes) {
        try {
          String stat = Files.readString(process.resolve("stat"));
          // After the command in parentheses: state, ppid, ... utime and stime are fields 14 and 15.
          String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          long pid = Long.parseLong(process.getFileName().toString());
          stats.put(pid, new long[] {Long.parseLong(fields[1]), Long.parseLong(fields[11]) + Long.parseLong(fields[12])});
          String command = new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8);
          if (command.contains("/bin/postgres") && command.contains(root)) {
            postmasters.add(pid);
          }
        } catch (IOException | RuntimeException gone) {
          // The process ended while being read: its time is no longer anyone's.
        }
      }
    } catch (IOException unreadable) {
      throw new UncheckedIOException("cannot list /proc", unreadable);
    }
    long ticks = 0;
    for (Map.Entry<Long, long[]> process : stats.entrySet()) {
      if (postmasters.contains(process.getKey()) || postmasters.contains(process.getValue()[0])) {
        ticks += process.getValue()[1];
      }
    }
    return ticks * NANOS_PER_TICK;
  }
}
