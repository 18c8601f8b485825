package dev.trafficstatus.spi.page;

import dev.trafficstatus.spi.PluginContext;
import dev.trafficstatus.spi.PluginFactory;

/**
 * Builds the page renderer. Registered in
 * {@code META-INF/services/dev.trafficstatus.spi.page.RendererFactory}.
 */
public interface RendererFactory extends PluginFactory {

  /**
   * Builds the renderer; called once at start-up, on the start-up thread.
   *
   * @param context what the host offers; never null
   * @return the renderer, never null
   */
  PageRenderer build(PluginContext context);
}
