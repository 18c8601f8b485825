package dev.trafficstatus.spi.store;

import dev.trafficstatus.spi.RouteKey;
import java.util.Objects;

/**
 * The requests of one route over some window.
 *
 * @param route the route
 * @param tally the counts and latencies
 */
public record RouteTally(RouteKey route, Tally tally) {

  /** Checks both parts are present. */
  public RouteTally {
    Objects.requireNonNull(route, "route");
    Objects.requireNonNull(tally, "tally");
  }
}
