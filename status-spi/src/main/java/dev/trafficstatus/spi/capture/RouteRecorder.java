package dev.trafficstatus.spi.capture;

/**
 * Records the requests of one route: the hot path. Implemented by the core; safe from any number
 * of threads at once; never blocks, never does I/O, never throws.
 *
 * <p>Latency is a {@code long} of nanoseconds here rather than a {@link java.time.Duration} so the
 * hot path allocates nothing.
 */
public interface RouteRecorder {

  /**
   * Records one request that got an HTTP answer, counted in the minute the call happens.
   *
   * @param status the final HTTP status code sent, such as 200, or 500 for an unmapped exception
   * @param latencyNanos how long the request took, in nanoseconds; negative values count as zero
   */
  void record(int status, long latencyNanos);

  /**
   * Records one request the capture itself judged a success, whatever its status code, such as a
   * probe that got one of its expected codes.
   *
   * @param latencyNanos how long the request took, in nanoseconds
   */
  void recordSuccess(long latencyNanos);

  /**
   * Records one request the capture itself judged a failure: no HTTP answer at all (connection
   * refused, timeout) or an answer the capture did not expect.
   *
   * @param latencyNanos how long the attempt took, in nanoseconds
   */
  void recordFailure(long latencyNanos);
}
