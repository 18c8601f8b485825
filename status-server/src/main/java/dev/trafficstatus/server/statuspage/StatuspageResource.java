package dev.trafficstatus.server.statuspage;

import dev.trafficstatus.core.status.PageSettings;
import dev.trafficstatus.core.status.PageSnapshot;
import dev.trafficstatus.core.status.StatusService;
import dev.trafficstatus.server.statuspage.PublicResponses.Body;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Function;

/**
 * Atlassian Statuspage's public API (v2), read-only and public like the page: {@code summary.json},
 * {@code status.json}, {@code components.json}, {@code incidents.json}, {@code
 * incidents/unresolved.json}, {@code scheduled-maintenances.json}, {@code
 * scheduled-maintenances/upcoming.json} and {@code scheduled-maintenances/active.json}, with
 * Statuspage's field names, types, enums and envelopes (see {@link StatuspageView}). Served under
 * {@code status.statuspageApi.path} ({@code /api/v2} at the application's root by default, where
 * Statuspage's clients look) by {@link StatuspageRoutes}; the {@code @Path} here is a placeholder.
 *
 * <p>Every answer is a projection of the page service's snapshot, the figures the page shows:
 * no request reads the store, each body is written once per version of the figures (and page
 * URL), stale figures are served while the store cannot be read, and 503 answers before anything
 * was read. Answers are readable from any origin and carry an {@code ETag} and a
 * {@code Cache-Control} as the page's ({@link PublicResponses}).
 */
@Path("/")
public final class StatuspageResource {

  /** How many page URLs (one per Host header when no public URL is configured) are kept. */
  private static final int URLS_KEPT = 8;

  private record Key(String endpoint, String url) {}

  private final StatusService service;
  private final String pageId;
  private final String publicUrl;
  private final String pagePrefix;
  private final Clock clock;
  private final ProjectionCache<String, StatuspageView> views = new ProjectionCache<>(URLS_KEPT);
  private final ProjectionCache<Key, Body> bodies = new ProjectionCache<>(URLS_KEPT * 8);

  /**
   * @param service the page's figures
   * @param pageId the page's id
   * @param publicUrl the page's absolute URL ({@code page.publicUrl}), or null to take it from
   *     each request
   * @param pagePrefix where the page is served, such as {@code /status}
   * @param clock what "now" is
   */
  public StatuspageResource(
      StatusService service, String pageId, String publicUrl, String pagePrefix, Clock clock) {
    this.service = Objects.requireNonNull(service, "service");
    this.pageId = Objects.requireNonNull(pageId, "pageId");
    this.publicUrl = publicUrl;
    this.pagePrefix = Objects.requireNonNull(pagePrefix, "pagePrefix");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The page, every component, unresolved incidents, upcoming and running maintenances, status. */
  @GET
  @Path("summary.json")
  public Response summary(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String tag, @Context UriInfo uri) {
    return answer("summary", StatuspageView::summary, tag, uri);
  }

  /** The page and its rolled-up status. */
  @GET
  @Path("status.json")
  public Response status(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String tag, @Context UriInfo uri) {
    return answer("status", StatuspageView::status, tag, uri);
  }

  /** Every route and group as components. */
  @GET
  @Path("components.json")
  public Response components(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String tag, @Context UriInfo uri) {
    return answer("components", StatuspageView::components, tag, uri);
  }

  /** The most recent incidents. */
  @GET
  @Path("incidents.json")
  public Response incidents(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String tag, @Context UriInfo uri) {
    return answer("incidents", StatuspageView::incidents, tag, uri);
  }

  /** The open incidents. */
  @GET
  @Path("incidents/unresolved.json")
  public Response unresolved(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String tag, @Context UriInfo uri) {
    return answer("unresolved", StatuspageView::unresolved, tag, uri);
  }

  /** The most recent maintenances. */
  @GET
  @Path("scheduled-maintenances.json")
  public Response maintenances(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String tag, @Context UriInfo uri) {
    return answer("maintenances", StatuspageView::maintenances, tag, uri);
  }

  /** Maintenances whose window has not begun. */
  @GET
  @Path("scheduled-maintenances/upcoming.json")
  public Response upcoming(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String tag, @Context UriInfo uri) {
    return answer("upcoming", StatuspageView::upcoming, tag, uri);
  }

  /** Maintenances whose window is running. */
  @GET
  @Path("scheduled-maintenances/active.json")
  public Response active(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String tag, @Context UriInfo uri) {
    return answer("active", StatuspageView::active, tag, uri);
  }

  private Response answer(
      String endpoint, Function<StatuspageView, Object> project, String ifNoneMatch, UriInfo uri) {
    PageSnapshot snapshot = service.snapshot();
    if (!snapshot.available()) {
      return PublicResponses.unavailable(PageSettings.MIN_REFRESH);
    }
    long version = snapshot.version();
    String url = publicUrl != null ? publicUrl : fromRequest(uri);
    Body body = bodies.get(version, new Key(endpoint, url), () -> {
      StatuspageView view = views.get(version, url, () -> new StatuspageView(
          snapshot.page(service.settings().defaultDays()), pageId, url));
      return Body.of(StatuspageWriter.bytes(project.apply(view)), "application/json");
    });
    return PublicResponses.body(body, snapshot, clock.instant(), ifNoneMatch);
  }

  /** The page's URL as this request reached the server: scheme, host, base path and prefix. */
  private String fromRequest(UriInfo uri) {
    URI base = uri.getBaseUri();
    String path = base.getRawPath() == null ? "" : base.getRawPath();
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return base.getScheme() + "://" + base.getRawAuthority() + path + pagePrefix;
  }
}
