package dev.trafficstatus.spi.page;

import dev.trafficstatus.spi.Health;
import dev.trafficstatus.spi.RouteKey;
import java.util.List;
import java.util.Objects;

/**
 * One card: a route over the page's window.
 *
 * @param key the route
 * @param name its display name
 * @param doc its description, empty when none
 * @param current its state now (see the core's status math); {@link Health#MAINTENANCE} while a
 *     maintenance window that affects it is in progress
 * @param uptimePercent uptime over exactly the window's days, or null when it had no
 *     successes or failures; requests inside maintenance windows left out (see {@link DayStatus})
 * @param requests all requests in the window, outside maintenance windows
 * @param successes successes in the window
 * @param failures failures in the window
 * @param ignored requests in the window that count neither way (see {@link DayStatus#ignored()})
 * @param latency percentiles over the window, or null when it had no requests
 * @param days one entry per day of the window, oldest first
 * @param maintenanceRequests requests in the window answered inside maintenance windows, left out
 *     of the other counts and the uptime (see {@link DayStatus#maintenanceRequests()})
 */
public record RouteStatus(
    RouteKey key,
    String name,
    String doc,
    Health current,
    Double uptimePercent,
    long requests,
    long successes,
    long failures,
    long ignored,
    Latency latency,
    List<DayStatus> days,
    long maintenanceRequests) {

  /** Checks the required parts are present, the counts add up, and copies the days. */
  public RouteStatus {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(doc, "doc");
    Objects.requireNonNull(current, "current");
    if (successes < 0 || failures < 0 || ignored < 0 || successes + failures + ignored != requests) {
      throw new IllegalArgumentException("bad counts: " + requests + " requests, " + successes
          + " successes, " + failures + " failures, " + ignored + " ignored");
    }
    if (maintenanceRequests < 0) {
      throw new IllegalArgumentException("bad count: " + maintenanceRequests + " maintenance requests");
    }
    days = List.copyOf(days);
  }

  /**
   * A card without maintenance: the shape before maintenance requests were shown apart, for
   * renderers' tests and code written against it.
   *
   * @param key the route
   * @param name its display name
   * @param doc its description, empty when none
   * @param current its state now
   * @param uptimePercent uptime over the window's days, or null when it had no requests
   * @param requests all requests in the window
   * @param successes successes in the window
   * @param failures failures in the window
   * @param ignored requests in the window that count neither way
   * @param latency percentiles over the window, or null when it had no requests
   * @param days one entry per day of the window, oldest first
   */
  public RouteStatus(
      RouteKey key,
      String name,
      String doc,
      Health current,
      Double uptimePercent,
      long requests,
      long successes,
      long failures,
      long ignored,
      Latency latency,
      List<DayStatus> days) {
    this(key, name, doc, current, uptimePercent, requests, successes, failures, ignored, latency,
        days, 0);
  }

  /**
   * A card whose requests were all successes or failures, none ignored: the shape before ignored
   * requests were shown apart, for renderers' tests and code written against it.
   *
   * @param key the route
   * @param name its display name
   * @param doc its description, empty when none
   * @param current its state now
   * @param uptimePercent uptime over the window's days, or null when it had no requests
   * @param requests all requests in the window, each a success or a failure
   * @param failures failures in the window
   * @param latency percentiles over the window, or null when it had no requests
   * @param days one entry per day of the window, oldest first
   */
  public RouteStatus(
      RouteKey key,
      String name,
      String doc,
      Health current,
      Double uptimePercent,
      long requests,
      long failures,
      Latency latency,
      List<DayStatus> days) {
    this(key, name, doc, current, uptimePercent, requests, requests - failures, failures, 0, latency,
        days, 0);
  }
}
