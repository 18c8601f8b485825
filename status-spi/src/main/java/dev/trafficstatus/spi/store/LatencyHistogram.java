package dev.trafficstatus.spi.store;

import dev.trafficstatus.spi.internal.LatencyBuckets;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Arrays;
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
public final class LatencyHistogram {

  private static final byte FORMAT_VERSION = 1;

  private static final LatencyHistogram EMPTY = new LatencyHistogram(new int[0], new long[0], 0);

  /** The non-empty buckets, ascending, and their counts. */
  private final int[] buckets;
  private final long[] counts;
  private final long count;

  private LatencyHistogram(int[] buckets, long[] counts, long count) {
    this.buckets = buckets;
    this.counts = counts;
    this.count = count;
  }

  /**
   * The histogram of no latencies.
   *
   * @return the empty histogram
   */
  public static LatencyHistogram empty() {
    return EMPTY;
  }

  /**
   * A histogram of the given latencies.
   *
   * @param latencies the latencies
   * @return the histogram
   */
  public static LatencyHistogram of(Duration... latencies) {
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
  public static Builder builder() {
    return new Builder();
  }

  /**
   * How many latencies it holds.
   *
   * @return the count
   */
  public long count() {
    return count;
  }

  /**
   * Merges another histogram into a new one.
   *
   * @param other the other histogram
   * @return a histogram holding both sets of latencies
   */
  public LatencyHistogram plus(LatencyHistogram other) {
    if (other.count == 0) {
      return this;
    }
    if (count == 0) {
      return other;
    }
    return builder().add(this).add(other).build();
  }

  /**
   * A percentile by nearest rank, within the bound of the class comment.
   *
   * @param percent the percentile, above 0 and at most 100, such as 99 for p99
   * @return the latency, or empty when the histogram is empty
   * @throws IllegalArgumentException when {@code percent} is outside (0, 100]
   */
  public Optional<Duration> percentile(double percent) {
    if (!(percent > 0 && percent <= 100)) {
      throw new IllegalArgumentException("percent must be in (0, 100], got " + percent);
    }
    if (count == 0) {
      return Optional.empty();
    }
    long rank = (long) Math.ceil(percent / 100.0 * count);
    rank = Math.max(1, Math.min(rank, count));
    long seen = 0;
    for (int i = 0; i < buckets.length; i++) {
      seen += counts[i];
      if (seen >= rank) {
        return Optional.of(Duration.ofNanos(LatencyBuckets.midpointNanos(buckets[i])));
      }
    }
    throw new IllegalStateException("rank " + rank + " beyond count " + count);
  }

  /**
   * How many latencies are at most a threshold, judged by bucket: a bucket counts whole, as at most
   * the threshold when its midpoint (the value percentiles report) is. Only latencies in the one
   * bucket holding the threshold can be judged wrong, and that bucket spans at most 1/8 of its lower
   * bound: the share it reports is off from the truth by at most the share of latencies within
   * 12.5 % of the threshold.
   *
   * @param threshold the threshold
   * @return the count, from 0 to {@link #count()}
   */
  public long countAtMost(Duration threshold) {
    Objects.requireNonNull(threshold, "threshold");
    long nanos;
    try {
      nanos = threshold.toNanos();
    } catch (ArithmeticException tooLong) {
      return count;
    }
    long within = 0;
    for (int i = 0; i < buckets.length && LatencyBuckets.midpointNanos(buckets[i]) <= nanos; i++) {
      within += counts[i];
    }
    return within;
  }

  /**
   * The histogram in a compact binary form that {@link #decode(byte[])} reads back; the form a
   * store keeps. (A format byte, the number of non-empty buckets, then per bucket the gap from the
   * previous one and the count, all unsigned LEB128 varints.)
   *
   * @return the bytes
   */
  public byte[] encode() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(2 + buckets.length * 3);
    out.write(FORMAT_VERSION);
    writeVarint(out, buckets.length);
    int previous = 0;
    for (int i = 0; i < buckets.length; i++) {
      writeVarint(out, buckets[i] - previous);
      writeVarint(out, counts[i]);
      previous = buckets[i];
    }
    return out.toByteArray();
  }

  /**
   * Reads what {@link #encode()} wrote.
   *
   * @param bytes the encoded histogram
   * @return the histogram
   * @throws IllegalArgumentException when the bytes are not an encoded histogram
   */
  public static LatencyHistogram decode(byte[] bytes) {
    int[] position = {0};
    int entries = header(bytes, position);
    // Straight into the sparse form: a store reading thousands of rows allocates no dense arrays.
    int[] buckets = new int[entries];
    long[] counts = new long[entries];
    readEntries(bytes, position, entries, (i, bucket, count) -> {
      buckets[i] = bucket;
      counts[i] = count;
    });
    if (entries == 0) {
      return EMPTY;
    }
    long total = 0;
    for (long count : counts) {
      total = Math.addExact(total, count);
    }
    return new LatencyHistogram(buckets, counts, total);
  }

  /** Adds up latencies and histograms, then builds one histogram. Not thread-safe. */
  public static final class Builder {

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
      for (int i = 0; i < histogram.buckets.length; i++) {
        int bucket = histogram.buckets[i];
        dense[bucket] = Math.addExact(dense[bucket], histogram.counts[i]);
      }
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
      int[] position = {0};
      readEntries(encoded, position, header(encoded, position),
          (i, bucket, count) -> dense[bucket] = Math.addExact(dense[bucket], count));
      return this;
    }

    /**
     * The histogram of everything added so far; the builder may go on.
     *
     * @return the histogram
     */
    public LatencyHistogram build() {
      int used = 0;
      for (long c : dense) {
        if (c != 0) {
          used++;
        }
      }
      if (used == 0) {
        return EMPTY;
      }
      int[] buckets = new int[used];
      long[] counts = new long[used];
      long total = 0;
      int j = 0;
      for (int i = 0; i < dense.length; i++) {
        if (dense[i] != 0) {
          buckets[j] = i;
          counts[j] = dense[i];
          total = Math.addExact(total, dense[i]);
          j++;
        }
      }
      return new LatencyHistogram(buckets, counts, total);
    }

    private static long micros(Duration latency) {
      try {
        return latency.toNanos() / 1_000;
      } catch (ArithmeticException tooLong) {
        return Long.MAX_VALUE;
      }
    }
  }

  /** Takes the entries of an encoded histogram, in ascending bucket order. */
  private interface EntrySink {
    void accept(int entry, int bucket, long count);
  }

  /**
   * Reads and checks the entries after the header (each a bucket gap and a non-zero count), then
   * that nothing follows them.
   */
  private static void readEntries(byte[] bytes, int[] position, int entries, EntrySink sink) {
    long index = 0;
    for (int i = 0; i < entries; i++) {
      long gap = readVarint(bytes, position);
      index += gap;
      long count = readVarint(bytes, position);
      if (index >= LatencyBuckets.COUNT || count == 0 || (i > 0 && gap == 0)) {
        throw new IllegalArgumentException("malformed encoded histogram");
      }
      sink.accept(i, (int) index, count);
    }
    if (position[0] != bytes.length) {
      throw new IllegalArgumentException("trailing bytes after encoded histogram");
    }
  }

  /** Reads the format byte and the number of entries. */
  private static int header(byte[] bytes, int[] position) {
    if (bytes.length == 0 || bytes[0] != FORMAT_VERSION) {
      throw new IllegalArgumentException("not an encoded latency histogram (format byte)");
    }
    position[0] = 1;
    long entries = readVarint(bytes, position);
    if (entries > LatencyBuckets.COUNT) {
      throw new IllegalArgumentException("encoded histogram claims " + entries + " buckets");
    }
    return (int) entries;
  }

  private static void writeVarint(ByteArrayOutputStream out, long value) {
    long v = value;
    while ((v & ~0x7FL) != 0) {
      out.write((int) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    out.write((int) v);
  }

  private static long readVarint(byte[] bytes, int[] position) {
    long result = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (position[0] >= bytes.length) {
        throw new IllegalArgumentException("truncated encoded histogram");
      }
      byte b = bytes[position[0]++];
      result |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        if (result < 0) {
          throw new IllegalArgumentException("varint out of range");
        }
        return result;
      }
    }
    throw new IllegalArgumentException("varint too long");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LatencyHistogram other
        && count == other.count
        && Arrays.equals(buckets, other.buckets)
        && Arrays.equals(counts, other.counts);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(buckets) + Arrays.hashCode(counts);
  }

  @Override
  public String toString() {
    return "LatencyHistogram[count=" + count + ", buckets=" + buckets.length + "]";
  }
}
