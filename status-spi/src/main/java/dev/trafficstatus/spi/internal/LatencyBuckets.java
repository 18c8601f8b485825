package dev.trafficstatus.spi.internal;

/**
 * The bucket layout behind {@link dev.trafficstatus.spi.store.LatencyHistogram}: fixed log-linear
 * buckets of microseconds. Not part of the plugin contract: the core's hot path counts into these
 * buckets directly, plugins see only the histogram's percentiles, merging and encoding.
 *
 * <h2>Structure and error bound</h2>
 *
 * <p>Latencies below 8 µs get a bucket each (0 to 7 µs, exact). Above, every power of two {@code
 * [2^e, 2^(e+1))} is cut into 8 equal buckets, so a bucket is never wider than 1/8 of its lower
 * bound. A percentile is reported as its bucket's midpoint, which is within <b>6.25 %</b> of the
 * true value (1/16 of the lower bound). Latencies of {@code 2^33} µs (about 2.4 hours) and more
 * share the last bucket. That gives {@value #COUNT} buckets; merging adds counts bucket by bucket,
 * so merged percentiles keep the same bound however many minutes, days or instances are merged.
 */
public final class LatencyBuckets {

  /** Sub-buckets per power of two: 2^3 = 8, so a bucket spans at most 1/8 of its lower bound. */
  private static final int SUB_BITS = 3;

  private static final int SUB_COUNT = 1 << SUB_BITS;

  /** Values of 2^MAX_EXPONENT µs and above go to the last bucket. */
  private static final int MAX_EXPONENT = 33;

  /** How many buckets there are. */
  public static final int COUNT = SUB_COUNT + (MAX_EXPONENT - SUB_BITS) * SUB_COUNT;

  private LatencyBuckets() {}

  /**
   * The bucket a latency falls in.
   *
   * @param micros the latency in microseconds; negative counts as zero
   * @return the bucket index, from 0 to {@code COUNT - 1}
   */
  public static int indexOf(long micros) {
    if (micros < SUB_COUNT) {
      return micros <= 0 ? 0 : (int) micros;
    }
    int exponent = 63 - Long.numberOfLeadingZeros(micros);
    if (exponent >= MAX_EXPONENT) {
      return COUNT - 1;
    }
    int sub = (int) (micros >>> (exponent - SUB_BITS)) & (SUB_COUNT - 1);
    return SUB_COUNT + (exponent - SUB_BITS) * SUB_COUNT + sub;
  }

  /**
   * The smallest latency in a bucket.
   *
   * @param bucket the bucket index
   * @return its lower bound in microseconds, inclusive
   */
  public static long lowerBoundMicros(int bucket) {
    check(bucket);
    if (bucket < SUB_COUNT) {
      return bucket;
    }
    int exponent = (bucket - SUB_COUNT) / SUB_COUNT + SUB_BITS;
    int sub = (bucket - SUB_COUNT) % SUB_COUNT;
    return (long) (SUB_COUNT + sub) << (exponent - SUB_BITS);
  }

  /**
   * The width of a bucket.
   *
   * @param bucket the bucket index
   * @return how many microseconds it spans (1 for the exact buckets below 8 µs)
   */
  public static long widthMicros(int bucket) {
    check(bucket);
    if (bucket < SUB_COUNT) {
      return 1;
    }
    int exponent = (bucket - SUB_COUNT) / SUB_COUNT + SUB_BITS;
    return 1L << (exponent - SUB_BITS);
  }

  /**
   * The value a percentile falling in a bucket is reported as: its midpoint, or its exact value
   * for the buckets below 8 µs.
   *
   * @param bucket the bucket index
   * @return nanoseconds
   */
  public static long midpointNanos(int bucket) {
    long width = widthMicros(bucket);
    long low = lowerBoundMicros(bucket);
    return width == 1 ? low * 1_000 : low * 1_000 + width * 500;
  }

  private static void check(int bucket) {
    if (bucket < 0 || bucket >= COUNT) {
      throw new IllegalArgumentException("bucket " + bucket + " outside 0.." + (COUNT - 1));
    }
  }
}
