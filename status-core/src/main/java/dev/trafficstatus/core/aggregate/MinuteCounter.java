package dev.trafficstatus.core.aggregate;

import dev.trafficstatus.spi.internal.LatencyBuckets;
import dev.trafficstatus.spi.store.LatencyHistogram;
import dev.trafficstatus.spi.store.Tally;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;

/**
 * The requests of one route in one minute of one process, counted without locks.
 *
 * <p>Counts are striped by thread so threads recording the same route rarely touch the same cache
 * line: each stripe is a {@code long[]} holding successes, failures, the maximum latency and one
 * count per latency bucket, updated with atomic adds. Stripes are allocated on first use.
 *
 * <p>A writer adds to the latency histogram <em>before</em> the success or failure count, and
 * {@link #snapshot()} reads success and failure counts <em>before</em> the histogram; so a snapshot
 * taken while writers are busy never counts more successes and failures than requests, and the
 * requests it sees but not yet as success or failure are momentarily "ignored". The harvester
 * re-reads a counter after its minute closed, so the stored figures end exact.
 */
final class MinuteCounter {

  private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);
  private static final VarHandle STRIPES = MethodHandles.arrayElementVarHandle(long[][].class);

  /** Leading padding, so one stripe's counts never share a cache line with another's header. */
  private static final int PAD = 8;

  private static final int SUCCESS = PAD;
  private static final int FAILURE = PAD + 1;
  private static final int MAX_MICROS = PAD + 2;
  private static final int HISTOGRAM = PAD + 3;
  private static final int LENGTH = HISTOGRAM + LatencyBuckets.COUNT;

  final RouteCounters route;
  final long minute;
  private final long[][] stripes;

  /**
   * Set by the harvester when it stops re-reading this counter. A writer that finds it set after
   * adding hands the counter back (see {@link RouteCounters}), so even a very late straggler is
   * stored.
   */
  volatile boolean retired;

  MinuteCounter(RouteCounters route, long minute, int stripeCount) {
    this.route = route;
    this.minute = minute;
    this.stripes = new long[stripeCount][];
  }

  /**
   * Adds one request.
   *
   * @param stripe the caller's stripe index, below the stripe count
   * @param outcome 0 success, 1 failure, anything else ignored
   * @param micros the latency in microseconds, not negative
   */
  void add(int stripe, int outcome, long micros) {
    long[] counts = stripe(stripe);
    LONGS.getAndAdd(counts, HISTOGRAM + LatencyBuckets.indexOf(micros), 1L);
    if (outcome == 0) {
      LONGS.getAndAdd(counts, SUCCESS, 1L);
    } else if (outcome == 1) {
      LONGS.getAndAdd(counts, FAILURE, 1L);
    }
    long max = (long) LONGS.getOpaque(counts, MAX_MICROS);
    while (micros > max) {
      long witness = (long) LONGS.compareAndExchange(counts, MAX_MICROS, max, micros);
      if (witness == max) {
        break;
      }
      max = witness;
    }
  }

  private long[] stripe(int index) {
    long[] counts = (long[]) STRIPES.getAcquire(stripes, index);
    if (counts != null) {
      return counts;
    }
    long[] fresh = new long[LENGTH];
    long[] witness = (long[]) STRIPES.compareAndExchangeRelease(stripes, index, null, fresh);
    return witness == null ? fresh : witness;
  }

  /**
   * Reads the counts so far.
   *
   * @return the tally; consistent in itself even while writers are busy (see the class comment)
   */
  Tally snapshot() {
    long success = 0;
    long failure = 0;
    long maxMicros = 0;
    long[][] seen = new long[stripes.length][];
    for (int s = 0; s < stripes.length; s++) {
      long[] counts = (long[]) STRIPES.getAcquire(stripes, s);
      seen[s] = counts;
      if (counts != null) {
        success += (long) LONGS.getVolatile(counts, SUCCESS);
        failure += (long) LONGS.getVolatile(counts, FAILURE);
      }
    }
    long[] dense = new long[LatencyBuckets.COUNT];
    for (long[] counts : seen) {
      if (counts != null) {
        for (int b = 0; b < LatencyBuckets.COUNT; b++) {
          dense[b] += (long) LONGS.getVolatile(counts, HISTOGRAM + b);
        }
        maxMicros = Math.max(maxMicros, (long) LONGS.getVolatile(counts, MAX_MICROS));
      }
    }
    LatencyHistogram.Builder latencies = LatencyHistogram.builder();
    for (int b = 0; b < LatencyBuckets.COUNT; b++) {
      if (dense[b] != 0) {
        // A bucket's lower bound falls in that bucket: the histogram gets exactly these counts.
        latencies.record(Duration.ofNanos(LatencyBuckets.lowerBoundMicros(b) * 1_000), dense[b]);
      }
    }
    LatencyHistogram histogram = latencies.build();
    long total = histogram.count();
    return new Tally(
        total, success, failure, total - success - failure, Duration.ofNanos(maxMicros * 1_000), histogram);
  }
}
