package dev.trafficstatus.core.aggregate;

import dev.trafficstatus.core.classify.Classifier;
import dev.trafficstatus.spi.RouteDescriptor;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.capture.Recorder;
import dev.trafficstatus.spi.capture.RouteRecorder;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;

/**
 * The routes this process records, and the {@link Recorder} captures feed.
 *
 * <p>Declaring a route creates its counters once; the capture keeps the returned
 * {@link RouteRecorder} and calls only that per request. Routes the host does not capture (its own
 * page and API) get {@link #IGNORED}. Newly declared routes wait in a queue until the flusher has
 * made them known to the store.
 */
public final class RouteRegistry implements Recorder {

  /** The recorder of routes that are not captured: it does nothing. */
  public static final RouteRecorder IGNORED =
      new RouteRecorder() {
        @Override
        public void record(int status, long latencyNanos) {}

        @Override
        public void recordSuccess(long latencyNanos) {}

        @Override
        public void recordFailure(long latencyNanos) {}
      };

  private final Classifier classifier;
  private final Clock clock;
  private final System.Logger log;
  private final int stripes;
  private final Predicate<RouteKey> captured;
  private final ConcurrentHashMap<RouteKey, RouteCounters> routes = new ConcurrentHashMap<>();
  private final Queue<RouteDescriptor> undeclared = new ConcurrentLinkedQueue<>();
  private final Queue<MinuteCounter> orphans = new ConcurrentLinkedQueue<>();
  private final LongAdder unmatched = new LongAdder();
  private final LongAdder failures = new LongAdder();
  private final AtomicBoolean failureLogged = new AtomicBoolean();
  private volatile Runnable onDeclared = () -> {};

  /**
   * @param classifier how status codes count
   * @param clock the clock that decides which minute a request falls in
   * @param captured which routes are recorded; the others get {@link #IGNORED}
   */
  public RouteRegistry(Classifier classifier, Clock clock, Predicate<RouteKey> captured) {
    this(classifier, clock, captured, System.getLogger(RouteRegistry.class.getName()));
  }

  /**
   * @param classifier how status codes count
   * @param clock the clock that decides which minute a request falls in
   * @param captured which routes are recorded; the others get {@link #IGNORED}
   * @param log where the first capture failure is logged
   */
  public RouteRegistry(
      Classifier classifier, Clock clock, Predicate<RouteKey> captured, System.Logger log) {
    this(classifier, clock, captured, defaultStripes(), log);
  }

  RouteRegistry(Classifier classifier, Clock clock, Predicate<RouteKey> captured, int stripes) {
    this(classifier, clock, captured, stripes, System.getLogger(RouteRegistry.class.getName()));
  }

  private RouteRegistry(
      Classifier classifier,
      Clock clock,
      Predicate<RouteKey> captured,
      int stripes,
      System.Logger log) {
    this.log = Objects.requireNonNull(log, "log");
    this.classifier = Objects.requireNonNull(classifier, "classifier");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.captured = Objects.requireNonNull(captured, "captured");
    if (Integer.bitCount(stripes) != 1) {
      throw new IllegalArgumentException("stripes must be a power of two, got " + stripes);
    }
    this.stripes = stripes;
  }

  /** Two stripes per core (so neighbouring thread ids never share one), at most 16. */
  private static int defaultStripes() {
    int wanted = Math.min(16, 2 * Runtime.getRuntime().availableProcessors());
    return Integer.highestOneBit(wanted - 1) << 1;
  }

  @Override
  public RouteRecorder route(RouteDescriptor route) {
    Objects.requireNonNull(route, "route");
    if (!captured.test(route.key())) {
      return IGNORED;
    }
    RouteCounters existing = routes.get(route.key());
    if (existing != null) {
      return existing;
    }
    RouteCounters[] created = new RouteCounters[1];
    RouteCounters counters =
        routes.computeIfAbsent(
            route.key(),
            key ->
                created[0] =
                    new RouteCounters(route, classifier.forRule(key.rule()), clock, stripes, this));
    if (counters == created[0]) {
      undeclared.add(route);
      onDeclared.run();
    }
    return counters;
  }

  /**
   * Runs something each time a capture declares a new route, on the capture's thread: the flusher
   * makes routes known to the store soon after. Set once, while the pipeline is wired.
   *
   * @param listener what to run; cheap and never throwing
   */
  public void whenDeclared(Runnable listener) {
    this.onDeclared = Objects.requireNonNull(listener, "listener");
  }

  @Override
  public void unmatched() {
    unmatched.increment();
  }

  @Override
  public void failed(Throwable error) {
    failures.increment();
    if (failureLogged.compareAndSet(false, true)) {
      log.log(
          Level.ERROR,
          "Capturing a request failed; the request itself was served. Further capture failures are"
              + " only counted (metric: capture failures).",
          error);
    }
  }

  void orphaned(MinuteCounter counter) {
    orphans.add(counter);
  }

  /**
   * Requests that matched no route so far.
   *
   * @return the count since start
   */
  public long unmatchedCount() {
    return unmatched.sum();
  }

  /**
   * Capture failures so far (bugs in a capture, not failed requests).
   *
   * @return the count since start
   */
  public long failureCount() {
    return failures.sum();
  }

  /**
   * How many routes are recorded.
   *
   * @return the number of declared, captured routes
   */
  public int size() {
    return routes.size();
  }

  /**
   * Takes the routes declared since the last call, for the flusher to make known to the store.
   *
   * @return the new routes, in declaration order
   */
  public List<RouteDescriptor> takeUndeclared() {
    List<RouteDescriptor> taken = new ArrayList<>();
    for (RouteDescriptor d; (d = undeclared.poll()) != null; ) {
      taken.add(d);
    }
    return taken;
  }

  /**
   * Puts back routes the store did not accept, to be tried again.
   *
   * @param routes the routes
   */
  public void returnUndeclared(Collection<RouteDescriptor> routes) {
    undeclared.addAll(routes);
  }

  /** Detaches every counter of a minute before {@code openMinute}, displaced ones included. */
  void detachBefore(long openMinute, java.util.function.Consumer<MinuteCounter> into) {
    for (RouteCounters counters : routes.values()) {
      counters.detachBefore(openMinute, into);
    }
    for (MinuteCounter c; (c = orphans.poll()) != null; ) {
      into.accept(c);
    }
  }
}
