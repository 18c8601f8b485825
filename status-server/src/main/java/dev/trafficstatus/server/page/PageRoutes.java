package dev.trafficstatus.server.page;

import dev.trafficstatus.core.status.StatusService;
import dev.trafficstatus.server.jersey.RelocatedResource;
import dev.trafficstatus.spi.page.PageRenderer;
import io.dropwizard.jersey.setup.JerseyEnvironment;
import java.time.Clock;

/** Registers the page with the host's Jersey under the configured prefix. */
public final class PageRoutes {

  private PageRoutes() {}

  /**
   * Serves the page and its assets at the prefix.
   *
   * @param jersey the host's Jersey environment
   * @param service the page model
   * @param renderer the renderer plugin
   * @param prefix where the page is served, such as {@code /status}
   * @param clock what "now" is
   */
  public static void register(
      JerseyEnvironment jersey, StatusService service, PageRenderer renderer, String prefix, Clock clock) {
    StatusPageResource page = new StatusPageResource(service, renderer, prefix, clock);
    jersey.getResourceConfig().registerResources(RelocatedResource.at(prefix, page));
  }
}
