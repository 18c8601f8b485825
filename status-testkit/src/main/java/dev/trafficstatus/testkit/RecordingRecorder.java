package dev.trafficstatus.testkit;

import dev.trafficstatus.spi.RouteDescriptor;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.capture.Recorder;
import dev.trafficstatus.spi.capture.RouteRecorder;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;

/**
 * A fake of the core's {@link Recorder} for a capture plugin's own tests: it keeps in memory
 * everything the capture fed it, so a test checks exactly what the capture did, without a server.
 *
 * <ul>
 *   <li><b>Declarations</b>: every route declared ({@link #declared()}, first descriptor wins, as
 *       in the core) and how often each was declared ({@link #declarations()}).
 *   <li><b>Outcomes per rule</b>: requests the host classifies by status code
 *       ({@link RouteRecorder#record}, counted by rule and status in {@link #counts()}) and those
 *       the capture judged itself ({@link RouteRecorder#recordSuccess}/{@link
 *       RouteRecorder#recordFailure}), with the shortest and longest latency, in {@link
 *       #tally(String)}.
 *   <li><b>Unmatched requests</b> ({@link #unmatchedCount()}) and <b>capture failures</b>
 *       ({@link #failures()}).
 *   <li><b>Waiting</b>: every recorded outcome, unmatched request and capture failure is an
 *       event; {@link #awaitEvents} and {@link #await} wait, bounded, until enough have arrived,
 *       woken by each one instead of sleeping a fixed time.
 *   <li><b>Fragile rules</b>: the recorders of the rules given to {@link
 *       #RecordingRecorder(Set)} throw from every record method, as a broken pipeline would, so a
 *       test proves the capture reports the error through {@link #failed} and carries on.
 * </ul>
 *
 * <p>Routes are looked up by rule alone: a test records under one service. Safe to use from any
 * number of threads.
 *
 * <pre>{@code
 * RecordingRecorder recorder = new RecordingRecorder();
 * Capture capture = new MyCaptureFactory().build(new TestCaptureContext("shop", recorder));
 * capture.start();
 * assertThat(recorder.await(r -> r.tally("heartbeat:process").successes() >= 3,
 *     Duration.ofSeconds(20))).isTrue();
 * }</pre>
 */
public final class RecordingRecorder implements Recorder {

  /**
   * Requests of one rule that ended with one status code, as {@link RouteRecorder#record} got
   * them.
   *
   * @param rule the route's rule, such as {@code /items/{id}}
   * @param status the HTTP status recorded
   */
  public record Observation(String rule, int status) {

    /** Checks the rule is present. */
    public Observation {
      Objects.requireNonNull(rule, "rule");
    }
  }

  /**
   * What one rule recorded so far.
   *
   * @param successes {@link RouteRecorder#recordSuccess} calls
   * @param failures {@link RouteRecorder#recordFailure} calls
   * @param classified {@link RouteRecorder#record} calls, left to the host to classify by status
   * @param shortestNanos the shortest latency of any of them, 0 when none
   * @param longestNanos the longest latency of any of them, 0 when none
   */
  public record Tally(
      long successes, long failures, long classified, long shortestNanos, long longestNanos) {

    /** Nothing recorded. */
    public static final Tally NONE = new Tally(0, 0, 0, 0, 0);

    /**
     * The outcomes the capture judged itself.
     *
     * @return successes plus failures
     */
    public long verdicts() {
      return successes + failures;
    }

    /**
     * Every outcome, judged or classified.
     *
     * @return verdicts plus classified
     */
    public long recorded() {
      return verdicts() + classified;
    }
  }

  private final Set<String> fragileRules;
  private final Map<RouteKey, RouteDescriptor> declared = new ConcurrentHashMap<>();
  private final Map<RouteKey, AtomicInteger> declarations = new ConcurrentHashMap<>();
  private final Map<RouteKey, RouteRecorder> recorders = new ConcurrentHashMap<>();
  private final Map<String, Counters> byRule = new ConcurrentHashMap<>();
  private final Map<Observation, LongAdder> statusCounts = new ConcurrentHashMap<>();
  private final LongAdder unmatched = new LongAdder();
  private final List<Throwable> failures = new CopyOnWriteArrayList<>();
  private final Object progress = new Object();
  // Guarded by progress: waiters are woken whenever it grows.
  private long events;

  /** A recorder whose every route records normally. */
  public RecordingRecorder() {
    this(Set.of());
  }

  /**
   * A recorder some of whose routes are broken.
   *
   * @param fragileRules rules whose recorder throws an {@link IllegalStateException} from every
   *     record method, before counting anything
   */
  public RecordingRecorder(Set<String> fragileRules) {
    this.fragileRules = Set.copyOf(fragileRules);
  }

  @Override
  public RouteRecorder route(RouteDescriptor route) {
    Objects.requireNonNull(route, "route");
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
    failures.add(Objects.requireNonNull(error, "error"));
    progressed();
  }

  /**
   * The routes declared so far.
   *
   * @return the first descriptor of each route, by rule, sorted
   */
  public Map<String, RouteDescriptor> declared() {
    Map<String, RouteDescriptor> rules = new TreeMap<>();
    declared.forEach((key, route) -> rules.put(key.rule(), route));
    return rules;
  }

  /**
   * How often each route was declared: a capture should declare each once.
   *
   * @return the number of declarations, by rule, sorted
   */
  public Map<String, Integer> declarations() {
    Map<String, Integer> rules = new TreeMap<>();
    declarations.forEach((key, times) -> rules.put(key.rule(), times.get()));
    return rules;
  }

  /**
   * The requests recorded with a status code so far ({@link RouteRecorder#record} only).
   *
   * @return a copy: how many of each rule and status
   */
  public Map<Observation, Long> counts() {
    Map<Observation, Long> copy = new HashMap<>();
    statusCounts.forEach((observation, count) -> copy.put(observation, count.sum()));
    return copy;
  }

  /**
   * The requests recorded with a status code since an earlier {@link #counts()}.
   *
   * @param before what {@link #counts()} returned earlier
   * @return how many were added for each rule and status, leaving out those that did not change
   */
  public Map<Observation, Long> countsSince(Map<Observation, Long> before) {
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

  /**
   * What one rule recorded so far.
   *
   * @param rule such as {@code probe:Website}
   * @return its tally; {@link Tally#NONE} for a rule that recorded nothing
   */
  public Tally tally(String rule) {
    Counters counters = byRule.get(rule);
    return counters == null ? Tally.NONE : counters.tally();
  }

  /**
   * What every declared rule recorded so far, for assertions over all of them and for messages.
   *
   * @return the tally of each declared rule, by rule, sorted
   */
  public Map<String, Tally> tallies() {
    Map<String, Tally> rules = new TreeMap<>();
    byRule.forEach((rule, counters) -> rules.put(rule, counters.tally()));
    return rules;
  }

  /**
   * The requests that matched no route.
   *
   * @return {@link #unmatched()} calls so far
   */
  public long unmatchedCount() {
    return unmatched.sum();
  }

  /**
   * What the capture reported through {@link #failed}.
   *
   * @return the errors, in the order they came
   */
  public List<Throwable> failures() {
    return List.copyOf(failures);
  }

  /**
   * How many capture failures were reported.
   *
   * @return {@link #failed} calls so far
   */
  public long failureCount() {
    return failures.size();
  }

  /**
   * Everything reported so far: outcomes recorded, unmatched requests and capture failures.
   * Declarations and calls to fragile recorders that threw are not events.
   *
   * @return the number of events
   */
  public long events() {
    synchronized (progress) {
      return events;
    }
  }

  /**
   * Waits until a number of events have arrived in all. A host often reports a request after its
   * response went out, and scheduled captures record on their own time, so a client can see its
   * answer a moment before the count: this waits for that moment, bounded, and never stands in
   * for a check.
   *
   * @param expected the total of {@link #events()} to wait for
   * @param timeout how long to wait at most: a liveness bound, generous
   * @return whether they all arrived in time
   * @throws InterruptedException when interrupted while waiting
   */
  public boolean awaitEvents(long expected, Duration timeout) throws InterruptedException {
    return await(recorder -> recorder.events() >= expected, timeout);
  }

  /**
   * Waits until a condition on what was recorded holds, testing it again after every event.
   *
   * @param condition such as {@code r -> r.tally("probe:up").successes() >= 3}
   * @param timeout how long to wait at most: a liveness bound, generous
   * @return whether it held in time
   * @throws InterruptedException when interrupted while waiting
   */
  public boolean await(Predicate<RecordingRecorder> condition, Duration timeout)
      throws InterruptedException {
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
      events++;
      progress.notifyAll();
    }
  }

  private RouteRecorder recorderOf(RouteKey key) {
    String rule = key.rule();
    boolean fragile = fragileRules.contains(rule);
    Counters counters = byRule.computeIfAbsent(rule, r -> new Counters());
    return new RouteRecorder() {
      @Override
      public void record(int status, long latencyNanos) {
        breakIfFragile();
        statusCounts.computeIfAbsent(new Observation(rule, status), o -> new LongAdder()).increment();
        counters.classified.increment();
        counters.latency(latencyNanos);
        progressed();
      }

      @Override
      public void recordSuccess(long latencyNanos) {
        breakIfFragile();
        counters.successes.increment();
        counters.latency(latencyNanos);
        progressed();
      }

      @Override
      public void recordFailure(long latencyNanos) {
        breakIfFragile();
        counters.failures.increment();
        counters.latency(latencyNanos);
        progressed();
      }

      private void breakIfFragile() {
        if (fragile) {
          throw new IllegalStateException("a broken pipeline behind " + rule);
        }
      }
    };
  }

  /** The running totals of one rule. */
  private static final class Counters {
    final LongAdder successes = new LongAdder();
    final LongAdder failures = new LongAdder();
    final LongAdder classified = new LongAdder();
    final LongAccumulator shortest = new LongAccumulator(Math::min, Long.MAX_VALUE);
    final LongAccumulator longest = new LongAccumulator(Math::max, Long.MIN_VALUE);

    void latency(long nanos) {
      shortest.accumulate(nanos);
      longest.accumulate(nanos);
    }

    Tally tally() {
      long shortestNanos = shortest.get();
      long longestNanos = longest.get();
      return new Tally(
          successes.sum(),
          failures.sum(),
          classified.sum(),
          shortestNanos == Long.MAX_VALUE ? 0 : shortestNanos,
          longestNanos == Long.MIN_VALUE ? 0 : longestNanos);
    }
  }
}
