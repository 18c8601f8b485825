package dev.trafficstatus.server.page;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trafficstatus.core.status.PageSettings;
import dev.trafficstatus.core.status.PageSnapshot;
import dev.trafficstatus.core.status.StatusService;
import dev.trafficstatus.spi.page.PageLinks;
import dev.trafficstatus.spi.page.PageRenderer;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The subscribe page ({@code GET subscribe}): the renderer's form, which posts to the same address
 * (served by the subscribe resource). It is a page of its own because the status page reloads
 * itself every refresh interval, which would lose what a visitor types; this one never reloads.
 * Registered under the page's prefix by {@link PageRoutes} only when the host takes subscribers, so
 * otherwise the path answers 404 as {@code POST subscribe} does.
 *
 * <p>Like the status page it never reads the store: the form's route picker lists the routes of
 * the last figures read, and each language's render is kept until newer figures come. Its policy
 * is the page's, without script and with {@code form-action 'self'}, so the form may be sent.
 */
@Path("/")
public final class SubscribePageResource {

  /** Renders of the page kept: one per language and base path, far smaller than the page's. */
  private static final long KEPT_BYTES = 4L * 1024 * 1024;

  private final StatusService service;
  private final PageSettings settings;
  private final PageRenderer renderer;
  private final String prefix;
  private final List<Locale> languages;
  private final Map<String, ServerWords> words;
  private final String policy;
  private final PageResponses responses = new PageResponses(new ObjectMapper());
  private final PageCache cache = new PageCache(KEPT_BYTES);

  /**
   * @param service the page model
   * @param renderer the HTML renderer
   * @param prefix where the page is served, such as {@code /status}
   * @param languages the languages browsers choose among, the default first
   * @throws IllegalArgumentException when the renderer does not write one of the languages
   */
  public SubscribePageResource(StatusService service, PageRenderer renderer, String prefix,
      List<Locale> languages) {
    this.service = Objects.requireNonNull(service, "service");
    this.settings = service.settings();
    this.renderer = Objects.requireNonNull(renderer, "renderer");
    this.prefix = Objects.requireNonNull(prefix, "prefix");
    this.languages = PageLanguages.checked(languages, renderer.locales());
    this.words = ServerWords.of(this.languages);
    this.policy = PageResponses.subscribePagePolicy(renderer.imageSources());
  }

  /**
   * The form, in the language the browser prefers among the page's.
   *
   * @param acceptLanguage the browser's {@code Accept-Language}
   * @param uri for the path the request came in on
   * @return 200 with the form; 503 before the first figures are read; 404 when the renderer has
   *     no subscribe page
   */
  @GET
  @Path("subscribe")
  @Produces(MediaType.TEXT_HTML)
  public Response form(@HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
      @Context UriInfo uri) {
    Locale language = PageLanguages.choose(acceptLanguage, languages);
    PageSnapshot snapshot = service.snapshot();
    if (!snapshot.available()) {
      return responses.unavailable(true, settings.title(), PageSettings.MIN_REFRESH,
          words.get(language.getLanguage()));
    }
    String base = StatusPageResource.base(uri);
    PageLinks links = new PageLinks(base + prefix, base + prefix + "/assets/", true);
    long version = snapshot.version();
    PageCache.Key key = new PageCache.Key("subscribe-" + language.toLanguageTag(),
        settings.defaultDays(), base, PageCache.Coding.PLAIN);
    byte[] body;
    try {
      body = cache.body(version, key, () -> {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        renderer.renderSubscribe(snapshot.page(settings.defaultDays()), links, language, out);
        return out.toByteArray();
      });
    } catch (UnsupportedOperationException noSuchPage) {
      return responses.error(Response.Status.NOT_FOUND, "The page's renderer has no subscribe page")
          .build();
    }
    CacheControl noStore = new CacheControl();
    noStore.setNoStore(true);
    return PageResponses.htmlHeaders(Response.ok(body, renderer.mediaType()), policy)
        .header(HttpHeaders.VARY, languages.size() > 1 ? HttpHeaders.ACCEPT_LANGUAGE : null)
        .cacheControl(noStore)
        .build();
  }
}
