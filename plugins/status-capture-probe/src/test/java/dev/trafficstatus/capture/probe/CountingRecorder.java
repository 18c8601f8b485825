package dev.trafficstatus.capture.probe;

import dev.trafficstatus.spi.RouteDescriptor;
import dev.trafficstatus.spi.capture.Recorder;
import dev.trafficstatus.spi.capture.RouteRecorder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;

/**
 * A fake of the core's recorder: counts the probe capture's verdicts per rule and remembers every
 * declaration and every reported capture failure.
 */
final class CountingRecorder implements Recorder {

  /**
   * A route's verdicts so far.
   *
   * @param successes recordSuccess calls
   * @param failures recordFailure calls
   * @param classified record(status) calls, which a probe never makes: it judges for itself
   * @param longestNanos the longest latency recorded, 0 when none
   */
  record Tally(long successes, long failures, long classified, long longestNanos) {
    long verdicts() {
      return successes + failures;
    }
  }

  private final Set<String> fragileRules;
  private final Map<String, RouteDescriptor> declared = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> declarations = new ConcurrentHashMap<>();
  private final Map<String, Counters> counters = new ConcurrentHashMap<>();
  private final List<Throwable> failures = new CopyOnWriteArrayList<>();
  private final Object progress = new Object();

  CountingRecorder() {
    this(Set.of());
  }

  /**
   * @param fragileRules rules whose recorder throws, as a broken pipeline would
   */
  CountingRecorder(Set<String> fragileRules) {
    this.fragileRules = Set.copyOf(fragileRules);
  }

  private static final class Counters {
    final LongAdder successes = new LongAdder();
    final LongAdder failures = new LongAdder();
    final LongAdder classified = new LongAdder();
    final LongAccumulator longest = new LongAccumulator(Math::max, 0);
  }

  @Override
  public RouteRecorder route(RouteDescriptor route) {
    String rule = route.key().rule();
    declarations.computeIfAbsent(rule, r -> new AtomicInteger()).incrementAndGet();
    declared.putIfAbsent(rule, route);
    Counters routeCounters = counters.computeIfAbsent(rule, r -> new Counters());
    boolean fragile = fragileRules.contains(rule);
    return new RouteRecorder() {
      @Override
      public void record(int status, long latencyNanos) {
        routeCounters.classified.increment();
        progressed();
      }

      @Override
      public void recordSuccess(long latencyNanos) {
        breakIfFragile();
        routeCounters.successes.increment();
        routeCounters.longest.accumulate(latencyNanos);
        progressed();
      }

      @Override
      public void recordFailure(long latencyNanos) {
        breakIfFragile();
        routeCounters.failures.increment();
        routeCounters.longest.accumulate(latencyNanos);
        progressed();
      }

      private void breakIfFragile() {
        if (fragile) {
          throw new IllegalStateException("a broken pipeline behind " + rule);
        }
      }
    };
  }

  @Override
  public void unmatched() {
    throw new AssertionError("a probe always knows its route");
  }

  @Override
  public void failed(Throwable error) {
    failures.add(error);
    progressed();
  }

  /** The verdicts of a rule such as {@code probe:up}. */
  Tally tally(String rule) {
    Counters c = counters.get(rule);
    if (c == null) {
      return new Tally(0, 0, 0, 0);
    }
    return new Tally(c.successes.sum(), c.failures.sum(), c.classified.sum(), c.longest.get());
  }

  /** The routes declared, by rule. */
  Map<String, RouteDescriptor> declared() {
    return new TreeMap<>(declared);
  }

  /** How often each rule was declared. */
  Map<String, Integer> declarations() {
    Map<String, Integer> byRule = new TreeMap<>();
    declarations.forEach((rule, times) -> byRule.put(rule, times.get()));
    return byRule;
  }

  /** What the capture reported through {@link #failed}. */
  List<Throwable> failures() {
    return List.copyOf(failures);
  }

  /**
   * Waits until a condition on the counts holds. Probes answer on their own schedule, so a test
   * waits for the verdicts it needs, bounded, instead of sleeping a fixed time.
   *
   * @return whether it held in time
   */
  boolean await(Predicate<CountingRecorder> condition, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (progress) {
      while (!condition.test(this)) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        progress.wait(Math.max(1, left / 1_000_000));
      }
      return true;
    }
  }

  private void progressed() {
    synchronized (progress) {
      progress.notifyAll();
    }
  }
}
