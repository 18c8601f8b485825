package dev.trafficstatus.server.wiring;

import dev.trafficstatus.core.connect.ConnectingStore;
import dev.trafficstatus.core.objective.ObjectivesOnPage;
import dev.trafficstatus.core.status.NoticeHistory;
import dev.trafficstatus.core.status.PageSettings;
import dev.trafficstatus.core.status.StatusService;
import dev.trafficstatus.server.config.StatusFactory;
import dev.trafficstatus.server.plugin.HostContext;
import dev.trafficstatus.server.plugin.PluginCatalog;
import dev.trafficstatus.server.plugin.PluginKind;
import dev.trafficstatus.spi.page.RendererFactory;
import java.time.Clock;
import java.util.Optional;

/**
 * The page's parts as {@link StatusRuntime} wires them: its service (with the objectives and the
 * instances' reports), history and renderer.
 */
final class PageParts {

  private PageParts() {}

  /**
   * Builds the page's parts; starts nothing.
   *
   * @param config the {@code status:} block
   * @param catalog the plugins available, for the default renderer
   * @param store the store the page reads
   * @param service the service this process records under
   * @param context what plugins are given
   * @param clock the clock
   * @return the page, or empty when {@code page.enabled} is false
   */
  static Optional<StatusRuntime.Page> assemble(StatusFactory config, PluginCatalog catalog,
      ConnectingStore store, String service, HostContext context, Clock clock) {
    if (!config.getPage().isEnabled()) {
      return Optional.empty();
    }
    RendererFactory rendererFactory =
        config.getPage().getRenderer() != null
            ? config.getPage().getRenderer()
            : catalog.soleDefault(PluginKind.RENDERER);
    PageSettings pageSettings = config.getPage().build(service);
    return Optional.of(
          new StatusRuntime.Page(
              new StatusService(
                  store, pageSettings, config.getHealth().build(),
                  config.getMaintenance().isExcludeFromUptime(),
                  config.getObjectives().build().slowRoutes(),
                  new ObjectivesOnPage(store, config.getObjectives().build(),
                      config.getHealth().build().minimumRequests()),
                  config.getInstances().build(config.getFlush().getInterval().toJavaDuration()),
                  clock,
                  Slf4jSystemLogger.of(StatusService.class)),
              // The history offers the months whose closed notices retention keeps.
              new NoticeHistory(store, pageSettings, config.getRetention().getIncidents().toJavaDuration(),
                  clock,
                  Slf4jSystemLogger.of(NoticeHistory.class)),
              rendererFactory.build(context, config.getPage().getBrand()),
              config.getPage().getPrefix()));
  }
}
