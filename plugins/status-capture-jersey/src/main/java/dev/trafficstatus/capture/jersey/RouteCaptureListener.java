package dev.trafficstatus.capture.jersey;

import dev.trafficstatus.spi.capture.Recorder;
import org.glassfish.jersey.server.monitoring.ApplicationEvent;
import org.glassfish.jersey.server.monitoring.ApplicationEventListener;
import org.glassfish.jersey.server.monitoring.RequestEvent;
import org.glassfish.jersey.server.monitoring.RequestEventListener;

/**
 * Hooks the capture into Jersey: declares the routes when Jersey has built its resource model, and
 * gives every request a {@link RequestTimer}.
 *
 * <p>An application event listener rather than request and response filters: only the listener
 * sees the end of every request, including unmapped exceptions, and starts before pre-matching
 * filters run.
 */
final class RouteCaptureListener implements ApplicationEventListener {

  private final String service;
  private final Recorder recorder;
  // Replaced when Jersey reloads the application; read once per request.
  private volatile RouteTable routes;

  RouteCaptureListener(String service, Recorder recorder) {
    this.service = service;
    this.recorder = recorder;
  }

  @Override
  public void onEvent(ApplicationEvent event) {
    // The model is final once the application is initialized (Dropwizard's endpoint log reads it at
    // the same point), and this event comes before the first request.
    if (event.getType() != ApplicationEvent.Type.INITIALIZATION_APP_FINISHED) {
      return;
    }
    try {
      routes =
          RouteTable.declare(
              event.getResourceModel(),
              service,
              recorder,
              RouteProtection.of(event.getResourceConfig()));
    } catch (RuntimeException e) {
      // The host application must start even if its status page cannot; the recorder logs this.
      recorder.failed(e);
    }
  }

  @Override
  public RequestEventListener onRequest(RequestEvent start) {
    RouteTable current = routes;
    return current == null ? null : new RequestTimer(current, System.nanoTime());
  }

  /** The routes, or null before Jersey has initialized. */
  RouteTable routes() {
    return routes;
  }
}
