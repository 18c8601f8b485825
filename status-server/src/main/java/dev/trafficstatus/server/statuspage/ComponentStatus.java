package dev.trafficstatus.server.statuspage;

import dev.trafficstatus.spi.Health;
import java.util.Locale;

/**
 * A component's status in Statuspage's words, from best to worst (maintenance apart), and how a
 * route's state on the page maps to it (README, "The Statuspage API"):
 *
 * <table>
 *   <caption>Page state to component status</caption>
 *   <tr><th>page</th><th>component</th></tr>
 *   <tr><td>operational</td><td>operational</td></tr>
 *   <tr><td>no data</td><td>operational (no traffic is not an outage)</td></tr>
 *   <tr><td>degraded</td><td>degraded_performance</td></tr>
 *   <tr><td>partial outage</td><td>partial_outage</td></tr>
 *   <tr><td>major outage</td><td>major_outage</td></tr>
 *   <tr><td>under maintenance (in a running window)</td><td>under_maintenance</td></tr>
 * </table>
 */
public enum ComponentStatus {
  /** Working. */
  OPERATIONAL,
  /** Slow or failing a little. */
  DEGRADED_PERFORMANCE,
  /** Failing for many. */
  PARTIAL_OUTAGE,
  /** Failing for most. */
  MAJOR_OUTAGE,
  /** In a maintenance window that is running. */
  UNDER_MAINTENANCE;

  /**
   * The status of a route in the given state.
   *
   * @param health the route's state on the page
   * @return the component status
   */
  public static ComponentStatus of(Health health) {
    return switch (health) {
      case OPERATIONAL, NO_DATA -> OPERATIONAL;
      case DEGRADED -> DEGRADED_PERFORMANCE;
      case PARTIAL_OUTAGE -> PARTIAL_OUTAGE;
      case MAJOR_OUTAGE -> MAJOR_OUTAGE;
      case MAINTENANCE -> UNDER_MAINTENANCE;
    };
  }

  /**
   * The status as the API spells it, such as {@code partial_outage}.
   *
   * @return the lower-case name
   */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * How bad it is, for rolling routes up into a group: maintenance counts as operational.
   *
   * @return 0 (fine) to 3 (major outage)
   */
  int severity() {
    return switch (this) {
      case OPERATIONAL, UNDER_MAINTENANCE -> 0;
      case DEGRADED_PERFORMANCE -> 1;
      case PARTIAL_OUTAGE -> 2;
      case MAJOR_OUTAGE -> 3;
    };
  }

  /**
   * The worse of two statuses; maintenance wins over operational only.
   *
   * @param other the other status
   * @return the worse one
   */
  ComponentStatus worse(ComponentStatus other) {
    if (other.severity() != severity()) {
      return other.severity() > severity() ? other : this;
    }
    return this == UNDER_MAINTENANCE || other == UNDER_MAINTENANCE ? UNDER_MAINTENANCE : this;
  }
}
