package dev.trafficstatus.server.page;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trafficstatus.core.status.StatusService;
import dev.trafficstatus.spi.page.Asset;
import dev.trafficstatus.spi.page.PageLinks;
import dev.trafficstatus.spi.page.PageRenderer;
import dev.trafficstatus.spi.page.StatusPage;
import dev.trafficstatus.spi.store.StoreException;
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
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The status page at the configured prefix: HTML from the renderer plugin, or the same model as
 * JSON when asked with {@code Accept: application/json}; and the renderer's assets under
 * {@code assets/}. Registered under the prefix by {@link PageRoutes}; the {@code @Path} here is a
 * placeholder.
 *
 * <p>Each body is rendered once per page model and kept ({@link RenderedPages}), gzipped once for
 * clients that accept it: within a refresh interval a request costs a copy of bytes, not a render
 * or a compression.
 *
 * <p>Responses carry an {@code ETag} and a {@code Cache-Control} no longer than what is left of the
 * page's refresh interval; HTML also carries a Content-Security-Policy that forbids inline scripts
 * and styles. JSON is written with a mapper of our own, so a host app's ObjectMapper settings never
 * change its shape.
 */
@Path("/")
public final class StatusPageResource {

  private static final Logger LOG = LoggerFactory.getLogger(StatusPageResource.class);

  /** Nothing inline, nothing from elsewhere: what the renderer ships is all the page may load. */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:;"
          + " base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  private static final MediaType JSON = MediaType.APPLICATION_JSON_TYPE;

  private final StatusService service;
  private final PageRenderer renderer;
  private final PageLinks links;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();
  private final AtomicBoolean storeFailureLogged = new AtomicBoolean();
  /** The default window's HTML and JSON, and a couple of other windows. */
  private final RenderedPages rendered = new RenderedPages(4);

  /**
   * @param service the page model
   * @param renderer the HTML renderer
   * @param prefix where the page is served, such as {@code /status}
   * @param clock what "now" is
   */
  public StatusPageResource(StatusService service, PageRenderer renderer, String prefix, Clock clock) {
    this.service = service;
    this.renderer = renderer;
    this.links = new PageLinks(prefix, prefix + "/assets/");
    this.clock = clock;
  }

  /** The page as HTML: what browsers and {@code curl} get. */
  @GET
  @Produces("text/html;qs=1")
  public Response html(
      @QueryParam("days") String days,
      @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding,
      @Context Request request) {
    return answer(days, request, "html", page -> {
      RenderedPages.Body body = rendered.body("html", page, (p, out) -> renderer.render(p, links, out));
      return send(body, renderer.mediaType(), acceptEncoding)
          .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
          .header("X-Content-Type-Options", "nosniff")
          .header("Referrer-Policy", "no-referrer")
          .header("X-Frame-Options", "DENY");
    });
  }

  /** The page as JSON, for {@code Accept: application/json}. */
  @GET
  @Produces("application/json;qs=0.5")
  public Response json(
      @QueryParam("days") String days,
      @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding,
      @Context Request request) {
    return answer(days, request, "json", page -> {
      RenderedPages.Body body =
          rendered.body("json", page, (p, out) -> json.writeValue(out, PageJson.from(p)));
      return send(body, MediaType.APPLICATION_JSON, acceptEncoding)
          .header("X-Content-Type-Options", "nosniff");
    });
  }

  /**
   * A kept body, gzipped when the client accepts it: compressed once per page model here rather
   * than by the server's gzip handler on every request (which leaves a response that already has
   * a Content-Encoding alone).
   */
  private static Response.ResponseBuilder send(
      RenderedPages.Body body, String type, String acceptEncoding) {
    Response.ResponseBuilder ok =
        Response.ok().type(type).header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
    if (RenderedPages.acceptsGzip(acceptEncoding)) {
      return ok.entity(body.gzipped()).header(HttpHeaders.CONTENT_ENCODING, "gzip");
    }
    return ok.entity(body.plain());
  }

  /** A style sheet, script or icon of the renderer. */
  @GET
  @Path("assets/{name}")
  public Response asset(@PathParam("name") String name, @Context Request request) {
    Asset asset = renderer.asset(name).orElse(null);
    if (asset == null) {
      return error(Response.Status.NOT_FOUND, "No asset named " + printable(name));
    }
    EntityTag tag = new EntityTag(sha256(asset.content()));
    Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
    CacheControl cache = cacheFor(Duration.ofDays(1));
    if (unchanged != null) {
      return unchanged.cacheControl(cache).build();
    }
    return Response.ok(asset.content(), asset.mediaType())
        .tag(tag)
        .cacheControl(cache)
        .header("X-Content-Type-Options", "nosniff")
        .build();
  }

  private interface Body {
    Response.ResponseBuilder of(StatusPage page);
  }

  private Response answer(String daysParam, Request request, String variant, Body body) {
    int days;
    try {
      days = daysParam == null || daysParam.isBlank()
          ? service.settings().defaultDays()
          : Integer.parseInt(daysParam.trim());
    } catch (NumberFormatException notANumber) {
      return badDays(daysParam);
    }
    if (days < 1 || days > service.settings().maxDays()) {
      return badDays(daysParam);
    }
    StatusPage page;
    try {
      page = service.page(days);
      storeFailureLogged.set(false);
    } catch (StoreException unreachable) {
      if (storeFailureLogged.compareAndSet(false, true)) {
        LOG.warn("The status page cannot read the store; answering 503 until it can", unreachable);
      }
      return error(
          Response.Status.SERVICE_UNAVAILABLE,
          "The status store cannot be read right now; try again in a minute");
    }
    EntityTag tag =
        new EntityTag(variant + "-" + days + "-" + page.generatedAt().toEpochMilli(), true);
    CacheControl cache =
        cacheFor(Duration.between(clock.instant(), page.generatedAt().plus(page.refresh())));
    Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
    if (unchanged != null) {
      return unchanged.cacheControl(cache).build();
    }
    return body.of(page).tag(tag).cacheControl(cache).build();
  }

  /** Caches may keep a response this long (never negative), and may compress it. */
  private static CacheControl cacheFor(Duration fresh) {
    CacheControl cache = new CacheControl();
    cache.setNoTransform(false);
    cache.setMaxAge((int) Math.max(0, Math.min(Integer.MAX_VALUE, fresh.toSeconds())));
    return cache;
  }

  private Response badDays(String given) {
    return error(
        Response.Status.BAD_REQUEST,
        "days must be a whole number from 1 to " + service.settings().maxDays() + ", got "
            + printable(given));
  }

  private Response error(Response.Status status, String message) {
    try {
      return Response.status(status)
          .type(JSON)
          .entity(json.writeValueAsBytes(Map.of("error", message)))
          .build();
    } catch (JsonProcessingException bug) {
      throw new IllegalStateException(bug);
    }
  }

  /** Echoes client input in an error only as a short, quoted, control-free string. */
  private static String printable(String given) {
    if (given == null) {
      return "nothing";
    }
    String clean = given.replaceAll("\\p{Cntrl}", "?");
    return "'" + (clean.length() > 40 ? clean.substring(0, 40) + "…" : clean) + "'";
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
