package dev.trafficstatus.bench.request;

/**
 * What observes a request in {@link RequestPathBenchmark}: nothing, the status capture, or
 * Dropwizard Metrics' {@code @Timed}, the baseline the capture is held against.
 */
enum CaptureMode {
  /** The status bundle without captures; {@code GET /plain}. */
  OFF("[]", "/plain"),
  /** The Jersey capture; {@code GET /plain}. */
  ON("[{type: jersey}]", "/plain"),
  /** The bundle without captures; {@code GET /timed}, the same resource with {@code @Timed}. */
  TIMED("[]", "/timed");

  private final String captures;
  private final String path;

  CaptureMode(String captures, String path) {
    this.captures = captures;
    this.path = path;
  }

  /** The mode a JMH parameter names ({@code off}, {@code on}, {@code timed}). */
  static CaptureMode named(String name) {
    return valueOf(name.toUpperCase(java.util.Locale.ROOT));
  }

  /** The {@code status.captures} block of the app's configuration. */
  String captures() {
    return captures;
  }

  /** The path requested. */
  String path() {
    return path;
  }
}
