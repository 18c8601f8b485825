package dev.trafficstatus.store.jdbi.internal;

import dev.trafficstatus.spi.store.LatencyHistogram;
import dev.trafficstatus.spi.store.Tally;

/**
 * Adds up rows of one route and period. Not thread-safe: one query fills it, then it is read.
 *
 * <p>A sum of one row (a day rollup, the usual case when reading days) keeps that row's encoded
 * histogram and decodes it once at the end; only a second row starts a histogram builder that every
 * row's encoded histogram is then added into directly ({@link LatencyHistogram.Builder#addEncoded}),
 * without building a histogram per row.
 */
public final class TallySum {

  private long total;
  private long success;
  private long failure;
  private long ignored;
  private long maxLatencyMicros;
  private byte[] onlyHistogram;
  private LatencyHistogram.Builder merged;

  /**
   * Adds one row.
   *
   * @param row figures of the same route and period
   */
  public void add(TallyRow row) {
    total = Math.addExact(total, row.total());
    success = Math.addExact(success, row.success());
    failure = Math.addExact(failure, row.failure());
    ignored = Math.addExact(ignored, row.ignored());
    maxLatencyMicros = Math.max(maxLatencyMicros, row.maxLatencyMicros());
    if (merged == null && onlyHistogram == null) {
      onlyHistogram = row.histogram();
      return;
    }
    if (merged == null) {
      merged = LatencyHistogram.builder().addEncoded(onlyHistogram);
      onlyHistogram = null;
    }
    merged.addEncoded(row.histogram());
  }

  /**
   * Whether any request was added.
   *
   * @return false when the rows held no requests at all
   */
  public boolean hasRequests() {
    return total > 0;
  }

  /**
   * The sum.
   *
   * @return the tally of every row added
   * @throws IllegalArgumentException when the rows are inconsistent (counts against histogram)
   */
  public Tally toTally() {
    LatencyHistogram histogram;
    if (merged != null) {
      histogram = merged.build();
    } else if (onlyHistogram != null) {
      histogram = LatencyHistogram.decode(onlyHistogram);
    } else {
      histogram = LatencyHistogram.empty();
    }
    return new Tally(
        total, success, failure, ignored, TallyRow.latency(maxLatencyMicros), histogram);
  }
}
