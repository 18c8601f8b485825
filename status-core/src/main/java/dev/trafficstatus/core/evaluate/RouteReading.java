package dev.trafficstatus.core.evaluate;

import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.notice.RouteState;
import dev.trafficstatus.spi.Health;
import dev.trafficstatus.spi.store.Tally;
import java.util.Objects;

/**
 * A route's state over the evaluator's window, and the figures it was judged on.
 *
 * @param route the route
 * @param name its display name
 * @param group its group, for the group's threshold
 * @param state its state by the page's thresholds
 * @param tally its requests in the window (outside maintenance)
 */
record RouteReading(RouteKey route, String name, String group, Health state, Tally tally) {

  RouteReading {
    Objects.requireNonNull(route, "route");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(tally, "tally");
  }

  RouteState routeState() {
    return new RouteState(route, state);
  }
}
