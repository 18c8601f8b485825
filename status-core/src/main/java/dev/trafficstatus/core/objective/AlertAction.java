package dev.trafficstatus.core.objective;

/** What a firing burn-rate pair does. */
public enum AlertAction {
  /** Opens an automatic incident naming the objective and the burn (public). */
  INCIDENT,
  /** Writes an {@code objective.burning} event for the notification channels only. */
  NOTIFY
}
