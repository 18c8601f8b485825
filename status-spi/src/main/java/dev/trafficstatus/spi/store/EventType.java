package dev.trafficstatus.spi.store;

import java.util.Locale;

/** What an outbox event says happened; notifiers subscribe by these. */
public enum EventType {
  /** An incident was opened (by the traffic or by a person). */
  INCIDENT_OPENED,
  /** An incident got an update, or its name, impact or routes changed. */
  INCIDENT_UPDATED,
  /** An incident was resolved. */
  INCIDENT_RESOLVED,
  /** A maintenance was announced. */
  MAINTENANCE_SCHEDULED,
  /** A maintenance window began. */
  MAINTENANCE_STARTED,
  /** A maintenance got an update, or its window or routes changed. */
  MAINTENANCE_UPDATED,
  /** A maintenance was completed or cancelled. */
  MAINTENANCE_COMPLETED,
  /** A route's current state changed (noisy: notifiers take it only when asked). */
  ROUTE_STATE_CHANGED,
  /** An objective's error budget burns fast enough to alert. */
  OBJECTIVE_BURNING;

  /**
   * The type as configuration and payloads spell it, such as {@code incident.opened}.
   *
   * @return the dotted lower-case name
   */
  public String wireName() {
    String lower = name().toLowerCase(Locale.ROOT);
    int split = lower.indexOf('_');
    return lower.substring(0, split) + "." + lower.substring(split + 1);
  }
}
