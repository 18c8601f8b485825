package dev.trafficstatus.bench;

import dev.trafficstatus.spi.store.LatencyHistogram;
import dev.trafficstatus.spi.store.Tally;
import java.time.Duration;
import java.util.SplittableRandom;

/**
 * Latencies and status codes shaped like real traffic, drawn once from a fixed random sequence so every run
 * records the same requests: latencies log-normal around a median of 2 ms (most between 0.5 and
 * 10 ms, a tail past 100 ms), one request in 1,000 a 500 and one in 1,000 a 404.
 */
public final class LatencySamples {

  /** A power of two, so a counter masks into it. */
  public static final int SIZE = 4096;

  private static final double MEDIAN_MICROS = 2_000;
  private static final double SIGMA = 1.0;

  private final long[] latencyNanos = new long[SIZE];
  private final int[] statuses = new int[SIZE];

  /**
   * @param start where the draw starts; different starts give different but equally shaped samples
   */
  public LatencySamples(long start) {
    SplittableRandom random = new SplittableRandom(start);
    for (int i = 0; i < SIZE; i++) {
      latencyNanos[i] = Math.round(micros(random) * 1_000);
      int roll = random.nextInt(1_000);
      statuses[i] = roll == 0 ? 500 : roll == 1 ? 404 : 200;
    }
  }

  private static double micros(SplittableRandom random) {
    // Box-Muller: one standard normal from two uniforms.
    double gaussian =
        Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    return MEDIAN_MICROS * Math.exp(SIGMA * gaussian);
  }

  /**
   * The i-th latency.
   *
   * @param i any index; taken modulo {@link #SIZE}
   * @return the latency in nanoseconds
   */
  public long latencyNanos(int i) {
    return latencyNanos[i & (SIZE - 1)];
  }

  /**
   * The i-th status code.
   *
   * @param i any index; taken modulo {@link #SIZE}
   * @return 200, 404 or 500
   */
  public int status(int i) {
    return statuses[i & (SIZE - 1)];
  }

  /**
   * A tally of {@code requests} requests drawn from these samples, as the counters would have
   * summed them: for filling a store without recording every request.
   *
   * @param requests how many requests
   * @param offset where in the samples to start, so routes and periods differ
   * @return the tally
   */
  public Tally tally(long requests, int offset) {
    LatencyHistogram.Builder latency = LatencyHistogram.builder();
    long success = 0;
    long failure = 0;
    long maxMicros = 0;
    // Whole passes over the samples are added at once; only the remainder is walked request by request.
    long passes = requests / SIZE;
    int rest = (int) (requests % SIZE);
    for (int i = 0; i < SIZE; i++) {
      long times = passes + (i < rest ? 1 : 0);
      if (times == 0) {
        continue;
      }
      int at = (i + offset) & (SIZE - 1);
      long micros = latencyNanos[at] / 1_000;
      latency.record(Duration.ofNanos(micros * 1_000), times);
      maxMicros = Math.max(maxMicros, micros);
      switch (statuses[at]) {
        case 200 -> success += times;
        default -> failure += times;
      }
    }
    return new Tally(
        requests, success, failure, 0, Duration.ofNanos(maxMicros * 1_000), latency.build());
  }
}
