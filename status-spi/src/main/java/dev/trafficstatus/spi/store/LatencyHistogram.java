package dev.trafficstatus.spi.store;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * An immutable, mergeable histogram of latencies in fixed log-linear buckets of microseconds.
 *
 * <h2>Structure and error bound</h2>
 *
 * <p>Latencies below 8 µs get a bucket each (0 to 7 µs, exact). Above, every power of two
 * {@code [2^e, 2^(e+1))} is cut into 8 equal buckets, so a bucket is never wider than 1/8 of its
 * lower bound. A percentile is reported as its bucket's midpoint, which is within
 * <b>6.25 %</b> of the true value (1/16 of the lower bound). Latencies of {@code 2^33} µs (about
 * 2.4 hours) and more share the last bucket. That gives {@value #BUCKETS} buckets; merging two
 * histograms adds their counts bucket by bucket, so merged percentiles keep the same bound, however
 * many minutes, days or instances are merged.
 *
 * <p>Only non-empty buckets are kept, as parallel sorted arrays, and {@link #encode()} writes them
 * as varints: a minute of one route typically takes a few dozen bytes.
 */
public final class LatencyHistogram {

  /** Sub-buckets per power of two: 2^3 = 8, so a bucket spans at most 1/8 of its lower bound. */
  private static final int SUB_BITS = 3;

  private static final int SUB_COUNT = 1 << SUB_BITS;

  /** Values of 2^MAX_EXPONENT µs and above go to the last bucket. */
  private static final int MAX_EXPONENT = 33;

  /** How many buckets there are. */
  public static final int BUCKETS = SUB_COUNT + (MAX_EXPONENT - SUB_BITS) * SUB_COUNT;

  private static final byte FORMAT_VERSION = 1;

  private static final LatencyHistogram EMPTY = new LatencyHistogram(new int[0], new long[0], 0);

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
   * The bucket a latency falls in.
   *
   * @param micros the latency in microseconds; negative counts as zero
   * @return the bucket index, from 0 to {@code BUCKETS - 1}
   */
  public static int bucketOf(long micros) {
    if (micros < SUB_COUNT) {
      return micros <= 0 ? 0 : (int) micros;
    }
    int exponent = 63 - Long.numberOfLeadingZeros(micros);
    if (exponent >= MAX_EXPONENT) {
      return BUCKETS - 1;
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
    checkBucket(bucket);
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
    checkBucket(bucket);
    if (bucket < SUB_COUNT) {
      return 1;
    }
    int exponent = (bucket - SUB_COUNT) / SUB_COUNT + SUB_BITS;
    return 1L << (exponent - SUB_BITS);
  }

  private static void checkBucket(int bucket) {
    if (bucket < 0 || bucket >= BUCKETS) {
      throw new IllegalArgumentException("bucket " + bucket + " outside 0.." + (BUCKETS - 1));
    }
  }

  /**
   * Builds a histogram from counts per bucket.
   *
   * @param dense one count per bucket, {@link #BUCKETS} long; not kept
   * @return the histogram
   */
  public static LatencyHistogram fromCounts(long[] dense) {
    if (dense.length != BUCKETS) {
      throw new IllegalArgumentException("expected " + BUCKETS + " counts, got " + dense.length);
    }
    int used = 0;
    for (long c : dense) {
      if (c < 0) {
        throw new IllegalArgumentException("counts must not be negative");
      }
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

  /**
   * A histogram of the given latencies, for tests and fakes.
   *
   * @param latencies the latencies
   * @return the histogram
   */
  public static LatencyHistogram of(Duration... latencies) {
    long[] dense = new long[BUCKETS];
    for (Duration latency : latencies) {
      dense[bucketOf(toMicros(latency))]++;
    }
    return fromCounts(dense);
  }

  private static long toMicros(Duration latency) {
    try {
      return latency.toNanos() / 1_000;
    } catch (ArithmeticException tooLong) {
      return Long.MAX_VALUE;
    }
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
   * How many latencies fell in one bucket.
   *
   * @param bucket the bucket index
   * @return the count in that bucket
   */
  public long countAt(int bucket) {
    checkBucket(bucket);
    int at = Arrays.binarySearch(buckets, bucket);
    return at >= 0 ? counts[at] : 0;
  }

  /**
   * Adds this histogram's counts into a dense array, for merging many histograms at once.
   *
   * @param dense one count per bucket, {@link #BUCKETS} long, added to in place
   */
  public void addTo(long[] dense) {
    if (dense.length != BUCKETS) {
      throw new IllegalArgumentException("expected " + BUCKETS + " counts, got " + dense.length);
    }
    for (int i = 0; i < buckets.length; i++) {
      dense[buckets[i]] += counts[i];
    }
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
    long[] dense = new long[BUCKETS];
    addTo(dense);
    other.addTo(dense);
    return fromCounts(dense);
  }

  /**
   * A percentile by nearest rank, reported as its bucket's midpoint (see the class comment for the
   * error bound).
   *
   * @param percent the percentile, above 0 and at most 100, such as 99 for p99
   * @return the latency, or empty when the histogram is empty
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
        return Optional.of(Duration.ofNanos(midpointNanos(buckets[i])));
      }
    }
    throw new IllegalStateException("rank " + rank + " beyond count " + count);
  }

  private static long midpointNanos(int bucket) {
    long width = widthMicros(bucket);
    long low = lowerBoundMicros(bucket);
    return width == 1 ? low * 1_000 : low * 1_000 + width * 500;
  }

  /**
   * Writes the histogram in a compact binary form that {@link #decode(byte[])} reads back: a
   * format byte, the number of non-empty buckets, then per bucket the gap from the previous index
   * and the count, all as unsigned LEB128 varints.
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
      if (index >= BUCKETS || count == 0 || (i > 0 && gap == 0)) {
        throw new IllegalArgumentException("malformed encoded histogram");
      }
      sink.accept(i, (int) index, count);
    }
    requireEnd(bytes, position);
  }

  /** Reads the format byte and the number of entries. */
  private static int header(byte[] bytes, int[] position) {
    if (bytes.length == 0 || bytes[0] != FORMAT_VERSION) {
      throw new IllegalArgumentException("not an encoded latency histogram (format byte)");
    }
    position[0] = 1;
    long entries = readVarint(bytes, position);
    if (entries > BUCKETS) {
      throw new IllegalArgumentException("encoded histogram claims " + entries + " buckets");
    }
    return (int) entries;
  }

  private static void requireEnd(byte[] bytes, int[] position) {
    if (position[0] != bytes.length) {
      throw new IllegalArgumentException("trailing bytes after encoded histogram");
    }
  }

  /**
   * Adds an encoded histogram's counts into a dense array without building the histogram: for
   * stores that merge many encoded rows (a day of minutes) into one.
   *
   * @param bytes what {@link #encode()} wrote
   * @param dense one count per bucket, {@link #BUCKETS} long, added to in place; when the bytes are
   *     malformed it may hold part of their counts
   * @throws IllegalArgumentException when the bytes are not an encoded histogram
   */
  public static void addEncodedTo(byte[] bytes, long[] dense) {
    if (dense.length != BUCKETS) {
      throw new IllegalArgumentException("expected " + BUCKETS + " counts, got " + dense.length);
    }
    int[] position = {0};
    readEntries(bytes, position, header(bytes, position),
        (i, bucket, count) -> dense[bucket] = Math.addExact(dense[bucket], count));
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
