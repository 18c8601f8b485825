package dev.trafficstatus.server.statuspage;

import dev.trafficstatus.core.status.PageSnapshot;
import dev.trafficstatus.server.page.PageHeaders;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

/**
 * The answers of the public JSON and badges: open to every origin ({@code
 * Access-Control-Allow-Origin: *}, so a page elsewhere may {@code fetch()} them), with an {@code
 * ETag} (answered {@code 304} when the client has it) and a {@code Cache-Control} no longer than
 * what is left of the page's refresh interval, as the page's own.
 */
final class PublicResponses {

  /** A body and its entity tag. */
  record Body(byte[] bytes, String mediaType, String tag) {

    static Body of(byte[] bytes, String mediaType) {
      return new Body(bytes, mediaType, sha256(bytes));
    }
  }

  private PublicResponses() {}

  /**
   * A body, or "not modified" when the client already has it.
   *
   * @param body the body
   * @param snapshot the figures it was made from, for how long it may be kept
   * @param now the current time
   * @param ifNoneMatch the request's header, possibly malformed
   * @return the answer
   */
  static Response body(Body body, PageSnapshot snapshot, Instant now, String ifNoneMatch) {
    CacheControl caching =
        cacheFor(Duration.between(now, snapshot.freshUntil().orElse(now)));
    EntityTag tag = new EntityTag(body.tag());
    if (PageHeaders.noneMatchHas(ifNoneMatch, body.tag())) {
      return open(Response.notModified(tag)).cacheControl(caching).build();
    }
    return open(Response.ok(body.bytes(), body.mediaType()))
        .tag(tag)
        .cacheControl(caching)
        .header("X-Content-Type-Options", "nosniff")
        .build();
  }

  /**
   * A JSON error: {@code {"error": message}}, never kept.
   *
   * @param status the status
   * @param message what is wrong
   * @return the answer, to which headers may be added
   */
  static Response.ResponseBuilder error(Response.Status status, String message) {
    CacheControl noStore = new CacheControl();
    noStore.setNoTransform(false);
    noStore.setNoStore(true);
    return open(Response.status(status))
        .type("application/json")
        .cacheControl(noStore)
        .header("X-Content-Type-Options", "nosniff")
        .entity(StatuspageWriter.bytes(Map.of("error", message)));
  }

  /**
   * Nothing read since start: 503 with {@code Retry-After}, as the page answers.
   *
   * @param retry when to ask again
   * @return the answer
   */
  static Response unavailable(Duration retry) {
    return error(Response.Status.SERVICE_UNAVAILABLE,
        "Figures unavailable: the status database has not been read since this server started."
            + " Try again in " + retry.toSeconds() + " seconds.")
        .header(HttpHeaders.RETRY_AFTER, retry.toSeconds())
        .build();
  }

  /** Readable from any origin, with the entity tag visible to scripts. */
  private static Response.ResponseBuilder open(Response.ResponseBuilder response) {
    return response
        .header("Access-Control-Allow-Origin", "*")
        .header("Access-Control-Expose-Headers", "ETag");
  }

  private static CacheControl cacheFor(Duration fresh) {
    CacheControl cache = new CacheControl();
    cache.setNoTransform(false);
    cache.setMaxAge((int) Math.max(0, Math.min(Integer.MAX_VALUE, fresh.toSeconds())));
    return cache;
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
