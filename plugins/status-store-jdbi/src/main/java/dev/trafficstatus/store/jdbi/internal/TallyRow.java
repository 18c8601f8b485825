package dev.trafficstatus.store.jdbi.internal;

import dev.trafficstatus.spi.store.Tally;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;

/**
 * One row of figures of a minute, hour or day table: which route, which period (a minute, an hour
 * or a day, depending on the query), the counts and the encoded histogram. Read by queries through
 * {@link Mapper}, and written as rollup rows (bound by its accessors).
 *
 * <p>Rows read are streamed straight into a {@link TallySum} and never kept, so the histogram array
 * is not copied.
 *
 * @param routeId the route's id
 * @param period the epoch minute, hour or day the query grouped the row under
 * @param total all requests
 * @param success successes
 * @param failure failures
 * @param ignored neither
 * @param maxLatencyMicros the slowest request, in microseconds
 * @param histogram {@link dev.trafficstatus.spi.store.LatencyHistogram#encode()}
 */
public record TallyRow(
    int routeId,
    long period,
    long total,
    long success,
    long failure,
    long ignored,
    long maxLatencyMicros,
    byte[] histogram) {

  /**
   * Maps the columns every figures query selects, under these names. Queries that read many rows
   * (the page's days, an objective's windows: up to some 100,000 rows) pay for every call on the
   * result set, so the mapper is specialised once per result set ({@link #forResultSet}): it finds
   * the columns by name once and reads the driver's result set itself, not the pool's proxy around
   * it, which turns every call into a reflective one (a fifth of an objective evaluation's CPU time
   * in its profile). The proxy still moves the cursor and closes the result set.
   */
  public static final class Mapper implements RowMapper<TallyRow> {

    @Override
    public TallyRow map(ResultSet rs) throws SQLException {
      return forResultSet(rs).map(rs);
    }

    @Override
    public RowMapper<TallyRow> forResultSet(ResultSet rs) throws SQLException {
      ResultSet raw = rs.isWrapperFor(ResultSet.class) ? rs.unwrap(ResultSet.class) : rs;
      int routeId = rs.findColumn("route_id");
      int period = rs.findColumn("period");
      int total = rs.findColumn("total");
      int success = rs.findColumn("success");
      int failure = rs.findColumn("failure");
      int ignored = rs.findColumn("ignored");
      int maxLatency = rs.findColumn("max_latency_micros");
      int histogram = rs.findColumn("histogram");
      return row -> new TallyRow(
          raw.getInt(routeId),
          raw.getLong(period),
          raw.getLong(total),
          raw.getLong(success),
          raw.getLong(failure),
          raw.getLong(ignored),
          raw.getLong(maxLatency),
          raw.getBytes(histogram));
    }
  }

  /**
   * The row of a rollup's figures.
   *
   * @param routeId the route's id
   * @param period the epoch hour or day
   * @param tally the figures
   * @return the row
   */
  public static TallyRow of(int routeId, long period, Tally tally) {
    return new TallyRow(
        routeId,
        period,
        tally.total(),
        tally.success(),
        tally.failure(),
        tally.ignored(),
        maxLatencyMicros(tally),
        tally.latency().encode());
  }

  /**
   * A latency in whole microseconds, the precision the tables keep.
   *
   * @param latency a latency
   * @return microseconds, saturated at {@link Long#MAX_VALUE}
   */
  public static long micros(Duration latency) {
    if (latency.getSeconds() >= Long.MAX_VALUE / 1_000_000 - 1) {
      return Long.MAX_VALUE;
    }
    return latency.getSeconds() * 1_000_000 + latency.getNano() / 1_000;
  }

  /**
   * The inverse of {@link #micros(Duration)}.
   *
   * @param micros microseconds
   * @return the duration
   */
  public static Duration latency(long micros) {
    return Duration.of(micros, ChronoUnit.MICROS);
  }

  /**
   * The maximum latency of a tally in the tables' precision.
   *
   * @param tally a tally
   * @return its maximum latency in microseconds
   */
  public static long maxLatencyMicros(Tally tally) {
    return micros(tally.maxLatency());
  }
}
