package dev.trafficstatus.server.page;

import dev.trafficstatus.core.status.FirstFigures;
import dev.trafficstatus.core.status.NoticeHistory;
import dev.trafficstatus.core.status.StatusService;
import dev.trafficstatus.server.jersey.RelocatedResource;
import dev.trafficstatus.spi.page.PageRenderer;
import io.dropwizard.jersey.setup.JerseyEnvironment;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Registers the page with the host's Jersey under the configured prefix. */
public final class PageRoutes {

  private PageRoutes() {}

  /**
   * Serves the page and its assets at the prefix, and beside it the incidents' pages, the history
   * and its feeds, and the subscribe page when the host takes subscribers.
   *
   * @param jersey the host's Jersey environment
   * @param service the page model
   * @param history the incidents and maintenances of past months
   * @param renderer the renderer plugin
   * @param prefix where the page is served, such as {@code /status}
   * @param publicUrl the page's absolute address as people reach it, for the feeds' links; empty
   *     to take it from each request
   * @param languages the page's languages ({@code page.locales}), the default first
   * @param firstFigures when a new server's first figures will be there
   * @param subscribable whether the host takes subscribers: the page links to the subscribe page
   * @param clock what "now" is
   * @throws IllegalArgumentException when the renderer does not write one of the languages
   */
  public static void register(JerseyEnvironment jersey, StatusService service, NoticeHistory history,
      PageRenderer renderer, String prefix, Optional<String> publicUrl, List<Locale> languages,
      FirstFigures firstFigures, boolean subscribable, Clock clock) {
    StatusPageResource page = new StatusPageResource(
        service, renderer, prefix, languages, firstFigures, subscribable, clock);
    NoticePagesResource notices =
        new NoticePagesResource(service, history, renderer, prefix, publicUrl, languages, clock);
    jersey.getResourceConfig().registerResources(subscribable
        ? RelocatedResource.at(prefix, page, notices,
            new SubscribePageResource(service, renderer, prefix, languages))
        : RelocatedResource.at(prefix, page, notices));
  }
}
