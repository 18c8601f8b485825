package dev.trafficstatus.capture.jersey;

import dev.trafficstatus.spi.capture.RouteRecorder;
import org.glassfish.jersey.server.ContainerResponse;
import org.glassfish.jersey.server.monitoring.RequestEvent;
import org.glassfish.jersey.server.monitoring.RequestEventListener;

/**
 * Times one request and records it when Jersey is done with it. The one object allocated per
 * request: Jersey's listener API hands each request its own listener, and the start time has to
 * live somewhere.
 *
 * <p>{@link RequestEvent.Type#FINISHED} is the one event every request ends with, on every path:
 * after the response was written, after an exception mapper's response, after a request filter
 * aborted, after an unmapped exception, and for {@code AsyncResponse} on the thread that resumed
 * it.
 */
final class RequestTimer implements RequestEventListener {

  private final RouteTable routes;
  private final long startNanos;
  // Jersey fires FINISHED twice when a response error mapper is configured; count the request once.
  // A plain field suffices: the events of one request are delivered one after another.
  private boolean recorded;

  RequestTimer(RouteTable routes, long startNanos) {
    this.routes = routes;
    this.startNanos = startNanos;
  }

  @Override
  public void onEvent(RequestEvent event) {
    if (event.getType() != RequestEvent.Type.FINISHED || recorded) {
      return;
    }
    recorded = true;
    long latencyNanos = System.nanoTime() - startNanos;
    // Capturing must never fail the request it observes: a bug here is handed to the recorder,
    // which counts it and logs the first, and the response goes out untouched.
    try {
      RouteRecorder route = routes.find(event.getUriInfo());
      if (route == null) {
        routes.recorder().unmatched();
      } else {
        route.record(statusOf(event), latencyNanos);
      }
    } catch (RuntimeException e) {
      routes.recorder().failed(e);
    }
  }

  /**
   * The status the client got. The event's response is the latest one Jersey processed (the mapped
   * one after an exception mapper). When an exception escaped without a response being written,
   * Jersey hands it to the servlet container, which answers 500.
   */
  static int statusOf(RequestEvent event) {
    ContainerResponse response = event.getContainerResponse();
    if (response == null) {
      return 500;
    }
    boolean sent = event.isResponseWritten() || response.isCommitted();
    return sent || event.getException() == null ? response.getStatus() : 500;
  }
}
