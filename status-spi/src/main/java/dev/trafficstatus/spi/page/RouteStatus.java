package dev.trafficstatus.spi.page;

import dev.trafficstatus.spi.RouteKey;
import java.util.List;
import java.util.Objects;

/**
 * One card: a route over the page's window.
 *
 * @param key the route
 * @param name its display name
 * @param doc its description, empty when none
 * @param current its state now (see the core's status math)
 * @param uptimePercent uptime over exactly the window's days, or null when it had no
 *     successes or failures
 * @param requests all requests in the window
 * @param failures failures in the window
 * @param latency percentiles over the window, or null when it had no requests
 * @param days one entry per day of the window, oldest first
 */
public record RouteStatus(
    RouteKey key,
    String name,
    String doc,
    Health current,
    Double uptimePercent,
    long requests,
    long failures,
    Latency latency,
    List<DayStatus> days) {

  /** Checks the required parts are present and copies the days. */
  public RouteStatus {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(doc, "doc");
    Objects.requireNonNull(current, "current");
    days = List.copyOf(days);
  }
}
