package dev.trafficstatus.server.page;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trafficstatus.core.status.NoticeHistory;
import dev.trafficstatus.core.status.PageSettings;
import dev.trafficstatus.core.status.PageSnapshot;
import dev.trafficstatus.core.status.StatusService;
import dev.trafficstatus.server.page.NoticeFeed.Format;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.notice.Notice;
import dev.trafficstatus.spi.notice.NoticeStatus;
import dev.trafficstatus.spi.page.HistoryPage;
import dev.trafficstatus.spi.page.NoticePage;
import dev.trafficstatus.spi.page.ObjectiveOrder;
import dev.trafficstatus.spi.page.ObjectivesPage;
import dev.trafficstatus.spi.page.PageLinks;
import dev.trafficstatus.spi.page.PageRenderer;
import dev.trafficstatus.spi.page.StatusPage;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The pages beside the status page: an incident's or maintenance's own page
 * ({@code incidents/{id}}), the history by month ({@code history?month=2025-06}) and the history's
 * feeds ({@code history.atom}, {@code history.rss}). Registered under the page's prefix by {@link
 * PageRoutes}; the {@code @Path} here is a placeholder.
 *
 * <p>Like the status page, no request here reads the store: notices come from the page's snapshot
 * (open ones and those closed in the last days) and from {@link NoticeHistory}, which reads older
 * months and old notices on a thread of its own. What it has not read yet is answered with 503,
 * {@code Retry-After: 1} and a page that reloads itself, while the read runs. Each body is rendered
 * once per version of what it shows and kept ({@link PageCache}); feeds apart, since their links
 * are absolute: {@code page.publicUrl}'s, or else made from the address each request came to.
 *
 * <p>The pages are in the language the browser's {@code Accept-Language} prefers among {@code
 * page.locales}, one render and tag per language, with {@code Vary: Accept-Language} when there is
 * a choice; the feeds, which feed readers fetch without naming a language, in the default one.
 */
@Path("/")
public final class NoticePagesResource {

  private static final Pattern ID = Pattern.compile("[0-9a-z]{12}");
  private static final Duration READ_AGAIN = Duration.ofSeconds(1);
  private static final long MIN_CACHE = 1024L * 1024;
  private static final String FEED_POLICY = "default-src 'none'; frame-ancestors 'none'";

  private final StatusService service;
  private final NoticeHistory history;
  private final PageSettings settings;
  private final PageRenderer renderer;

  private final String policy;
  private final String prefix;
  private final Optional<String> publicUrl;
  private final Clock clock;
  private final PageResponses responses = new PageResponses(new ObjectMapper());
  private final PageCache pages;
  private final PageCache feeds;
  private final List<Locale> languages;
  private final Map<String, ServerWords> words;

  /**
   * @param service the page model, with the current notices
   * @param history older months and notices
   * @param renderer the HTML renderer
   * @param prefix where the page is served, such as {@code /status}
   * @param publicUrl the page's absolute address as people reach it ({@code page.publicUrl}), for
   *     the feeds' links; empty to take it from each request
   * @param languages the languages browsers choose among, the default first
   * @param clock what "now" is
   * @throws IllegalArgumentException when the renderer does not write one of the languages
   */
  public NoticePagesResource(StatusService service, NoticeHistory history, PageRenderer renderer,
      String prefix, Optional<String> publicUrl, List<Locale> languages, Clock clock) {
    this.languages = PageLanguages.checked(languages, renderer.locales());
    this.words = ServerWords.of(this.languages);
    this.service = service;
    this.history = history;
    this.settings = service.settings();
    this.renderer = renderer;
    this.policy = PageResponses.contentSecurityPolicy(renderer.imageSources());
    this.prefix = prefix;
    this.publicUrl = publicUrl;
    this.clock = clock;
    this.pages = new PageCache(Math.max(MIN_CACHE, settings.renderCacheBytes() / 8));
    this.feeds = new PageCache(MIN_CACHE * 2);
  }

  /** One incident's or maintenance's page. */
  @GET
  @Path("incidents/{id}")
  public Response notice(
      @PathParam("id") String id,
      @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
      @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding,
      @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
      @Context UriInfo uri) {
    if (!ID.matcher(id).matches()) {
      return noSuchNotice(id);
    }
    Locale language = PageLanguages.choose(acceptLanguage, languages);
    ServerWords said = words.get(language.getLanguage());
    PageSnapshot snapshot = service.snapshot();
    if (!snapshot.available()) {
      return responses.unavailable(true, settings.title(), PageSettings.MIN_REFRESH, said);
    }
    Notice notice = snapshot.notices().stream().filter(n -> n.id().equals(id)).findFirst().orElse(null);
    Instant readAt = snapshot.readAt().orElseThrow();
    boolean stale = snapshot.stale();
    if (notice == null) {
      Optional<NoticeHistory.Lookup> lookup = history.find(id);
      if (lookup.isEmpty()) {
        return responses.reading(settings.title(), said.format("reading_notice"), READ_AGAIN, said);
      }
      if (lookup.get().notice().isEmpty()) {
        return noSuchNotice(id);
      }
      notice = lookup.get().notice().get();
      readAt = lookup.get().readAt();
      stale = lookup.get().stale();
    }
    Notice shown = notice;
    Instant shownAt = readAt;
    boolean shownStale = stale;
    String base = StatusPageResource.base(uri);
    return html("notice-" + id, language, snapshot, base, ifNoneMatch, acceptEncoding, (links, out) ->
        renderer.renderNotice(new NoticePage(settings.title(), shown, routeNames(snapshot), shownAt,
            settings.zone(), settings.refresh(), shownStale), links, language, out));
  }

  /** A month of the history, the current one unless {@code month=YYYY-MM} names another. */
  @GET
  @Path("history")
  public Response history(
      @QueryParam("month") String month,
      @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
      @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding,
      @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
      @Context UriInfo uri) {
    YearMonth shown;
    try {
      shown = month == null || month.isBlank() ? history.currentMonth() : YearMonth.parse(month.strip());
    } catch (DateTimeParseException notAMonth) {
      return responses.error(Response.Status.BAD_REQUEST,
          "month must be a month such as 2025-06, got " + PageResponses.printable(month)).build();
    }
    YearMonth earliest = history.earliestMonth();
    YearMonth latest = history.currentMonth();
    if (shown.isBefore(earliest) || shown.isAfter(latest)) {
      return responses.error(Response.Status.NOT_FOUND, "The history keeps the months from "
          + earliest + " to " + latest + ", not " + shown).build();
    }
    Locale language = PageLanguages.choose(acceptLanguage, languages);
    ServerWords said = words.get(language.getLanguage());
    PageSnapshot snapshot = service.snapshot();
    if (!snapshot.available()) {
      return responses.unavailable(true, settings.title(), PageSettings.MIN_REFRESH, said);
    }
    Optional<NoticeHistory.Month> read = history.month(shown);
    if (read.isEmpty()) {
      return responses.reading(settings.title(), said.format("reading_month", shown), READ_AGAIN, said);
    }
    String base = StatusPageResource.base(uri);
    NoticeHistory.Month kept = read.get();
    return html("history-" + shown, language, snapshot, base, ifNoneMatch, acceptEncoding, (links, out) ->
        renderer.renderHistory(new HistoryPage(settings.title(), shown,
            monthNotices(kept, snapshot.notices()), kept.complete(), earliest, latest,
            routeNames(snapshot), kept.readAt(), settings.zone(), settings.refresh(),
            kept.stale() || snapshot.stale()), links, language, out));
  }

  /** The objectives, as configured or by remaining budget ({@code sort=remaining}). */
  @GET
  @Path("objectives")
  public Response objectives(
      @QueryParam("sort") String sort,
      @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
      @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding,
      @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
      @Context UriInfo uri) {
    ObjectiveOrder order;
    try {
      order = ObjectiveOrder.parse(sort);
    } catch (IllegalArgumentException unknown) {
      return responses.error(Response.Status.BAD_REQUEST,
          unknown.getMessage() + ", got " + PageResponses.printable(sort)).build();
    }
    Locale language = PageLanguages.choose(acceptLanguage, languages);
    PageSnapshot snapshot = service.snapshot();
    if (!snapshot.available()) {
      return responses.unavailable(true, settings.title(), PageSettings.MIN_REFRESH,
          words.get(language.getLanguage()));
    }
    StatusPage page = snapshot.page(1);
    return html("objectives-" + order.wireName(), language, snapshot, StatusPageResource.base(uri),
        ifNoneMatch, acceptEncoding, (links, out) -> renderer.renderObjectives(new ObjectivesPage(
            settings.title(), order.sort(page.objectives()), order, page.routeNames(),
            page.generatedAt(), settings.zone(), settings.refresh(), snapshot.stale()), links,
            language, out));
  }

  /** The history as Atom 1.0. */
  @GET
  @Path("history.atom")
  public Response atom(
      @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
      @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding,
      @Context UriInfo uri) {
    return feed(Format.ATOM, ifNoneMatch, acceptEncoding, uri);
  }

  /** The history as RSS 2.0. */
  @GET
  @Path("history.rss")
  public Response rss(
      @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
      @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding,
      @Context UriInfo uri) {
    return feed(Format.RSS, ifNoneMatch, acceptEncoding, uri);
  }

  private Response feed(Format format, String ifNoneMatch, String acceptEncoding, UriInfo uri) {
    PageSnapshot snapshot = service.snapshot();
    if (!snapshot.available()) {
      return responses.unavailable(false, settings.title(), PageSettings.MIN_REFRESH,
          words.get(languages.get(0).getLanguage()));
    }
    YearMonth current = history.currentMonth();
    List<NoticeHistory.Month> months = new ArrayList<>();
    for (YearMonth month : List.of(current, current.minusMonths(1))) {
      if (month.isBefore(history.earliestMonth())) {
        continue;
      }
      Optional<NoticeHistory.Month> read = history.month(month);
      if (read.isEmpty()) {
        return responses.readingJson("The history is being read.", READ_AGAIN);
      }
      months.add(read.get());
    }
    String pageUrl = publicUrl.orElseGet(() -> {
      URI address = uri.getBaseUri();
      return address.getScheme() + "://" + address.getRawAuthority() + StatusPageResource.base(uri)
          + prefix;
    });
    long version = version(snapshot);
    String tag = format.name().toLowerCase(Locale.ROOT) + "-" + version;
    PageCache.Key key = new PageCache.Key(tag, 0, pageUrl, PageCache.Coding.PLAIN);
    PageCache.Render render = () -> NoticeFeed.write(new NoticeFeed.Content(settings.title(), pageUrl,
        feedNotices(snapshot.notices(), months), routeNames(snapshot), settings.zone(),
        snapshot.readAt().orElseThrow(), words.get(languages.get(0).getLanguage())), format);
    Response.ResponseBuilder answer =
        cached(feeds, version, key, tag, snapshot, ifNoneMatch, acceptEncoding, render, false);
    return answer.type(format.mediaType())
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", FEED_POLICY)
        .build();
  }

  /** Writes one of the renderer's pages. */
  private interface PageWriter {
    void write(PageLinks links, OutputStream out) throws IOException;
  }

  /**
   * A page of the renderer in a language, kept once rendered; a renderer without such pages makes
   * it a 404. One render per configured language, each with its own tag: a cache never serves one
   * for another.
   */
  private Response html(String page, Locale language, PageSnapshot snapshot, String base,
      String ifNoneMatch, String acceptEncoding, PageWriter writer) {
    long version = version(snapshot);
    String name = page + "-" + language.toLanguageTag();
    String tag = name + "-" + version;
    PageCache.Key key = new PageCache.Key(name, 0, base, PageCache.Coding.PLAIN);
    PageLinks links = new PageLinks(base + prefix, base + prefix + "/assets/");
    PageCache.Render render = () -> {
      ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
      writer.write(links, out);
      return out.toByteArray();
    };
    try {
      return PageResponses.htmlHeaders(
              cached(pages, version, key, tag, snapshot, ifNoneMatch, acceptEncoding, render,
                  languages.size() > 1), policy)
          .type(renderer.mediaType())
          .build();
    } catch (UnsupportedOperationException noSuchPages) {
      return responses.error(Response.Status.NOT_FOUND,
          "The page's renderer has no such page").build();
    }
  }

  private Response.ResponseBuilder cached(PageCache cache, long version, PageCache.Key key,
      String tag, PageSnapshot snapshot, String ifNoneMatch, String acceptEncoding,
      PageCache.Render render, boolean byLanguage) {
    EntityTag etag = new EntityTag(tag, true);
    CacheControl caching = PageResponses.cacheFor(
        Duration.between(clock.instant(), snapshot.freshUntil().orElseThrow()));
    String vary = byLanguage
        ? HttpHeaders.ACCEPT_ENCODING + ", " + HttpHeaders.ACCEPT_LANGUAGE
        : HttpHeaders.ACCEPT_ENCODING;
    if (PageHeaders.noneMatchHas(ifNoneMatch, tag)) {
      return Response.notModified(etag).cacheControl(caching).header(HttpHeaders.VARY, vary);
    }
    Response.ResponseBuilder ok = Response.ok()
        .header(HttpHeaders.VARY, vary)
        .tag(etag)
        .cacheControl(caching);
    if (PageHeaders.acceptsGzip(acceptEncoding)) {
      return ok.entity(cache.gzipped(version, key, render)).header(HttpHeaders.CONTENT_ENCODING, "gzip");
    }
    return ok.entity(cache.body(version, key, render));
  }

  /**
   * One number that grows whenever what these pages show may have changed: the snapshot's
   * generation and staleness, and what the history has read.
   */
  private long version(PageSnapshot snapshot) {
    return snapshot.version() + history.generation();
  }

  private Response noSuchNotice(String id) {
    return responses.error(Response.Status.NOT_FOUND,
        "No incident or maintenance " + PageResponses.printable(id)).build();
  }

  private static Map<RouteKey, String> routeNames(PageSnapshot snapshot) {
    // A one-day window: its routes and names are the page's, at the least cost.
    StatusPage page = snapshot.page(1);
    return page.routeNames();
  }

  /** A month's closed notices and the open ones that began in it, newest start first. */
  private List<Notice> monthNotices(NoticeHistory.Month month, List<Notice> current) {
    Map<String, Notice> byId = new LinkedHashMap<>();
    month.closed().forEach(notice -> byId.put(notice.id(), notice));
    for (Notice notice : current) {
      YearMonth began = YearMonth.from(notice.startedAt().atZone(settings.zone()));
      if (notice.isOpen() && notice.status() != NoticeStatus.SCHEDULED && began.equals(month.month())) {
        byId.merge(notice.id(), notice, NoticePagesResource::newer);
      }
    }
    List<Notice> listed = new ArrayList<>(byId.values());
    listed.sort(Comparator.comparing(Notice::startedAt).reversed());
    return listed;
  }

  /** Every notice the feeds may list, the most recently changed first. */
  private static List<Notice> feedNotices(List<Notice> current, List<NoticeHistory.Month> months) {
    Map<String, Notice> byId = new LinkedHashMap<>();
    current.forEach(notice -> byId.merge(notice.id(), notice, NoticePagesResource::newer));
    for (NoticeHistory.Month month : months) {
      month.closed().forEach(notice -> byId.merge(notice.id(), notice, NoticePagesResource::newer));
    }
    List<Notice> listed = new ArrayList<>(byId.values());
    listed.sort(Comparator.comparing(Notice::updatedAt).reversed().thenComparing(Notice::id));
    return listed;
  }

  /** Of two reads of one notice, the later revision. */
  private static Notice newer(Notice a, Notice b) {
    return b.version() > a.version() ? b : a;
  }
}
