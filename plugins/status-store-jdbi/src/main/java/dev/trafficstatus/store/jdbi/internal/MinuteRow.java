package dev.trafficstatus.store.jdbi.internal;

import dev.trafficstatus.spi.store.Tally;

/**
 * A minute bucket ready to write, bound by its accessors.
 *
 * @param routeId its route's id
 * @param minute its epoch minute
 * @param instance the process that counted it
 * @param total all requests
 * @param success successes
 * @param failure failures
 * @param ignored neither
 * @param maxLatencyMicros the slowest request, in microseconds
 * @param histogram the encoded latency histogram
 */
public record MinuteRow(
    int routeId,
    long minute,
    String instance,
    long total,
    long success,
    long failure,
    long ignored,
    long maxLatencyMicros,
    byte[] histogram) {

  /**
   * The row of a bucket's figures.
   *
   * @param routeId its route's id
   * @param minute its epoch minute
   * @param instance the process that counted it
   * @param tally its figures
   * @return the row
   */
  public static MinuteRow of(int routeId, long minute, String instance, Tally tally) {
    return new MinuteRow(
        routeId,
        minute,
        instance,
        tally.total(),
        tally.success(),
        tally.failure(),
        tally.ignored(),
        TallyRow.maxLatencyMicros(tally),
        tally.latency().encode());
  }
}
