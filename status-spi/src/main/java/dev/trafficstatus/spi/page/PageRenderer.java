package dev.trafficstatus.spi.page;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns the page model into a response body. Called on request threads, concurrently; must be
 * thread-safe and must escape every value it writes.
 */
public interface PageRenderer {

  /**
   * The media type of what {@link #render} writes, such as {@code text/html;charset=UTF-8}.
   *
   * @return the media type, never null
   */
  String mediaType();

  /**
   * Writes the page.
   *
   * @param page the model; never null
   * @param links where the page and its assets are served; never null
   * @param out where to write; the caller closes it
   * @throws IOException when writing fails
   */
  void render(StatusPage page, PageLinks links, OutputStream out) throws IOException;

  /**
   * Writes the page as the host asks: in a language (every text of it, and its dates and numbers),
   * and in a new server's first minutes with when its first figures will be there. The host
   * chooses the language among those configured ({@code page.locales}) by the request's {@code
   * Accept-Language}, and keeps one render per language. The default writes {@link #render(
   * StatusPage, PageLinks, OutputStream)}'s, for renderers with one language and no such notice.
   *
   * @param page the model; never null
   * @param links where the page and its assets are served; never null
   * @param options the language, one of {@link #locales()}, and the first figures' time; never null
   * @param out where to write; the caller closes it
   * @throws IOException when writing fails
   */
  default void render(StatusPage page, PageLinks links, RenderOptions options, OutputStream out)
      throws IOException {
    render(page, links, out);
  }

  /**
   * The languages {@link #render(StatusPage, PageLinks, RenderOptions, OutputStream)} writes, the first
   * being what {@link #render(StatusPage, PageLinks, OutputStream)} writes. The host refuses at
   * start-up a configured language not among them.
   *
   * @return languages, such as English and Spanish; English alone by default
   */
  default List<Locale> locales() {
    return List.of(Locale.ENGLISH);
  }

  /**
   * Writes the subscribe page, served at {@link PageLinks#subscribe()} when {@link
   * PageLinks#subscribable()}: an HTML form, complete without script, that posts {@code email} (and
   * optionally {@code route} rules, offered from the page's routes) to the same address. It must
   * not reload itself, so that nothing a visitor types is lost (the status page does reload
   * itself). The default has none: the host then answers that page with 404, and a renderer without
   * it should not link to it.
   *
   * @param page the status page of the default window, for its title and routes; never null
   * @param links where the pages and assets are served; never null
   * @param locale the language, one of {@link #locales()}; never null
   * @param out where to write, in {@link #mediaType()}; the caller closes it
   * @throws IOException when writing fails
   * @throws UnsupportedOperationException when this renderer has no subscribe page
   */
  default void renderSubscribe(StatusPage page, PageLinks links, Locale locale, OutputStream out)
      throws IOException {
    throw new UnsupportedOperationException("this renderer has no subscribe page");
  }

  /**
   * Writes the page of one incident or maintenance, served at {@link PageLinks#notice(String)}.
   * The default has none: the host then answers that page with 404, and a renderer without it
   * should not link to it.
   *
   * @param page the model; never null
   * @param links where the pages and assets are served; never null
   * @param out where to write, in {@link #mediaType()}; the caller closes it
   * @throws IOException when writing fails
   * @throws UnsupportedOperationException when this renderer has no notice pages
   */
  default void renderNotice(NoticePage page, PageLinks links, OutputStream out) throws IOException {
    throw new UnsupportedOperationException("this renderer has no incident pages");
  }

  /**
   * Writes the page of one incident or maintenance in a language: every text the page adds to the
   * notice's own (its name and updates, written by people or the evaluator, are shown as written),
   * and its dates and numbers. The host chooses the language as for the status page. The default
   * writes {@link #renderNotice(NoticePage, PageLinks, OutputStream)}'s.
   *
   * @param page the model; never null
   * @param links where the pages and assets are served; never null
   * @param locale the language, one of {@link #locales()}; never null
   * @param out where to write, in {@link #mediaType()}; the caller closes it
   * @throws IOException when writing fails
   * @throws UnsupportedOperationException when this renderer has no notice pages
   */
  default void renderNotice(NoticePage page, PageLinks links, Locale locale, OutputStream out)
      throws IOException {
    renderNotice(page, links, out);
  }

  /**
   * Writes one month of the incident history, served at {@link PageLinks#history(java.time.YearMonth)}.
   * The default has none: the host then answers that page with 404, and a renderer without it
   * should not link to it.
   *
   * @param page the model; never null
   * @param links where the pages and assets are served; never null
   * @param out where to write, in {@link #mediaType()}; the caller closes it
   * @throws IOException when writing fails
   * @throws UnsupportedOperationException when this renderer has no history pages
   */
  default void renderHistory(HistoryPage page, PageLinks links, OutputStream out) throws IOException {
    throw new UnsupportedOperationException("this renderer has no history pages");
  }

  /**
   * Writes one month of the incident history in a language, as {@link #renderNotice(NoticePage,
   * PageLinks, Locale, OutputStream)} writes a notice's page. The default writes {@link
   * #renderHistory(HistoryPage, PageLinks, OutputStream)}'s.
   *
   * @param page the model; never null
   * @param links where the pages and assets are served; never null
   * @param locale the language, one of {@link #locales()}; never null
   * @param out where to write, in {@link #mediaType()}; the caller closes it
   * @throws IOException when writing fails
   * @throws UnsupportedOperationException when this renderer has no history pages
   */
  default void renderHistory(HistoryPage page, PageLinks links, Locale locale, OutputStream out)
      throws IOException {
    renderHistory(page, links, out);
  }

  /**
   * Writes the objectives page, served at {@link PageLinks#objectives()}. The default has none: the
   * host then answers that page with 404.
   *
   * @param page the objectives, sorted
   * @param links where the host serves the page and its assets
   * @param out where to write; not closed
   * @throws IOException when writing fails
   * @throws UnsupportedOperationException when the renderer has no such page
   */
  default void renderObjectives(ObjectivesPage page, PageLinks links, OutputStream out) throws IOException {
    throw new UnsupportedOperationException("this renderer has no objectives page");
  }

  /**
   * Writes the objectives page in a language. The default writes {@link
   * #renderObjectives(ObjectivesPage, PageLinks, OutputStream)}'s.
   *
   * @param page the objectives, sorted
   * @param links where the host serves the page and its assets
   * @param locale the language, one of {@link #locales()}; never null
   * @param out where to write; not closed
   * @throws IOException when writing fails
   * @throws UnsupportedOperationException when the renderer has no such page
   */
  default void renderObjectives(ObjectivesPage page, PageLinks links, Locale locale, OutputStream out)
      throws IOException {
    renderObjectives(page, links, out);
  }

  /**
   * The windows, in days, the rendered page links to (such as 30, 90 and 365). The host serves
   * these, and its default window, to any number of clients from one render per refresh; other
   * windows a client asks for are rendered within a budget. Never more than the page's {@link
   * StatusPage#maxDays()} are followed, so a renderer may name longer ones.
   *
   * @return the window lengths, each at least 1; empty when the page links to none
   */
  default List<Integer> windows() {
    return List.of();
  }

  /**
   * The origins, besides the page's own, that the rendered pages load images from, such as an
   * owner's logo on {@code https://cdn.example.com} ({@link PageBrand#imageSources()}). The host adds
   * exactly these to its Content-Security-Policy's {@code img-src}; nothing else is loosened.
   *
   * @return https origins without a path; empty by default
   */
  default List<String> imageSources() {
    return List.of();
  }

  /**
   * A static asset the page refers to (style sheet, script, icon), served by the host under
   * {@link PageLinks#assets()}. Looked up per request, so implementations keep assets in memory.
   *
   * @param name the asset's file name, such as {@code status.css}; may be anything a client sent
   * @return the asset, or empty when there is none by that name
   */
  default Optional<Asset> asset(String name) {
    return Optional.empty();
  }
}
