package dev.trafficstatus.spi.notice;

import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.Health;
import java.util.Objects;

/**
 * A change of an affected route's state that an update reports (Statuspage's
 * {@code affected_components}).
 *
 * @param route the route
 * @param before its state before the update
 * @param after its state with the update
 */
public record StateChange(RouteKey route, Health before, Health after) {

  /** Checks every part is present. */
  public StateChange {
    Objects.requireNonNull(route, "route");
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
  }
}
