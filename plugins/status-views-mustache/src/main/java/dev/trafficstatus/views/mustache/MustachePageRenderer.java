package dev.trafficstatus.views.mustache;

import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import dev.trafficstatus.spi.page.Asset;
import dev.trafficstatus.spi.page.HistoryPage;
import dev.trafficstatus.spi.page.NoticePage;
import dev.trafficstatus.spi.page.ObjectivesPage;
import dev.trafficstatus.spi.page.PageLinks;
import dev.trafficstatus.spi.page.PageRenderer;
import dev.trafficstatus.spi.page.StatusPage;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Renders the status page, a notice's page and the history's months as HTML5 that is also
 * well-formed XML, complete without JavaScript.
 *
 * <p>The templates are compiled once, here; a compiled mustache.java template is safe to run on many
 * threads at once, and everything else this class holds is immutable.
 */
final class MustachePageRenderer implements PageRenderer {

  static final String MEDIA_TYPE = "text/html;charset=UTF-8";

  private static final String TEMPLATE = "status-page.mustache";

  private static final String NOTICE_TEMPLATE = "notice-page.mustache";

  private static final String HISTORY_TEMPLATE = "history-page.mustache";

  private static final String OBJECTIVES_TEMPLATE = "objectives-page.mustache";

  private static final int BUFFER_CHARS = 16 * 1024;

  private final Mustache template;

  private final Mustache noticeTemplate;

  private final Mustache historyTemplate;

  private final Mustache objectivesTemplate;

  private final AssetBundle assets;

  private final PageViewBuilder views;

  private final NoticePageViews noticeViews;

  private final List<Integer> windows;

  /**
   * @param windows the window lengths the page links to, in days
   */
  MustachePageRenderer(List<Integer> windows) {
    TemplateCompiler compiler = new TemplateCompiler();
    this.template = compiler.compile(TEMPLATE);
    this.noticeTemplate = compiler.compile(NOTICE_TEMPLATE);
    this.historyTemplate = compiler.compile(HISTORY_TEMPLATE);
    this.objectivesTemplate = compiler.compile(OBJECTIVES_TEMPLATE);
    this.assets = AssetBundle.load();
    this.windows = List.copyOf(windows);
    this.views = new PageViewBuilder(this.windows, assets);
    this.noticeViews = new NoticePageViews(assets);
  }

  @Override
  public List<Integer> windows() {
    return windows;
  }

  @Override
  public String mediaType() {
    return MEDIA_TYPE;
  }

  @Override
  public void render(StatusPage page, PageLinks links, OutputStream out) throws IOException {
    Objects.requireNonNull(page, "page");
    Objects.requireNonNull(links, "links");
    // The subscribe form's target rides in a scope of its own, beside the page's view.
    Map<String, Object> subscribe =
        links.subscribable() ? Map.of("subscribeHref", links.subscribe()) : Map.of();
    write(template, new Object[] {views.build(page, links), subscribe}, out);
  }

  @Override
  public void renderNotice(NoticePage page, PageLinks links, OutputStream out) throws IOException {
    Objects.requireNonNull(page, "page");
    Objects.requireNonNull(links, "links");
    write(noticeTemplate, noticeViews.notice(page, links), out);
  }

  @Override
  public void renderHistory(HistoryPage page, PageLinks links, OutputStream out) throws IOException {
    Objects.requireNonNull(page, "page");
    Objects.requireNonNull(links, "links");
    write(historyTemplate, noticeViews.history(page, links), out);
  }

  private static void write(Mustache template, Object view, OutputStream out) throws IOException {
    write(template, new Object[] {view}, out);
  }

  private static void write(Mustache template, Object[] scopes, OutputStream out) throws IOException {
    // Not closed: the caller owns the stream; flushing hands over everything written.
    Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), BUFFER_CHARS);
    try {
      template.execute(writer, scopes);
    } catch (MustacheException e) {
      // mustache.java wraps a failed write, sometimes twice; callers expect the IOException.
      for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
        if (cause instanceof IOException io) {
          throw io;
        }
      }
      throw e;
    }
    writer.flush();
  }

  @Override
  public void renderObjectives(ObjectivesPage page, PageLinks links, OutputStream out) throws IOException {
    Objects.requireNonNull(page, "page");
    Objects.requireNonNull(links, "links");
    write(objectivesTemplate, noticeViews.objectives(page, links), out);
  }

  @Override
  public Optional<Asset> asset(String name) {
    return assets.get(name);
  }
}
