package dev.trafficstatus.spi.notify;

import dev.trafficstatus.spi.Health;
import dev.trafficstatus.spi.RouteKey;
import java.time.Instant;
import java.util.Objects;

/**
 * A route's current state changed, as the evaluator judged it (a {@code route.state_changed}
 * event): from one verdict to another. "No data" and "under maintenance" are not verdicts: a route
 * that goes quiet or into a maintenance window keeps its last state, and the next verdict is
 * compared with that one.
 *
 * @param route the route
 * @param name its display name on the page
 * @param from its state before: operational, degraded, partial outage or major outage
 * @param to its state now, one of the same
 * @param at when the evaluator saw the change
 */
public record RouteStateChange(RouteKey route, String name, Health from, Health to, Instant at) {

  /** Checks every part is present, and that the state changed between two verdicts. */
  public RouteStateChange {
    Objects.requireNonNull(route, "route");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(at, "at");
    if (from == to) {
      throw new IllegalArgumentException("a route state change goes from one state to another, got " + from + " twice");
    }
    if (!isVerdict(from) || !isVerdict(to)) {
      throw new IllegalArgumentException(
          "a route state change is between operational, degraded, partial and major outage, got " + from + " → " + to);
    }
  }

  /**
   * Whether a state is a verdict on the route's traffic, the states a change is between.
   *
   * @param state a state
   * @return false for no data and maintenance
   */
  public static boolean isVerdict(Health state) {
    return switch (state) {
      case OPERATIONAL, DEGRADED, PARTIAL_OUTAGE, MAJOR_OUTAGE -> true;
      case NO_DATA, MAINTENANCE -> false;
    };
  }
}
