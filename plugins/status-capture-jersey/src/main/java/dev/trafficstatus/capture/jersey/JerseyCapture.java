package dev.trafficstatus.capture.jersey;

import dev.trafficstatus.spi.capture.Capture;

/** The running Jersey capture: driven by Jersey's own requests, so it needs no lifecycle. */
final class JerseyCapture implements Capture {

  private final RouteCaptureListener listener;

  JerseyCapture(RouteCaptureListener listener) {
    this.listener = listener;
  }

  @Override
  public String describe() {
    RouteTable routes = listener.routes();
    String watched = "every request answered by a Jersey resource method, by route template";
    if (routes == null) {
      return watched + " (routes are declared when Jersey starts)";
    }
    return watched + " (" + routes.routes() + " routes, " + routes.discovered()
        + " of them discovered through sub-resource locators)";
  }
}
