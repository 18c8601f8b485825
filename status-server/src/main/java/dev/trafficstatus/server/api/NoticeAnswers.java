package dev.trafficstatus.server.api;

import dev.trafficstatus.core.notice.InvalidNoticeException;
import dev.trafficstatus.server.logging.RateLimitedLog;
import dev.trafficstatus.server.statuspage.NoticeCodec;
import dev.trafficstatus.server.statuspage.StatuspageWriter;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.notice.Notice;
import dev.trafficstatus.spi.store.ConcurrentChangeException;
import dev.trafficstatus.spi.store.StatusStore;
import dev.trafficstatus.spi.store.StoreException;
import dev.trafficstatus.spi.store.StoredRoute;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the incident and maintenance API answers, and how refusals and failures become answers: a
 * refusal of the request (or of {@link dev.trafficstatus.core.notice.NoticeService}'s validation)
 * is a 400 with its message, a change that kept racing others a 409, an unreachable store a 503;
 * a bug of ours a 500 that says nothing of it (logged, at most once a minute). Notices are written
 * as Statuspage's incident object, every affected route included.
 */
final class NoticeAnswers {

  private static final Logger LOG = LoggerFactory.getLogger(NoticeAnswers.class);
  private static final Pattern ID = Pattern.compile("[0-9a-z]{12}");

  /** What a request does; may refuse. */
  interface Action {
    Response run() throws ApiRejection;
  }

  private final StatusStore store;
  private final String pageId;
  private final String publicUrl;
  private final String pagePrefix;
  private final ZoneId zone;
  private final RateLimitedLog storeTrouble;
  private final RateLimitedLog bugs;

  /**
   * @param store the store, for route names
   * @param pageId the page's id
   * @param publicUrl the page's absolute URL, or null to take it from each request
   * @param pagePrefix where the page is served, or null when this process serves none
   * @param zone the page's time zone
   * @param clock what "now" is, for the rate of log lines
   */
  NoticeAnswers(StatusStore store, String pageId, String publicUrl, String pagePrefix, ZoneId zone,
      Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.pageId = Objects.requireNonNull(pageId, "pageId");
    this.publicUrl = publicUrl;
    this.pagePrefix = pagePrefix;
    this.zone = Objects.requireNonNull(zone, "zone");
    this.storeTrouble = new RateLimitedLog(LOG, Duration.ofMinutes(1), clock);
    this.bugs = new RateLimitedLog(LOG, Duration.ofMinutes(1), clock);
  }

  /** Runs a request's action and answers whatever comes of it. */
  Response answer(Action action) {
    try {
      return action.run();
    } catch (ApiRejection refused) {
      return refused.response();
    } catch (InvalidNoticeException invalid) {
      // Its messages name the field and the rule, never the text.
      return ApiResponses.error(Response.Status.BAD_REQUEST, invalid.getMessage()).build();
    } catch (ConcurrentChangeException raced) {
      return ApiResponses.error(Response.Status.CONFLICT,
          "The notice kept changing while this change was applied (others are updating it);"
              + " read it again and retry").build();
    } catch (StoreException unreachable) {
      storeTrouble.warn("The incident API could not reach the status store", unreachable);
      return ApiResponses.error(Response.Status.SERVICE_UNAVAILABLE,
          "The status store cannot be reached right now; try again later").build();
    } catch (RuntimeException bug) {
      bugs.error("The incident API failed unexpectedly", bug);
      return ApiResponses.error(Response.Status.INTERNAL_SERVER_ERROR,
          "The incident API failed; see the server log").build();
    }
  }

  /** The route names and ids the store knows, to read a request's routes. */
  NoticeFields fields() {
    return new NoticeFields(store.routes());
  }

  /** Refuses a path id that no notice could have, without asking the store. */
  static String id(String id, String kind) throws ApiRejection {
    if (id == null || !ID.matcher(id).matches()) {
      throw notFound(kind);
    }
    return id;
  }

  static ApiRejection notFound(String kind) {
    return new ApiRejection(Response.Status.NOT_FOUND, "No " + kind + " by that id");
  }

  /** A notice as the answer, 200 or 201 (with its address). */
  Response notice(Response.Status status, Notice notice, UriInfo uri) {
    Object json = codec(uri).incident(notice);
    Response.ResponseBuilder answer = Response.status(status)
        .type("application/json")
        .entity(StatuspageWriter.bytes(json))
        .cacheControl(noStore())
        .header("X-Content-Type-Options", "nosniff");
    if (status == Response.Status.CREATED) {
      answer.location(uri.getAbsolutePathBuilder().path(notice.id()).build());
    }
    return answer.build();
  }

  /** Notices as the answer: {@code {"<envelope>": [...]}}. */
  Response list(String envelope, List<Notice> notices, UriInfo uri) {
    NoticeCodec codec = codec(uri);
    return Response.ok(StatuspageWriter.bytes(Map.of(envelope, notices.stream().map(codec::incident).toList())))
        .type("application/json")
        .cacheControl(noStore())
        .header("X-Content-Type-Options", "nosniff")
        .build();
  }

  private NoticeCodec codec(UriInfo uri) {
    Map<RouteKey, String> names = new HashMap<>();
    for (StoredRoute route : store.routes()) {
      names.put(route.key(), route.name());
    }
    return new NoticeCodec(pageId, pageUrl(uri), zone,
        NoticeCodec.everyRoute(pageId, route -> null, names::get));
  }

  private String pageUrl(UriInfo uri) {
    if (publicUrl != null) {
      return publicUrl;
    }
    if (pagePrefix == null) {
      return null;
    }
    URI base = uri.getBaseUri();
    String path = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "");
    return base.getScheme() + "://" + base.getRawAuthority() + path + pagePrefix;
  }

  private static CacheControl noStore() {
    CacheControl noStore = new CacheControl();
    noStore.setNoStore(true);
    noStore.setNoTransform(false);
    return noStore;
  }
}
