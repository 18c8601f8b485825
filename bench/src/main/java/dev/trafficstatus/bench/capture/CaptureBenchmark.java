package dev.trafficstatus.bench.capture;

import dev.trafficstatus.bench.LatencySamples;
import dev.trafficstatus.core.aggregate.RouteRegistry;
import dev.trafficstatus.core.classify.Classifier;
import dev.trafficstatus.spi.RouteDescriptor;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.capture.RouteRecorder;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The capture hot path: what a capture calls per request once its route is resolved,
 * {@link RouteRecorder#record(int, long)}, with the system clock, FlaskStatus's classification and
 * latencies and statuses shaped like real traffic.
 *
 * <p>The budget: at most 150 ns per request on one thread, and no lock shared across threads, so
 * two threads record at least 1.6 times what one does. Three shapes: one thread; two threads on the
 * same route (the striped counters of one minute); two threads on routes of their own (nothing
 * shared at all, the upper bound of scaling). Throughput is ops/s over all threads; average time is
 * ns per call on each thread.
 */
@BenchmarkMode({Mode.Throughput, Mode.AverageTime})
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(value = 3, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class CaptureBenchmark {

  /** The clock the registry reads, as the server's is. */
  private static final Clock CLOCK = Clock.systemUTC();

  /** The registry and the one route every thread shares; declared once, as a capture does. */
  @State(Scope.Benchmark)
  public static class SharedRoute {
    RouteRegistry registry;
    RouteRecorder route;

    @Setup
    public void declare() {
      registry = new RouteRegistry(Classifier.defaults(), CLOCK, key -> true);
      route = registry.route(descriptor("/items/{id}"));
    }
  }

  /** A route of this thread's own in the shared registry, so threads share no counter. */
  @State(Scope.Thread)
  public static class OwnRoute {
    private static final AtomicInteger THREADS = new AtomicInteger();
    RouteRecorder route;

    @Setup
    public void declare(SharedRoute shared) {
      route = shared.registry.route(descriptor("/own/" + THREADS.incrementAndGet()));
    }
  }

  /** Where in the samples this thread is: each thread walks its own copy. */
  @State(Scope.Thread)
  public static class Requests {
    final LatencySamples samples = new LatencySamples(42);
    int next;
  }

  private static RouteDescriptor descriptor(String rule) {
    return new RouteDescriptor(new RouteKey("bench", rule), rule, "", "Bench");
  }

  private static void record(RouteRecorder route, Requests requests) {
    int i = requests.next++;
    route.record(requests.samples.status(i), requests.samples.latencyNanos(i));
  }

  /**
   * A yardstick, not a budget: reading the system clock, which {@code record} does once. On a
   * machine shared with other work every figure here is inflated by the time the thread waits for
   * a core; the ratio of {@code oneThread} to this says more than either alone.
   */
  @Benchmark
  @Threads(1)
  public long clockOnly() {
    return CLOCK.millis();
  }

  /** One thread recording into one route: the 150 ns budget. */
  @Benchmark
  @Threads(1)
  public void oneThread(SharedRoute shared, Requests requests) {
    record(shared.route, requests);
  }

  /** Two threads recording into the same route at once. */
  @Benchmark
  @Threads(2)
  public void twoThreadsSameRoute(SharedRoute shared, Requests requests) {
    record(shared.route, requests);
  }

  /** Two threads, each recording into a route of its own. */
  @Benchmark
  @Threads(2)
  public void twoThreadsOwnRoutes(OwnRoute own, Requests requests) {
    record(own.route, requests);
  }
}
