package dev.trafficstatus.spi.capture;

import dev.trafficstatus.spi.RouteDescriptor;

/**
 * The pipeline's entry point for captures. Implemented by the core; thread-safe; never throws
 * from {@link #unmatched()} or {@link #failed(Throwable)}.
 */
public interface Recorder {

  /**
   * Declares a route and returns its recorder. Declaring the same key again returns the same
   * recorder and keeps the first descriptor. Meant to be called once per route (at start-up, or the
   * first time a route is seen), never once per request: it may take a lock and allocate.
   *
   * <p>Routes the host does not capture, such as the status page and its API, get a recorder that
   * does nothing.
   *
   * @param route the route; not null
   * @return the recorder for the route, never null
   */
  RouteRecorder route(RouteDescriptor route);

  /**
   * Counts a request that matched no route. Such requests are never turned into routes, so a scan
   * of unknown paths cannot grow the store.
   */
  void unmatched();

  /**
   * Reports that capturing one request failed inside the capture (a bug, not a failed request).
   * The host counts it in a metric and logs the first one; the capture must carry on and must not
   * throw into the request it was observing.
   *
   * @param error what went wrong; not null
   */
  void failed(Throwable error);
}
