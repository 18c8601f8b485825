package dev.trafficstatus.spi.store;

import dev.trafficstatus.spi.internal.BucketHistogram;
import dev.trafficstatus.spi.internal.LatencyBuckets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable, mergeable histogram of request latencies.
 *
 * <p>Percentiles are within <b>6.25 %</b> of the true value (latencies below 8 µs are exact), and
 * merging keeps that bound however many minutes, days or instances are merged: histograms add up
 * count by count. What a store keeps is {@link #encode()}'s bytes, a few dozen per route and
 * minute; {@link #decode(byte[])} reads them back.
 *
 * <p>The bucket layout behind it is not part of the contract. Histograms are made by the core (from
 * its counters), by {@link #decode}, by merging, and by a {@link Builder} in stores and tests.
 */
public interface LatencyHistogram {

  /**
   * How many latencies it holds.
   *
   * @return the count
   */
  long count();

  /**
   * A percentile by nearest rank, within the bound of the class comment.
   *
   * @param percent the percentile, above 0 and at most 100, such as 99 for p99
   * @return the latency, or empty when the histogram is empty
   * @throws IllegalArgumentException when {@code percent} is outside (0, 100]
   */
  Optional<Duration> percentile(double percent);

  /**
   * Merges another histogram into a new one.
   *
   * @param other the other histogram
   * @return a histogram holding both sets of latencies
   */
  LatencyHistogram plus(LatencyHistogram other);

  /**
   * The histogram in a compact binary form that {@link #decode(byte[])} reads back; the form a
   * store keeps.
   *
   * @return the bytes
   */
  byte[] encode();

  /**
   * The histogram of no latencies.
   *
   * @return the empty histogram
   */
  static LatencyHistogram empty() {
    return BucketHistogram.EMPTY;
  }

  /**
   * Reads what {@link #encode()} wrote.
   *
   * @param bytes the encoded histogram
   * @return the histogram
   * @throws IllegalArgumentException when the bytes are not an encoded histogram
   */
  static LatencyHistogram decode(byte[] bytes) {
    return BucketHistogram.decode(bytes);
  }

  /**
   * A histogram of the given latencies.
   *
   * @param latencies the latencies
   * @return the histogram
   */
  static LatencyHistogram of(Duration... latencies) {
    Builder builder = builder();
    for (Duration latency : latencies) {
      builder.record(latency, 1);
    }
    return builder.build();
  }

  /**
   * A builder that merges many histograms, encoded ones or recorded latencies at once, cheaper than
   * chained {@link #plus} calls.
   *
   * @return an empty builder
   */
  static Builder builder() {
    return new Builder();
  }

  /** Adds latencies and histograms up, then builds one histogram. Not thread-safe. */
  final class Builder {

    private final long[] dense = new long[LatencyBuckets.COUNT];

    private Builder() {}

    /**
     * Records a latency a number of times.
     *
     * @param latency the latency; negative counts as zero
     * @param times how many requests took it, not negative
     * @return this builder
     */
    public Builder record(Duration latency, long times) {
      Objects.requireNonNull(latency, "latency");
      if (times < 0) {
        throw new IllegalArgumentException("times must not be negative, got " + times);
      }
      int bucket = LatencyBuckets.indexOf(micros(latency));
      dense[bucket] = Math.addExact(dense[bucket], times);
      return this;
    }

    /**
     * Adds a histogram.
     *
     * @param histogram the histogram
     * @return this builder
     */
    public Builder add(LatencyHistogram histogram) {
      BucketHistogram.of(histogram).addTo(dense);
      return this;
    }

    /**
     * Adds an encoded histogram without decoding it into an object first.
     *
     * @param encoded what {@link LatencyHistogram#encode()} wrote
     * @return this builder
     * @throws IllegalArgumentException when the bytes are not an encoded histogram; the builder
     *     may then hold part of their counts
     */
    public Builder addEncoded(byte[] encoded) {
      BucketHistogram.addEncodedTo(encoded, dense);
      return this;
    }

    /**
     * The histogram of everything added so far; the builder may go on.
     *
     * @return the histogram
     */
    public LatencyHistogram build() {
      return BucketHistogram.fromCounts(dense);
    }

    private static long micros(Duration latency) {
      try {
        return latency.toNanos() / 1_000;
      } catch (ArithmeticException tooLong) {
        return Long.MAX_VALUE;
      }
    }
  }
}
