package dev.trafficstatus.core.objective;

/** What an objective counts as a good request. */
public enum Indicator {
  /** A success is good, a failure bad; ignored requests count neither way. */
  AVAILABILITY,
  /** A request at most the latency threshold is good, a slower one bad (every request counts). */
  LATENCY
}
