package dev.trafficstatus.store.jdbi.internal;

import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.store.DayBucket;
import dev.trafficstatus.spi.store.LatencyHistogram;
import dev.trafficstatus.spi.store.Tally;
import dev.trafficstatus.spi.store.WindowTally;

/**
 * A row of {@code status_window_tallies}: a route's requests on one day inside a maintenance
 * window.
 *
 * @param noticeId the maintenance's id
 * @param position the place in the list it was recorded with
 * @param service the route's service
 * @param rule the route's rule
 * @param epochDay the UTC day
 * @param total all requests
 * @param success successes
 * @param failure failures
 * @param ignored neither
 * @param maxLatencyMicros the slowest, in microseconds
 * @param histogram {@link LatencyHistogram#encode()}
 */
public record WindowTallyRow(
    String noticeId,
    int position,
    String service,
    String rule,
    long epochDay,
    long total,
    long success,
    long failure,
    long ignored,
    long maxLatencyMicros,
    byte[] histogram) {

  /**
   * The row of a route-day of a window.
   *
   * @param noticeId the maintenance's id
   * @param position the place in the list
   * @param bucket the route-day
   * @return the row
   */
  public static WindowTallyRow of(String noticeId, int position, DayBucket bucket) {
    Tally tally = bucket.tally();
    return new WindowTallyRow(
        noticeId,
        position,
        bucket.route().service(),
        bucket.route().rule(),
        bucket.day().toEpochDay(),
        tally.total(),
        tally.success(),
        tally.failure(),
        tally.ignored(),
        TallyRow.maxLatencyMicros(tally),
        tally.latency().encode());
  }

  /**
   * The route-day of this row.
   *
   * @return the window tally
   */
  public WindowTally toWindowTally() {
    Tally tally =
        new Tally(
            total,
            success,
            failure,
            ignored,
            TallyRow.latency(maxLatencyMicros),
            LatencyHistogram.decode(histogram));
    return new WindowTally(
        noticeId, new DayBucket(new RouteKey(service, rule), UtcPeriods.dateOf(epochDay), tally));
  }
}
