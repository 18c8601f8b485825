package dev.trafficstatus.core.aggregate;

import dev.trafficstatus.core.classify.Classifier;
import dev.trafficstatus.core.classify.Outcome;
import dev.trafficstatus.spi.RouteDescriptor;
import dev.trafficstatus.spi.capture.RouteRecorder;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The hot path: counts one route's requests into the counter of the current minute.
 *
 * <p>A small ring holds the counters of the last few minutes, indexed by minute. A writer finds the
 * current minute's counter with one volatile read; only the first request of a minute installs a
 * new counter, by compare-and-set. The harvester detaches counters of closed minutes from the ring.
 * Nothing here locks, blocks, does I/O or throws into the caller.
 */
final class RouteCounters implements RouteRecorder {

  /** Ring size, a power of two: minutes stay attached until the harvester takes them. */
  private static final int RING = 4;

  private static final long MILLIS_PER_MINUTE = 60_000;

  final RouteDescriptor descriptor;
  private final Classifier classifier;
  private final Clock clock;
  private final int stripeMask;
  private final RouteRegistry registry;
  private final AtomicReferenceArray<MinuteCounter> ring = new AtomicReferenceArray<>(RING);

  RouteCounters(
      RouteDescriptor descriptor,
      Classifier classifier,
      Clock clock,
      int stripes,
      RouteRegistry registry) {
    this.descriptor = descriptor;
    this.classifier = classifier;
    this.clock = clock;
    this.stripeMask = stripes - 1;
    this.registry = registry;
  }

  @Override
  public void record(int status, long latencyNanos) {
    try {
      Outcome outcome = classifier.classify(status);
      add(outcome == Outcome.SUCCESS ? 0 : outcome == Outcome.FAILURE ? 1 : 2, latencyNanos);
    } catch (RuntimeException bug) {
      // The capture path must never fail a host request; the failure is counted and logged once.
      registry.failed(bug);
    }
  }

  @Override
  public void recordSuccess(long latencyNanos) {
    addJudged(0, latencyNanos);
  }

  @Override
  public void recordFailure(long latencyNanos) {
    addJudged(1, latencyNanos);
  }

  private void addJudged(int outcome, long latencyNanos) {
    try {
      add(outcome, latencyNanos);
    } catch (RuntimeException bug) {
      // As above: counted and logged once, never thrown into the caller.
      registry.failed(bug);
    }
  }

  private void add(int outcome, long latencyNanos) {
    long minute = Math.floorDiv(clock.millis(), MILLIS_PER_MINUTE);
    int slot = (int) minute & (RING - 1);
    MinuteCounter counter = ring.get(slot);
    if (counter == null || counter.minute != minute) {
      counter = claim(slot, minute);
    }
    int stripe = (int) Thread.currentThread().getId() & stripeMask;
    counter.add(stripe, outcome, latencyNanos <= 0 ? 0 : latencyNanos / 1_000);
    if (counter.retired) {
      // A straggler: the harvester already let go of this minute. Hand the counter back so the
      // minute is written again with its cumulative tally (rare: a thread paused for minutes).
      registry.orphaned(counter);
    }
  }

  /** Installs the counter of a new minute; a displaced counter not yet harvested is handed over. */
  private MinuteCounter claim(int slot, long minute) {
    while (true) {
      MinuteCounter current = ring.get(slot);
      if (current != null && current.minute == minute) {
        return current;
      }
      MinuteCounter fresh = new MinuteCounter(this, minute, stripeMask + 1);
      if (ring.compareAndSet(slot, current, fresh)) {
        if (current != null) {
          registry.orphaned(current);
        }
        return fresh;
      }
    }
  }

  /**
   * Detaches the counters of minutes before {@code openMinute}.
   *
   * @param openMinute the first minute still open (epoch minutes); use {@code Long.MAX_VALUE} to
   *     detach every counter, on shutdown
   * @param into where detached counters go
   */
  void detachBefore(long openMinute, java.util.function.Consumer<MinuteCounter> into) {
    for (int slot = 0; slot < RING; slot++) {
      MinuteCounter current = ring.get(slot);
      if (current != null && current.minute < openMinute && ring.compareAndSet(slot, current, null)) {
        into.accept(current);
      }
    }
  }
}
