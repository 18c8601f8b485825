package dev.trafficstatus.server.page;

import dev.trafficstatus.server.StatusRuntime;
import dev.trafficstatus.server.jersey.RelocatedResource;
import io.dropwizard.jersey.setup.JerseyEnvironment;
import java.time.Clock;

/** Registers the page with the host's Jersey under the configured prefix. */
public final class PageRoutes {

  private PageRoutes() {}

  /**
   * Serves the page and its assets at the runtime's prefix.
   *
   * @param runtime the pipeline, which must serve a page
   * @param jersey the host's Jersey environment
   * @param clock what "now" is
   */
  public static void register(StatusRuntime runtime, JerseyEnvironment jersey, Clock clock) {
    StatusPageResource page =
        new StatusPageResource(
            runtime.statusService(), runtime.renderer(), runtime.pagePrefix(), clock);
    jersey.getResourceConfig().registerResources(RelocatedResource.at(runtime.pagePrefix(), page));
  }
}
