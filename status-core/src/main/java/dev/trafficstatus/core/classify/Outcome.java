package dev.trafficstatus.core.classify;

/** How a request counts towards uptime. */
public enum Outcome {
  /** Counts as up. */
  SUCCESS,
  /** Counts as down. */
  FAILURE,
  /** Counts neither way (such as 401: the client's problem, not the service's). */
  IGNORED
}
