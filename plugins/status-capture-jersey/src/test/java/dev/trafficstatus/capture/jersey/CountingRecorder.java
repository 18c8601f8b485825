package dev.trafficstatus.capture.jersey;

import dev.trafficstatus.spi.RouteDescriptor;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.capture.Recorder;
import dev.trafficstatus.spi.capture.RouteRecorder;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * A fake of the core's recorder: counts observations per (rule, status) in memory and remembers
 * every declaration, so tests can check exactly what the capture fed it.
 */
final class CountingRecorder implements Recorder {

  /** One count: a route template and the status recorded under it. */
  record Observation(String rule, int status) {}

  private final Set<String> fragileRules;
  private final Map<RouteKey, RouteDescriptor> declared = new ConcurrentHashMap<>();
  private final Map<RouteKey, AtomicInteger> declarations = new ConcurrentHashMap<>();
  private final Map<RouteKey, RouteRecorder> recorders = new ConcurrentHashMap<>();
  private final Map<Observation, LongAdder> counts = new ConcurrentHashMap<>();
  private final Map<String, LongAccumulator> fastest = new ConcurrentHashMap<>();
  private final LongAdder unmatched = new LongAdder();
  private final LongAdder failures = new LongAdder();
  private final Object progress = new Object();
  private long events;

  /**
   * @param fragileRules rules whose recorder throws, as a buggy pipeline would
   */
  CountingRecorder(Set<String> fragileRules) {
    this.fragileRules = Set.copyOf(fragileRules);
  }

  @Override
  public RouteRecorder route(RouteDescriptor route) {
    declarations.computeIfAbsent(route.key(), k -> new AtomicInteger()).incrementAndGet();
    declared.putIfAbsent(route.key(), route);
    return recorders.computeIfAbsent(route.key(), this::recorderOf);
  }

  @Override
  public void unmatched() {
    unmatched.increment();
    progressed();
  }

  @Override
  public void failed(Throwable error) {
    failures.increment();
    progressed();
  }

  /** The routes declared so far, by rule. */
  Map<String, RouteDescriptor> declared() {
    Map<String, RouteDescriptor> byRule = new TreeMap<>();
    declared.forEach((key, route) -> byRule.put(key.rule(), route));
    return byRule;
  }

  /** How many times each route was declared, by rule. */
  Map<String, Integer> declarations() {
    Map<String, Integer> byRule = new TreeMap<>();
    declarations.forEach((key, times) -> byRule.put(key.rule(), times.get()));
    return byRule;
  }

  /** The counts so far. */
  Map<Observation, Long> counts() {
    Map<Observation, Long> copy = new HashMap<>();
    counts.forEach((observation, count) -> copy.put(observation, count.sum()));
    return copy;
  }

  /** The counts recorded since an earlier {@link #counts()}, without the unchanged ones. */
  Map<Observation, Long> countsSince(Map<Observation, Long> before) {
    Map<Observation, Long> delta = new HashMap<>();
    counts()
        .forEach(
            (observation, count) -> {
              long added = count - before.getOrDefault(observation, 0L);
              if (added != 0) {
                delta.put(observation, added);
              }
            });
    return delta;
  }

  long unmatchedCount() {
    return unmatched.sum();
  }

  long failureCount() {
    return failures.sum();
  }

  /** The shortest latency recorded for a rule, in nanoseconds. */
  long fastestNanos(String rule) {
    return fastest.get(rule).get();
  }

  /** Everything reported so far: requests recorded, unmatched, or failed to capture. */
  long events() {
    synchronized (progress) {
      return events;
    }
  }

  /**
   * Waits until the capture has reported a number of events. Jersey reports a request finished
   * after the response went out, so a client can see its answer a moment before the count; this
   * waits for that moment, bounded, and never stands in for a check.
   *
   * @return whether they all arrived in time
   */
  boolean awaitEvents(long expected, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (progress) {
      while (events < expected) {
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
      events++;
      progress.notifyAll();
    }
  }

  private RouteRecorder recorderOf(RouteKey key) {
    boolean fragile = fragileRules.contains(key.rule());
    return new RouteRecorder() {
      @Override
      public void record(int status, long latencyNanos) {
        if (fragile) {
          throw new IllegalStateException("a broken pipeline behind " + key.rule());
        }
        counts
            .computeIfAbsent(new Observation(key.rule(), status), o -> new LongAdder())
            .increment();
        fastest
            .computeIfAbsent(key.rule(), r -> new LongAccumulator(Math::min, Long.MAX_VALUE))
            .accumulate(latencyNanos);
        progressed();
      }

      @Override
      public void recordSuccess(long latencyNanos) {
        throw new AssertionError("a Jersey capture always has a response");
      }

      @Override
      public void recordFailure(long latencyNanos) {
        throw new AssertionError("a Jersey capture always has a response");
      }
    };
  }
}
