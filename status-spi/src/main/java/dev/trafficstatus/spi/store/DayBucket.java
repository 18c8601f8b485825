package dev.trafficstatus.spi.store;

import dev.trafficstatus.spi.RouteKey;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The requests of one route on one UTC calendar day, summed over every instance.
 *
 * @param route the route
 * @param day the UTC day
 * @param tally the counts and latencies
 */
public record DayBucket(RouteKey route, LocalDate day, Tally tally) {

  /** Checks every part is present. */
  public DayBucket {
    Objects.requireNonNull(route, "route");
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(tally, "tally");
  }
}
