package dev.trafficstatus.bench.request;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
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
 * CPU time per operation, over each iteration, divided by the operations of the iteration, in two
 * ways: {@code cpu.time.norm}, the benchmark JVM's CPU time (every thread: the server's, the
 * collector's, the JIT compiler's, JMH's own); {@code cpu.threads.norm}, the CPU time of the Java
 * threads alone (the server's and JMH's threads, without the collector and the compiler, whose work
 * lands in some iterations and not others); {@code cpu.request.norm}, the CPU time of the threads
 * that serve the requests alone (the server's pool, {@code dw-} but not {@code dw-admin}, and the
 * benchmark's thread), without the app's background threads (the store connecting and migrating
 * after start, the page's refresh, the flusher), whose work is per minute, not per request. Unlike
 * wall-clock time none of them counts the time a thread waits for a core that another process
 * holds, so they move much less with the machine's load. Use it with {@code -prof
 * dev.trafficstatus.bench.request.CpuTimeProfiler}; all are in ns/op.
 */
public final class CpuTimeProfiler implements InternalProfiler {

  private final com.sun.management.OperatingSystemMXBean os =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private long cpuAtStart;
  private Map<Long, Long> threadsAtStart = Map.of();
  private Map<Long, Long> requestThreadsAtStart = Map.of();

  @Override
  public String getDescription() {
    return "CPU time of the whole JVM per operation";
  }

  @Override
  public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
    cpuAtStart = os.getProcessCpuTime();
    threadsAtStart = javaThreadsCpuTimes();
    requestThreadsAtStart = requestThreadsCpuTimes();
  }

  @Override
  public Collection<? extends Result> afterIteration(
      BenchmarkParams benchmarkParams, IterationParams iterationParams, IterationResult result) {
    long cpu = os.getProcessCpuTime() - cpuAtStart;
    long javaThreads = 0;
    for (Map.Entry<Long, Long> thread : javaThreadsCpuTimes().entrySet()) {
      javaThreads += thread.getValue() - threadsAtStart.getOrDefault(thread.getKey(), 0L);
    }
    long requestThreads = 0;
    for (Map.Entry<Long, Long> thread : requestThreadsCpuTimes().entrySet()) {
      requestThreads += thread.getValue() - requestThreadsAtStart.getOrDefault(thread.getKey(), 0L);
    }
    long operations = result.getMetadata().getAllOps();
    return List.of(
        new ScalarResult("cpu.time.norm", perOperation(cpu, operations), "ns/op", AggregationPolicy.AVG),
        new ScalarResult(
            "cpu.threads.norm", perOperation(javaThreads, operations), "ns/op", AggregationPolicy.AVG),
        new ScalarResult(
            "cpu.request.norm", perOperation(requestThreads, operations), "ns/op", AggregationPolicy.AVG));
  }

  private static double perOperation(long nanos, long operations) {
    return operations == 0 ? Double.NaN : (double) nanos / operations;
  }

  /** The CPU time of each thread that serves requests, by id. */
  private Map<Long, Long> requestThreadsCpuTimes() {
    Map<Long, Long> times = new HashMap<>();
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info == null) {
        continue;
      }
      String name = info.getThreadName();
      boolean serves =
          (name.startsWith("dw-") && !name.startsWith("dw-admin")) || name.contains("jmh-worker");
      long time = serves ? threads.getThreadCpuTime(info.getThreadId()) : -1;
      if (time >= 0) {
        times.put(info.getThreadId(), time);
      }
    }
    return times;
  }

  /**
   * The CPU time of each live Java thread, by id: a thread that ends during an iteration takes its
   * share with it, one that starts counts from zero.
   */
  private Map<Long, Long> javaThreadsCpuTimes() {
    Map<Long, Long> times = new HashMap<>();
    for (long id : threads.getAllThreadIds()) {
      long time = threads.getThreadCpuTime(id);
      if (time >= 0) {
        times.put(id, time);
      }
    }
    return times;
  }
}
