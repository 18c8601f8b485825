package dev.trafficstatus.capture.probe;

/** The HTTP method a probe sends. Neither has a body or changes anything on the target. */
public enum ProbeMethod {
  /** Fetches the page, as Statsig's status page did with curl; its body is read and discarded. */
  GET,
  /** Only the status line and headers: cheaper for large pages, if the target answers HEAD. */
  HEAD
}
