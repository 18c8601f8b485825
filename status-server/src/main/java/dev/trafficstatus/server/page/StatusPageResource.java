package dev.trafficstatus.server.page;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trafficstatus.core.status.FirstFigures;
import dev.trafficstatus.core.status.PageSettings;
import dev.trafficstatus.core.status.PageSnapshot;
import dev.trafficstatus.core.status.StatusService;
import dev.trafficstatus.spi.page.Asset;
import dev.trafficstatus.spi.page.PageLinks;
import dev.trafficstatus.spi.page.PageRenderer;
import dev.trafficstatus.spi.page.RenderOptions;
import dev.trafficstatus.spi.page.StatusPage;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Semaphore;

/**
 * The status page at the configured prefix: HTML from the renderer plugin, or the same model as
 * JSON when asked with {@code Accept: application/json}; and the renderer's assets under
 * {@code assets/}. Registered under the prefix by {@link PageRoutes}; the {@code @Path} here is a
 * placeholder.
 *
 * <p>No request here reads the store or waits for a read: the figures are those the page service
 * read last ({@link StatusService#snapshot()}), marked stale while the store cannot be read, and a
 * clear 503 before anything was read since start. Each body is rendered once per version of the
 * figures and kept within {@code page.renderCache} ({@link PageCache}), gzipped once for clients
 * that accept it. The default window and the renderer's linked windows are served at any rate;
 * other windows are rendered one at a time and at most {@code page.otherWindowRenders} times per
 * refresh interval, and answered 429 otherwise, naming the windows always served.
 *
 * <p>Links and assets follow the path the request came in on (the server's context and root
 * paths), taken from the request's base URI. Responses carry an {@code ETag} and a
 * {@code Cache-Control} no longer than what is left of the refresh interval; conditional headers
 * are read leniently ({@link PageHeaders}), so no header makes an error. HTML also carries a
 * Content-Security-Policy that forbids inline scripts and styles. JSON is written with a mapper of
 * our own, so a host app's ObjectMapper settings never change its shape.
 */
@Path("/")
public final class StatusPageResource {

  private static final String HTML = "html";
  private static final String JSON = "json";

  private final StatusService service;
  private final PageSettings settings;
  private final PageRenderer renderer;
  private final String prefix;
  private final boolean subscribable;
  private final Clock clock;
  private final Set<Integer> offered;
  private final ObjectMapper json = new ObjectMapper();
  private final PageResponses responses = new PageResponses(json);
  private final PageCache cache;
  private final WindowBudget otherWindows;
  private final Semaphore otherWindowRendering = new Semaphore(1);
  private final String policy;
  private final List<Locale> languages;
  private final Map<String, ServerWords> words;
  private final FirstFigures firstFigures;

  /**
   * @param service the page model
   * @param renderer the HTML renderer
   * @param prefix where the page is served, such as {@code /status}
   * @param clock what "now" is
   */
  public StatusPageResource(StatusService service, PageRenderer renderer, String prefix, Clock clock) {
    this(service, renderer, prefix, renderer.locales().subList(0, 1), FirstFigures.NONE, false, clock);
  }

  /**
   * @param service the page model
   * @param renderer the HTML renderer
   * @param prefix where the page is served, such as {@code /status}
   * @param languages the languages browsers choose among, the default first
   * @param firstFigures when a new server's first figures will be there
   * @param subscribable whether the page links to the subscribe page ({@link PageLinks#subscribable()})
   * @param clock what "now" is
   * @throws IllegalArgumentException when the renderer does not write one of the languages
   */
  public StatusPageResource(StatusService service, PageRenderer renderer, String prefix,
      List<Locale> languages, FirstFigures firstFigures, boolean subscribable, Clock clock) {
    this.languages = PageLanguages.checked(languages, renderer.locales());
    this.words = ServerWords.of(this.languages);
    this.firstFigures = firstFigures;
    this.subscribable = subscribable;
    this.service = service;
    this.settings = service.settings();
    this.renderer = renderer;
    this.policy = PageResponses.contentSecurityPolicy(renderer.imageSources());
    this.prefix = prefix;
    this.clock = clock;
    this.offered = new TreeSet<>();
    offered.add(settings.defaultDays());
    for (int days : renderer.windows()) {
      if (days >= 1 && days <= settings.maxDays()) {
        offered.add(days);
      }
    }
    this.cache = new PageCache(settings.renderCacheBytes());
    this.otherWindows = new WindowBudget(settings.otherWindowRenders(), settings.refresh(), clock);
  }

  /** The page as HTML: what browsers and {@code curl} get. */
  @GET
  @Produces("text/html;qs=1")
  public Response html(
      @QueryParam("days") String days,
      @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
      @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding,
      @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
      @Context UriInfo uri) {
    return answer(HTML, PageLanguages.choose(acceptLanguage, languages), days, ifNoneMatch,
        acceptEncoding, uri);
  }

  /** The page as JSON, for {@code Accept: application/json}. */
  @GET
  @Produces("application/json;qs=0.5")
  public Response json(
      @QueryParam("days") String days,
      @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
      @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding,
      @Context UriInfo uri) {
    return answer(JSON, languages.get(0), days, ifNoneMatch, acceptEncoding, uri);
  }

  /** A style sheet, script or icon of the renderer. */
  @GET
  @Path("assets/{name}")
  public Response asset(
      @PathParam("name") String name, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
    Asset asset = renderer.asset(name).orElse(null);
    if (asset == null) {
      return responses.error(Response.Status.NOT_FOUND, "No asset named " + PageResponses.printable(name))
          .build();
    }
    String tag = sha256(asset.content());
    CacheControl cache = PageResponses.cacheFor(Duration.ofDays(1));
    if (PageHeaders.noneMatchHas(ifNoneMatch, tag)) {
      return Response.notModified(new EntityTag(tag)).cacheControl(cache).build();
    }
    return Response.ok(asset.content(), asset.mediaType())
        .tag(new EntityTag(tag))
        .cacheControl(cache)
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", PageResponses.ASSET_POLICY)
        .build();
  }

  private Response answer(String variant, Locale language, String daysParam, String ifNoneMatch,
      String acceptEncoding, UriInfo uri) {
    int days;
    try {
      days = daysParam == null || daysParam.isBlank()
          ? settings.defaultDays()
          : Integer.parseInt(daysParam.trim());
    } catch (NumberFormatException notANumber) {
      return badDays(daysParam);
    }
    if (days < 1 || days > settings.maxDays()) {
      return badDays(daysParam);
    }
    boolean html = variant.equals(HTML);
    // One render per language, each with its own tag: a cache never serves one for another.
    String rendition = html ? HTML + "-" + language.toLanguageTag() : variant;
    PageSnapshot snapshot = service.snapshot();
    if (!snapshot.available()) {
      return responses.unavailable(html, settings.title(), PageSettings.MIN_REFRESH,
          words.get(language.getLanguage()));
    }
    Instant readAt = snapshot.readAt().orElseThrow();
    String tag = rendition + "-" + days + "-" + readAt.toEpochMilli() + "-" + snapshot.generation()
        + (snapshot.stale() ? "-stale" : "");
    EntityTag etag = new EntityTag(tag, true);
    CacheControl caching = PageResponses.cacheFor(
        Duration.between(clock.instant(), snapshot.freshUntil().orElseThrow()));
    if (PageHeaders.noneMatchHas(ifNoneMatch, tag)) {
      return Response.notModified(etag).cacheControl(caching).build();
    }
    String base = base(uri);
    PageCache.Key key = new PageCache.Key(rendition, days, base, PageCache.Coding.PLAIN);
    long version = snapshot.version();
    PageCache.Render render = () -> {
      StatusPage page = snapshot.page(days);
      return render(variant, new RenderOptions(language,
          firstFigures.expected(page, readAt, snapshot.freshUntil().orElseThrow())), page, base);
    };
    if (!offered.contains(days)) {
      PageCache.Render own = render;
      render = () -> {
        // One at a time: a flood of new windows then takes at most one thread's share of the CPU
        // from everyone else, instead of one per connection.
        if (!otherWindowRendering.tryAcquire()) {
          throw new OtherWindowsSpent(true);
        }
        try {
          if (!otherWindows.take()) {
            throw new OtherWindowsSpent(false);
          }
          return own.render();
        } finally {
          otherWindowRendering.release();
        }
      };
    }
    Response.ResponseBuilder ok = Response.ok()
        .type(html ? renderer.mediaType() : MediaType.APPLICATION_JSON)
        .header(HttpHeaders.VARY, html && languages.size() > 1
            ? HttpHeaders.ACCEPT_ENCODING + ", " + HttpHeaders.ACCEPT_LANGUAGE
            : HttpHeaders.ACCEPT_ENCODING)
        .tag(etag)
        .cacheControl(caching);
    try {
      if (PageHeaders.acceptsGzip(acceptEncoding)) {
        // Compressed once here rather than by the server's gzip handler on every request (which
        // leaves a response that already has a Content-Encoding alone).
        ok.entity(cache.gzipped(version, key, render)).header(HttpHeaders.CONTENT_ENCODING, "gzip");
      } else {
        ok.entity(cache.body(version, key, render));
      }
    } catch (OtherWindowsSpent refused) {
      return responses.otherWindowsSpent(html, settings.title(), days, otherWindows.perInterval(),
          settings.refresh(), refused.busy ? Duration.ofSeconds(1) : otherWindows.renewedIn(),
          offeredLinks(base), words.get(language.getLanguage()));
    }
    return html
        ? PageResponses.htmlHeaders(ok, policy).build()
        : ok.header("X-Content-Type-Options", "nosniff").build();
  }

  /** Thrown by a render of another window while one is drawn, or once the budget is spent. */
  private static final class OtherWindowsSpent extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Whether another window was being drawn, rather than the interval's budget spent. */
    private final boolean busy;

    OtherWindowsSpent(boolean busy) {
      super(busy ? "another window is being drawn" : "other windows' renders are spent for this interval",
          null, false, false);
      this.busy = busy;
    }
  }

  private byte[] render(String variant, RenderOptions options, StatusPage page, String base)
      throws java.io.IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    if (variant.equals(HTML)) {
      renderer.render(page, new PageLinks(base + prefix, base + prefix + "/assets/", subscribable),
          options, out);
    } else {
      json.writeValue(out, PageJson.from(page, words.get(languages.get(0).getLanguage())));
    }
    return out.toByteArray();
  }

  /**
   * The path Jersey serves resources under for this request, without a trailing slash: empty at
   * the root, {@code /api} under {@code server.rootPath: /api/}, {@code /ctx/api} with a context
   * path too. It comes from the server's mapping, never from a header the client sets.
   */
  static String base(UriInfo uri) {
    String path = uri.getBaseUri().getRawPath();
    if (path == null) {
      return "";
    }
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return path;
  }

  private Map<Integer, String> offeredLinks(String base) {
    Map<Integer, String> links = new LinkedHashMap<>();
    for (int days : offered) {
      links.put(days, base + prefix + "?days=" + days);
    }
    return links;
  }

  private Response badDays(String given) {
    return responses.error(
            Response.Status.BAD_REQUEST,
            "days must be a whole number from 1 to " + settings.maxDays() + ", got "
                + PageResponses.printable(given))
        .build();
  }

  private static String sha256(byte[] content) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException("every JVM has SHA-256", impossible);
    }
  }
}
