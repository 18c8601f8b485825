package dev.trafficstatus.views.mustache;

import com.github.mustachejava.MustacheException;
import dev.trafficstatus.spi.page.Asset;
import dev.trafficstatus.spi.page.HistoryPage;
import dev.trafficstatus.spi.page.NoticePage;
import dev.trafficstatus.spi.page.ObjectivesPage;
import dev.trafficstatus.spi.page.PageLinks;
import dev.trafficstatus.spi.page.PageRenderer;
import dev.trafficstatus.spi.page.RenderOptions;
import dev.trafficstatus.spi.page.StatusPage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Renders the status page, a notice's page, the history's months, the objectives page and the
 * subscribe page, in English or Spanish, as HTML5 that is also well-formed XML, complete without
 * JavaScript.
 *
 * <p>An owner's templates are compiled here, at start-up, so a broken one fails start-up with its
 * file and line; the built-in ones at their first render. Compiled templates are kept unless the
 * owner edits their own ({@code cacheTemplates: false}); a compiled mustache.java template is safe
 * to run on many threads at once. An owner's template that fails while rendering gives way to the built-in page.
 */
final class MustachePageRenderer implements PageRenderer {

  static final String MEDIA_TYPE = "text/html;charset=UTF-8";

  private static final System.Logger LOG = System.getLogger(MustachePageRenderer.class.getName());

  private static final String TEMPLATE = "status-page.mustache";

  private static final String NOTICE_TEMPLATE = "notice-page.mustache";

  private static final String HISTORY_TEMPLATE = "history-page.mustache";

  private static final String OBJECTIVES_TEMPLATE = "objectives-page.mustache";

  private static final String SUBSCRIBE_TEMPLATE = "subscribe-page.mustache";

  private final TemplateViewRenderer templates;

  /** The built-in templates, when the owner has their own: what a failing render falls back to. */
  private final Optional<TemplateViewRenderer> builtIn;

  /** The last render failure logged, so a broken template logs once, not on every render. */
  private final AtomicReference<String> lastFailure = new AtomicReference<>();

  private final AssetBundle assets;

  private final PageViewBuilder views;

  private final NoticePageViews noticeViews;

  private final List<Integer> windows;

  private final Branding branding;

  /** The texts of every shipped language, by language code; English first. */
  private final Map<String, Words> languages;

  /**
   * @param windows the window lengths the page links to, in days
   * @param source where templates are read from
   * @param cacheTemplates whether compiled templates are kept, or re-read on every render
   * @param branding the owner's brand
   * @throws IllegalArgumentException naming the file and line of a template that does not compile
   */
  MustachePageRenderer(
      List<Integer> windows, TemplateSource source, boolean cacheTemplates, Branding branding) {
    this.templates = new TemplateViewRenderer(source, cacheTemplates);
    this.builtIn = source.hasFolder()
        ? Optional.of(new TemplateViewRenderer(TemplateSource.builtIn(), true))
        : Optional.empty();
    this.branding = Objects.requireNonNull(branding, "branding");
    Map<String, Words> words = new LinkedHashMap<>();
    for (Locale language : Words.LANGUAGES) {
      words.put(language.getLanguage(), Words.of(language));
    }
    this.languages = Collections.unmodifiableMap(words);
    this.assets = AssetBundle.load(branding.assets());
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
  public List<Locale> locales() {
    return Words.LANGUAGES;
  }

  @Override
  public void render(StatusPage page, PageLinks links, OutputStream out) throws IOException {
    render(page, links, RenderOptions.in(Locale.ENGLISH), out);
  }

  @Override
  public void render(StatusPage page, PageLinks links, RenderOptions options, OutputStream out)
      throws IOException {
    Objects.requireNonNull(page, "page");
    Objects.requireNonNull(links, "links");
    Words words = words(options.locale());
    write(TEMPLATE, links, words, views.build(page, links, words, options.firstFiguresAt()), out);
  }

  /** A shipped language's words, or English's for any other. */
  private Words words(Locale locale) {
    Words words = languages.get(Objects.requireNonNull(locale, "locale").getLanguage());
    return words != null ? words : languages.get(Locale.ENGLISH.getLanguage());
  }

  @Override
  public void renderNotice(NoticePage page, PageLinks links, OutputStream out) throws IOException {
    renderNotice(page, links, Locale.ENGLISH, out);
  }

  @Override
  public void renderNotice(NoticePage page, PageLinks links, Locale locale, OutputStream out)
      throws IOException {
    Objects.requireNonNull(page, "page");
    Objects.requireNonNull(links, "links");
    Words words = words(locale);
    write(NOTICE_TEMPLATE, links, words, noticeViews.notice(page, links, words), out);
  }

  @Override
  public void renderHistory(HistoryPage page, PageLinks links, OutputStream out) throws IOException {
    renderHistory(page, links, Locale.ENGLISH, out);
  }

  @Override
  public void renderHistory(HistoryPage page, PageLinks links, Locale locale, OutputStream out)
      throws IOException {
    Objects.requireNonNull(page, "page");
    Objects.requireNonNull(links, "links");
    Words words = words(locale);
    write(HISTORY_TEMPLATE, links, words, noticeViews.history(page, links, words), out);
  }

  private void write(String template, PageLinks links, Words words, Object view, OutputStream out)
      throws IOException {
    TemplatedPage page = new TemplatedPage(template,
        new PageScope(branding.view(assets, links.assets()), words.lang(), words.texts(),
            links.subscribable() ? links.subscribe() : null), view);
    if (builtIn.isEmpty()) {
      templates.render(page, Locale.ROOT, out);
      return;
    }
    // The owner's templates render into memory first, so a failure half-way writes nothing and
    // the built-in page goes out whole instead.
    ByteArrayOutputStream own = new ByteArrayOutputStream(64 * 1024);
    try {
      templates.render(page, Locale.ROOT, own);
    } catch (MustacheException | UncheckedIOException e) {
      String failure = String.valueOf(e.getMessage());
      if (!failure.equals(lastFailure.getAndSet(failure))) {
        LOG.log(System.Logger.Level.WARNING, "Custom templates failed to render " + template + " ("
            + failure + "); serving the built-in page until they are fixed", e);
      }
      builtIn.get().render(page, Locale.ROOT, out);
      return;
    }
    lastFailure.set(null);
    own.writeTo(out);
    out.flush();
  }

  @Override
  public List<String> imageSources() {
    return branding.imageSources();
  }

  @Override
  public void renderObjectives(ObjectivesPage page, PageLinks links, OutputStream out) throws IOException {
    renderObjectives(page, links, Locale.ENGLISH, out);
  }

  @Override
  public void renderObjectives(ObjectivesPage page, PageLinks links, Locale locale, OutputStream out)
      throws IOException {
    Objects.requireNonNull(page, "page");
    Objects.requireNonNull(links, "links");
    Words words = words(locale);
    write(OBJECTIVES_TEMPLATE, links, words, noticeViews.objectives(page, links, words), out);
  }

  @Override
  public void renderSubscribe(StatusPage page, PageLinks links, Locale locale, OutputStream out)
      throws IOException {
    Objects.requireNonNull(page, "page");
    Objects.requireNonNull(links, "links");
    Words words = words(locale);
    write(SUBSCRIBE_TEMPLATE, links, words,
        new SubscribePageView(links.page(), views.build(page, links, words, Optional.empty())), out);
  }

  @Override
  public Optional<Asset> asset(String name) {
    return assets.get(name);
  }
}
