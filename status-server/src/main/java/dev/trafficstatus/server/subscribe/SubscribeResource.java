package dev.trafficstatus.server.subscribe;

import dev.trafficstatus.core.subscribe.SubscribeAnswer;
import dev.trafficstatus.core.subscribe.Subscriptions;
import dev.trafficstatus.server.page.PageLanguages;
import dev.trafficstatus.server.page.ServerWords;
import dev.trafficstatus.spi.store.StoreException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The subscribe form's target ({@code POST subscribe}), the confirmation link ({@code GET
 * subscribe/confirm} shows a button, {@code POST} confirms: mail scanners follow links, and a GET
 * must not subscribe anyone) and the unsubscribe link ({@code GET unsubscribe} shows a button;
 * {@code POST}, also RFC 8058's one-click POST, unsubscribes). Registered under the page's prefix
 * by {@link SubscribeRoutes}; the {@code @Path} here is a placeholder.
 *
 * <p>The form is refused when a browser says it was sent from another site ({@code Origin} not
 * this host, or {@code Sec-Fetch-Site: cross-site}), so no other site can make its visitors
 * subscribe addresses. Its answer is the same whatever the address's state.
 */
@Path("/")
public final class SubscribeResource {

  private static final String POLICY =
      "default-src 'none'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

  private final Subscriptions subscriptions;
  private final List<Locale> languages;
  private final Map<String, SubscribePages> byLanguage;
  private final String prefix;
  private final Optional<URI> publicUrl;

  /**
   * @param subscriptions subscribing, confirming and unsubscribing
   * @param prefix the page's path, such as {@code /status}
   * @param publicUrl {@code page.publicUrl}: a form sent from there is from this page too
   * @param languages the page's languages ({@code page.locales}), the default first: each answer
   *     is in the one the browser's {@code Accept-Language} prefers
   */
  public SubscribeResource(Subscriptions subscriptions, String prefix, Optional<URI> publicUrl,
      List<Locale> languages) {
    this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions");
    this.prefix = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
    this.languages = List.copyOf(languages);
    if (this.languages.isEmpty()) {
      throw new IllegalArgumentException("the subscribe pages need at least one language");
    }
    Map<String, SubscribePages> pages = new LinkedHashMap<>();
    ServerWords.of(this.languages).forEach((code, words) -> pages.put(code, new SubscribePages(prefix, words)));
    this.byLanguage = Map.copyOf(pages);
    this.publicUrl = Objects.requireNonNull(publicUrl, "publicUrl");
  }

  /**
   * The subscribe form's target.
   *
   * @param email the address
   * @param routes the rules of the routes asked about, none for all
   * @param origin the browser's {@code Origin}
   * @param fetchSite the browser's {@code Sec-Fetch-Site}
   * @param request for the host asked and the client's address
   * @return 200 "check your mail" whatever the address's state; 400, 403 or 429 with nothing done
   */
  @POST
  @Path("subscribe")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  public Response subscribe(
      @FormParam("email") String email,
      @FormParam("route") List<String> routes,
      @HeaderParam("Origin") String origin,
      @HeaderParam("Sec-Fetch-Site") String fetchSite,
      @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
      @Context HttpServletRequest request) {
    SubscribePages pages = pages(acceptLanguage);
    if (!sameSite(origin, fetchSite, request)) {
      return answer(403, pages.crossSite());
    }
    List<String> rules = new ArrayList<>();
    if (routes != null) {
      routes.stream().filter(r -> r != null && !r.isBlank()).map(String::strip).forEach(rules::add);
    }
    SubscribeAnswer answer = subscriptions.subscribe(email, rules, request.getRemoteAddr());
    return switch (answer) {
      case ACCEPTED -> answer(200, pages.checkYourMail());
      case INVALID -> answer(400, pages.invalid());
      case TOO_MANY_REQUESTS ->
          Response.fromResponse(answer(429, pages.tooMany()))
              .header("Retry-After", Long.toString(subscriptions.limits().clientPeriod().toSeconds()))
              .build();
    };
  }

  /**
   * The confirmation link: a button, so that following the link subscribes nobody.
   *
   * @param token the link's token
   * @return 200 with the button, or 400 when the token cannot be one
   */
  @GET
  @Path("subscribe/confirm")
  @Produces(MediaType.TEXT_HTML)
  public Response confirmButton(@QueryParam("token") String token,
      @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
    SubscribePages pages = pages(acceptLanguage);
    if (!Subscriptions.looksLikeToken(token)) {
      return answer(400, pages.linkDoesNotWork());
    }
    return answer(200, pages.confirmButton(prefix + "/subscribe/confirm", token));
  }

  /**
   * The confirm button's target.
   *
   * @param token the link's token
   * @return 200 when confirmed; 400 when the link was used, replaced or expired
   */
  @POST
  @Path("subscribe/confirm")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  public Response confirm(@FormParam("token") String token,
      @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
    SubscribePages pages = pages(acceptLanguage);
    try {
      return subscriptions.confirm(token)
          ? answer(200, pages.confirmed())
          : answer(400, pages.linkDoesNotWork());
    } catch (StoreException down) {
      return unavailable(pages);
    }
  }

  /**
   * The unsubscribe link: a button, for people who open it in a browser.
   *
   * @param token the link's token
   * @return 200 with the button
   */
  @GET
  @Path("unsubscribe")
  @Produces(MediaType.TEXT_HTML)
  public Response unsubscribeButton(@QueryParam("token") String token,
      @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
    SubscribePages pages = pages(acceptLanguage);
    if (!Subscriptions.looksLikeToken(token)) {
      return answer(400, pages.linkDoesNotWork());
    }
    return answer(
        200,
        pages.unsubscribeButton(prefix + "/unsubscribe?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)));
  }

  /**
   * Unsubscribes: the button's target and RFC 8058's one-click POST ({@code
   * List-Unsubscribe=One-Click}), which mail providers send from their own servers.
   *
   * @param token the link's token
   * @return 200 "unsubscribed", also when the address was gone already
   */
  @POST
  @Path("unsubscribe")
  @Produces(MediaType.TEXT_HTML)
  public Response unsubscribe(@QueryParam("token") String token,
      @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
    SubscribePages pages = pages(acceptLanguage);
    if (!Subscriptions.looksLikeToken(token)) {
      return answer(400, pages.linkDoesNotWork());
    }
    try {
      subscriptions.unsubscribe(token);
      return answer(200, pages.unsubscribed());
    } catch (StoreException down) {
      return unavailable(pages);
    }
  }

  /** The pages in the language the browser prefers among the page's. */
  private SubscribePages pages(String acceptLanguage) {
    return byLanguage.get(PageLanguages.choose(acceptLanguage, languages).getLanguage());
  }

  private Response unavailable(SubscribePages pages) {
    return Response.fromResponse(answer(503, pages.unavailable())).header("Retry-After", "60").build();
  }

  /**
   * Whether a form comes from this site: browsers send {@code Origin} with every POST, and {@code
   * Sec-Fetch-Site}; a client that sends neither is no browser, and a browser's visitor cannot be
   * made to send it.
   */
  private boolean sameSite(String origin, String fetchSite, HttpServletRequest request) {
    String site = fetchSite == null ? "" : fetchSite.strip().toLowerCase(Locale.ROOT);
    if (site.equals("cross-site")) {
      return false;
    }
    if (site.equals("same-origin")) {
      // Set by the browser, never by a page's script: the page's own form. Its Origin is "null"
      // there, since the page's Referrer-Policy is no-referrer.
      return true;
    }
    if (origin == null || origin.isBlank()) {
      return true;
    }
    URI from;
    try {
      from = URI.create(origin.strip());
    } catch (IllegalArgumentException notAUri) {
      return false;
    }
    if (from.getHost() == null) {
      return false;
    }
    String authority = from.getAuthority().toLowerCase(Locale.ROOT);
    String host = request.getHeader("Host");
    if (host != null && authority.equals(host.strip().toLowerCase(Locale.ROOT))) {
      return true;
    }
    return publicUrl
        .map(URI::getAuthority)
        .map(own -> own.toLowerCase(Locale.ROOT).equals(authority))
        .orElse(false);
  }

  private Response answer(int status, String html) {
    return Response.status(status)
        .header(HttpHeaders.VARY, languages.size() > 1 ? HttpHeaders.ACCEPT_LANGUAGE : null)
        .type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
        .header("Cache-Control", "no-store")
        .header("Referrer-Policy", "no-referrer")
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", POLICY)
        .entity(html)
        .build();
  }
}
