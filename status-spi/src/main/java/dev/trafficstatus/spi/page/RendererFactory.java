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

  /**
   * Builds the renderer with the owner's brand ({@code page.brand}); called once at start-up, on
   * the start-up thread, instead of {@link #build(PluginContext)}. The default ignores the brand,
   * for renderers that show none.
   *
   * @param context what the host offers; never null
   * @param brand the owner's logo, colours, links and footer, already checked; never null
   * @return the renderer, never null
   * @throws IllegalArgumentException when the renderer cannot show the brand as given (an accent
   *     colour too faint to read on its background, a logo file it cannot read), naming the value
   */
  default PageRenderer build(PluginContext context, PageBrand brand) {
    return build(context);
  }
}
