package dev.trafficstatus.spi.internal;

import dev.trafficstatus.spi.store.LatencyHistogram;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * The one implementation of {@link LatencyHistogram}: counts per {@link LatencyBuckets bucket},
 * immutable. Not part of the plugin contract (plugins use the interface); the core builds these
 * from its counters' dense arrays.
 *
 * <p>Only non-empty buckets are kept, as parallel sorted arrays, and {@link #encode()} writes them
 * as varints: a minute of one route typically takes a few dozen bytes. The format: a version byte,
 * the number of non-empty buckets, then per bucket the gap from the previous index and the count,
 * all unsigned LEB128 varints.
 */
public final class BucketHistogram implements LatencyHistogram {

  private static final byte FORMAT_VERSION = 1;

  /** The histogram of no latencies. */
  public static final BucketHistogram EMPTY = new BucketHistogram(new int[0], new long[0], 0);

  private final int[] buckets;
  private final long[] counts;
  private final long count;

  private BucketHistogram(int[] buckets, long[] counts, long count) {
    this.buckets = buckets;
    this.counts = counts;
    this.count = count;
  }

  /**
   * A histogram from counts per bucket.
   *
   * @param dense one count per bucket, {@link LatencyBuckets#COUNT} long; not kept
   * @return the histogram
   * @throws IllegalArgumentException when the array has the wrong length or a negative count
   */
  public static BucketHistogram fromCounts(long[] dense) {
    requireDense(dense);
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
    return new BucketHistogram(buckets, counts, total);
  }

  /**
   * The histogram of any implementation, as this one.
   *
   * @param histogram a histogram
   * @return it, when it is one already
   */
  public static BucketHistogram of(LatencyHistogram histogram) {
    if (histogram instanceof BucketHistogram ours) {
      return ours;
    }
    return decode(histogram.encode());
  }

  @Override
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
    int at = Arrays.binarySearch(buckets, bucket);
    return at >= 0 ? counts[at] : 0;
  }

  /**
   * Adds this histogram's counts into a dense array, for merging many histograms at once.
   *
   * @param dense one count per bucket, {@link LatencyBuckets#COUNT} long, added to in place
   */
  public void addTo(long[] dense) {
    requireDense(dense);
    for (int i = 0; i < buckets.length; i++) {
      dense[buckets[i]] = Math.addExact(dense[buckets[i]], counts[i]);
    }
  }

  @Override
  public LatencyHistogram plus(LatencyHistogram other) {
    if (other.count() == 0) {
      return this;
    }
    if (count == 0) {
      return other;
    }
    long[] dense = new long[LatencyBuckets.COUNT];
    addTo(dense);
    of(other).addTo(dense);
    return fromCounts(dense);
  }

  @Override
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

  @Override
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
  public static BucketHistogram decode(byte[] bytes) {
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
    return new BucketHistogram(buckets, counts, total);
  }

  /**
   * Adds an encoded histogram's counts into a dense array without building the histogram: for
   * merging many encoded rows (a day of minutes) into one.
   *
   * @param bytes what {@link #encode()} wrote
   * @param dense one count per bucket, added to in place; when the bytes are malformed it may hold
   *     part of their counts
   * @throws IllegalArgumentException when the bytes are not an encoded histogram
   */
  public static void addEncodedTo(byte[] bytes, long[] dense) {
    requireDense(dense);
    int[] position = {0};
    readEntries(bytes, position, header(bytes, position),
        (i, bucket, count) -> dense[bucket] = Math.addExact(dense[bucket], count));
  }

  private static void requireDense(long[] dense) {
    if (dense.length != LatencyBuckets.COUNT) {
      throw new IllegalArgumentException(
          "expected " + LatencyBuckets.COUNT + " counts, got " + dense.length);
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
    return o instanceof BucketHistogram other
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
