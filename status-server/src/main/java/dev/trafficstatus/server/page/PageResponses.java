package dev.trafficstatus.server.page;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The page's answers other than the page: errors as JSON (or a short HTML page for browsers),
 * with the headers every answer of the page carries.
 */
final class PageResponses {

  /** Nothing inline, nothing from elsewhere: what the renderer ships is all the page may load. */
  static final String CONTENT_SECURITY_POLICY = contentSecurityPolicy(List.of());

  /**
   * What an asset may do when opened on its own (an SVG logo is a document that could hold a
   * script): nothing. A style sheet or script used by the page is not bound by it.
   */
  static final String ASSET_POLICY = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

  private static final Pattern ORIGIN =
      Pattern.compile("https://[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:[0-9]{1,5})?");

  private static final String HTML = "text/html;charset=UTF-8";

  /** JSON errors are for programs and their logs: in English, whatever the page's language. */
  private static final ServerWords ENGLISH = ServerWords.of(java.util.Locale.ENGLISH);

  private final ObjectMapper json;

  /**
   * @param json the page's own mapper
   */
  PageResponses(ObjectMapper json) {
    this.json = json;
  }

  /**
   * The page's policy, with the renderer's image origins (an owner's logo) and nothing else added.
   * No form may be sent from it: the subscribe form is on a page of its own ({@link
   * #subscribePagePolicy}), since the status page reloads itself.
   *
   * @param imageSources https origins, from {@link dev.trafficstatus.spi.page.PageRenderer#imageSources()}
   * @return the policy
   * @throws IllegalArgumentException when a source is not a bare https origin
   */
  static String contentSecurityPolicy(List<String> imageSources) {
    return "default-src 'none'; style-src 'self'; script-src 'self'; img-src " + images(imageSources) + ";"
        + " base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
  }

  /**
   * The subscribe page's policy: the page's style and images, no script (the form needs none), and
   * {@code form-action 'self'}: without it browsers refuse to send the form at all (it posts to
   * the page's own origin, and nothing else may be a form's target).
   *
   * @param imageSources https origins, from {@link dev.trafficstatus.spi.page.PageRenderer#imageSources()}
   * @return the policy
   * @throws IllegalArgumentException when a source is not a bare https origin
   */
  static String subscribePagePolicy(List<String> imageSources) {
    return "default-src 'none'; style-src 'self'; img-src " + images(imageSources) + ";"
        + " base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
  }

  private static String images(List<String> imageSources) {
    StringBuilder images = new StringBuilder("'self' data:");
    for (String origin : imageSources) {
      if (origin == null || !ORIGIN.matcher(origin).matches()) {
        throw new IllegalArgumentException("the renderer asks to load images from '" + origin
            + "', which is not an https origin such as https://cdn.example.com");
      }
      images.append(' ').append(origin);
    }
    return images.toString();
  }

  /** Security headers of every HTML answer of the page's own making (errors, one moment). */
  static Response.ResponseBuilder htmlHeaders(Response.ResponseBuilder response) {
    return htmlHeaders(response, CONTENT_SECURITY_POLICY);
  }

  /**
   * Security headers of every HTML answer.
   *
   * @param response the answer
   * @param policy the Content-Security-Policy, from {@link #contentSecurityPolicy(List)}
   * @return the answer
   */
  static Response.ResponseBuilder htmlHeaders(Response.ResponseBuilder response, String policy) {
    return response
        .header("Content-Security-Policy", policy)
        .header("X-Content-Type-Options", "nosniff")
        .header("Referrer-Policy", "no-referrer")
        .header("X-Frame-Options", "DENY");
  }

  /** Caches may keep a response this long (never negative), and may compress it. */
  static CacheControl cacheFor(Duration fresh) {
    CacheControl cache = new CacheControl();
    cache.setNoTransform(false);
    cache.setMaxAge((int) Math.max(0, Math.min(Integer.MAX_VALUE, fresh.toSeconds())));
    return cache;
  }

  /** An answer nobody may keep. */
  private static CacheControl noStore() {
    CacheControl cache = new CacheControl();
    cache.setNoTransform(false);
    cache.setNoStore(true);
    return cache;
  }

  /**
   * A JSON error: {@code {"error": message}}.
   *
   * @param status the status
   * @param message what is wrong, for people
   * @return the response builder
   */
  Response.ResponseBuilder error(Response.Status status, String message) {
    try {
      return Response.status(status)
          .type(MediaType.APPLICATION_JSON_TYPE)
          .header("X-Content-Type-Options", "nosniff")
          .cacheControl(noStore())
          .entity(json.writeValueAsBytes(Map.of("error", message)));
    } catch (JsonProcessingException bug) {
      throw new IllegalStateException(bug);
    }
  }

  /**
   * Nothing read since start: 503 with {@code Retry-After}.
   *
   * @param html whether the client asked for HTML
   * @param title the page title
   * @param retry when to ask again
   * @param words the words of the page's language, for HTML; JSON errors are in English
   * @return the response
   */
  Response unavailable(boolean html, String title, Duration retry, ServerWords words) {
    ServerWords in = html ? words : ENGLISH;
    String message = in.format("unavailable", in.counted(retry.toSeconds(), "second"));
    Response.ResponseBuilder answer = html
        ? htmlPage(Response.Status.SERVICE_UNAVAILABLE, in.format("unavailable_head", title), title,
            message, Map.of(), retry, in.lang())
        : error(Response.Status.SERVICE_UNAVAILABLE, message);
    return answer.header(HttpHeaders.RETRY_AFTER, retry.toSeconds()).build();
  }

  /**
   * What a page shows is being read in the background (a month of history, an old incident): 503
   * with {@code Retry-After}, as a short page that reloads itself when it is ready.
   *
   * @param title the page title
   * @param message what is being read, for people, in the words' language
   * @param retry when to ask again
   * @param words the words of the page's language
   * @return the response
   */
  Response reading(String title, String message, Duration retry, ServerWords words) {
    return htmlPage(Response.Status.SERVICE_UNAVAILABLE, words.format("moment_head", title), title,
            message + " " + words.format("reloads"), Map.of(), retry, words.lang())
        .header(HttpHeaders.RETRY_AFTER, retry.toSeconds())
        .build();
  }

  /**
   * The same for a client that is not a browser (a feed reader): a JSON error.
   *
   * @param message what is being read
   * @param retry when to ask again
   * @return the response
   */
  Response readingJson(String message, Duration retry) {
    return error(Response.Status.SERVICE_UNAVAILABLE, message + " Try again in "
            + retry.toSeconds() + (retry.toSeconds() == 1 ? " second." : " seconds."))
        .header(HttpHeaders.RETRY_AFTER, retry.toSeconds())
        .build();
  }

  /**
   * A window other than the configured ones while another is drawn, or after this interval's
   * budget for them is spent: 429 with {@code Retry-After}, naming the windows always served.
   *
   * @param html whether the client asked for HTML
   * @param title the page title
   * @param days the window asked for
   * @param budget renders of other windows per refresh interval
   * @param refresh the refresh interval
   * @param retry when to ask again
   * @param offered the windows always served, in days, each with its address
   * @param words the words of the page's language, for HTML; JSON errors are in English
   * @return the response
   */
  Response otherWindowsSpent(
      boolean html, String title, int days, int budget, Duration refresh, Duration retry,
      Map<Integer, String> offered, ServerWords words) {
    ServerWords in = html ? words : ENGLISH;
    List<String> queries = offered.keySet().stream().map(d -> "?days=" + d).toList();
    String message = in.format("window", in.list(offered.keySet().stream().map(String::valueOf).toList()),
        days, budget, in.counted(refresh.toSeconds(), "second"), in.counted(retry.toSeconds(), "second"),
        String.join(", ", queries));
    Map<String, String> links = new LinkedHashMap<>();
    offered.forEach((length, href) -> links.put(in.format("window_link", length), href));
    Response.ResponseBuilder answer = html
        ? htmlPage(Response.Status.TOO_MANY_REQUESTS, in.format("window_head", title), title,
            message, links, retry, in.lang())
        : error(Response.Status.TOO_MANY_REQUESTS, message);
    return answer.header(HttpHeaders.RETRY_AFTER, retry.toSeconds()).build();
  }

  /** A short page of text and links, complete without style or script, that reloads itself. */
  private static Response.ResponseBuilder htmlPage(
      Response.Status status, String head, String title, String text, Map<String, String> links,
      Duration reload, String lang) {
    StringBuilder page = new StringBuilder(512)
        .append("<!DOCTYPE html>\n<html lang=\"").append(escape(lang))
        .append("\"><head><meta charset=\"UTF-8\"/>")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>")
        .append("<meta name=\"color-scheme\" content=\"light dark\"/>")
        .append("<meta http-equiv=\"refresh\" content=\"").append(reload.toSeconds()).append("\"/>")
        .append("<title>").append(escape(head)).append("</title></head>\n<body><main><h1>")
        .append(escape(title)).append("</h1><p>").append(escape(text)).append("</p>");
    if (!links.isEmpty()) {
      page.append("<ul>");
      links.forEach((label, href) -> page.append("<li><a href=\"").append(escape(href)).append("\">")
          .append(escape(label)).append("</a></li>"));
      page.append("</ul>");
    }
    page.append("</main></body></html>\n");
    return htmlHeaders(Response.status(status))
        .type(HTML)
        .cacheControl(noStore())
        .entity(page.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** Text as HTML character data or attribute value. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * Client input echoed in an error only as a short, quoted, control-free string.
   *
   * @param given what the client sent
   * @return the text to show
   */
  static String printable(String given) {
    if (given == null) {
      return "nothing";
    }
    String clean = given.replaceAll("\\p{Cntrl}", "?");
    return "'" + (clean.length() > 40 ? clean.substring(0, 40) + "…" : clean) + "'";
  }
}
