package dev.trafficstatus.views.mustache;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.trafficstatus.spi.PluginContext;
import dev.trafficstatus.spi.page.PageBrand;
import dev.trafficstatus.spi.page.PageRenderer;
import dev.trafficstatus.spi.page.RendererFactory;
import dev.trafficstatus.spi.page.StatusPage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The HTML status page, rendered on the server with Mustache: {@code type: mustache}.
 *
 * <p>Configuration, in the server's renderer block (all optional):
 *
 * <pre>
 * type: mustache
 * # The windows, in days, the page links to as "30 days · 90 days · 365 days".
 * windows: [30, 90, 365]
 * # A folder whose templates replace the built-in ones of the same name (the rest come from the
 * # jar); relative to the working directory. README.md, "Make it yours", lists them.
 * templates: ./status-templates
 * # false re-reads the templates on every render, for editing them; true (default) compiles once.
 * cacheTemplates: true
 * </pre>
 *
 * <p>The page needs no inline script or style, so it works under
 * {@code Content-Security-Policy: default-src 'none'; style-src 'self'; script-src 'self';
 * img-src 'self' data:}; its style sheet, script and icon are served from memory through
 * {@link PageRenderer#asset(String)}.
 */
@JsonTypeName(MustacheRendererFactory.NAME)
public final class MustacheRendererFactory implements RendererFactory {

  /** The {@code type:} of this renderer in configuration. */
  public static final String NAME = "mustache";

  /** The longest window a link may name: the longest any page shows. */
  static final int MAX_WINDOW_DAYS = StatusPage.MAX_WINDOW_DAYS;

  private List<Integer> windows = List.of(30, 90, 365);

  private String templates;

  private boolean cacheTemplates = true;

  /** A factory with the defaults; the server binds configuration onto a fresh one. */
  public MustacheRendererFactory() {}

  @Override
  public String name() {
    return NAME;
  }

  /**
   * The windows the page links to.
   *
   * @return window lengths in days, in the order shown
   */
  @JsonProperty("windows")
  public List<Integer> getWindows() {
    return windows;
  }

  /**
   * Sets the windows the page links to.
   *
   * @param windows window lengths in days, each from 1 to {@value #MAX_WINDOW_DAYS}, no repeats; empty hides the links
   * @throws IllegalArgumentException when a length is out of range or repeated
   */
  @JsonProperty("windows")
  public void setWindows(List<Integer> windows) {
    Objects.requireNonNull(windows, "windows");
    List<Integer> checked = new ArrayList<>(windows.size());
    for (Integer days : windows) {
      if (days == null || days < 1 || days > MAX_WINDOW_DAYS) {
        throw new IllegalArgumentException(
            "windows must be day counts from 1 to " + MAX_WINDOW_DAYS + ", got " + windows);
      }
      if (checked.contains(days)) {
        throw new IllegalArgumentException("windows must not repeat a length, got " + windows);
      }
      checked.add(days);
    }
    this.windows = List.copyOf(checked);
  }

  /**
   * The owner's folder of templates.
   *
   * @return the folder as configured, or null for the built-in templates only
   */
  @JsonProperty("templates")
  public String getTemplates() {
    return templates;
  }

  /**
   * Sets the owner's folder of templates; checked, and its templates compiled, when the renderer is
   * built.
   *
   * @param templates a folder, absolute or relative to the working directory; null for none
   */
  @JsonProperty("templates")
  public void setTemplates(String templates) {
    this.templates = templates == null || templates.isBlank() ? null : templates;
  }

  /**
   * Whether compiled templates are kept.
   *
   * @return false when templates are re-read on every render
   */
  @JsonProperty("cacheTemplates")
  public boolean isCacheTemplates() {
    return cacheTemplates;
  }

  /**
   * Sets whether compiled templates are kept; false while editing them, so each reload shows the
   * edit (the server still serves each render to every reader until the page refreshes).
   *
   * @param cacheTemplates false to re-read templates on every render
   */
  @JsonProperty("cacheTemplates")
  public void setCacheTemplates(boolean cacheTemplates) {
    this.cacheTemplates = cacheTemplates;
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException when the templates folder is missing or one of its templates
   *     does not compile; the message names the file and line
   */
  @Override
  public PageRenderer build(PluginContext context) {
    return build(context, PageBrand.NONE);
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException when the templates folder is missing or one of its templates
   *     does not compile, naming the file and line; when the accent colour reads below 4.5:1 on the
   *     page's background; or when a logo or favicon file cannot be used
   */
  @Override
  public PageRenderer build(PluginContext context, PageBrand brand) {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(brand, "brand");
    TemplateSource source =
        templates == null ? TemplateSource.builtIn() : TemplateSource.over(Path.of(templates));
    return new MustachePageRenderer(windows, source, cacheTemplates, Branding.of(brand));
  }
}
