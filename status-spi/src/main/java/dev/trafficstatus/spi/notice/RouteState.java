package dev.trafficstatus.spi.notice;

import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.Health;
import java.util.Objects;

/**
 * A route a notice affects, and its state as the notice last said.
 *
 * @param route the route
 * @param state its state then
 */
public record RouteState(RouteKey route, Health state) {

  /** Checks both parts are present. */
  public RouteState {
    Objects.requireNonNull(route, "route");
    Objects.requireNonNull(state, "state");
  }
}
