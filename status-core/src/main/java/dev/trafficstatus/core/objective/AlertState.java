package dev.trafficstatus.core.objective;

/** A burn-rate pair's verdict. */
public enum AlertState {
  /** Both windows burn at least the pair's factor (or, once firing, still above its clearing level). */
  FIRING,
  /** Not firing. */
  CLEAR,
  /** Too few requests in the long window for a verdict: the previous verdict stands. */
  NO_DATA
}
