package dev.trafficstatus.server.api;

import io.dropwizard.auth.AuthFilter;
import io.dropwizard.auth.PrincipalImpl;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Lets a configure API request through only with {@code Authorization: Bearer <secret>}.
 *
 * <p>A dropwizard-auth {@link AuthFilter}, but not the stock {@code OAuthCredentialAuthFilter}:
 * that one also takes the token from an {@code access_token} query parameter, which ends up in
 * request logs, proxies and browser history. Here a request that carries {@code access_token} in
 * its query is refused even if its header is right, so clients learn to stop sending it.
 *
 * <p>Name-bound by {@link ConfigureApiAuth}: it runs for the API's methods only, never for the
 * host's resources, and it needs none of {@code AuthDynamicFeature}, {@code @Auth} or {@code
 * RolesAllowedDynamicFeature}, which a host app may register for its own principal type.
 *
 * <p>Refusals are answered here with {@code 401}, {@code WWW-Authenticate: Bearer} (RFC 6750) and a
 * JSON {@code error}; no exception travels through the host's exception mappers.
 */
@ConfigureApiAuth
@Priority(Priorities.AUTHENTICATION)
public final class BearerTokenAuthFilter extends AuthFilter<String, PrincipalImpl> {

  static final String SCHEME = "Bearer";
  static final String REALM = "trafficstatus";
  private static final String QUERY_TOKEN = "access_token";

  private BearerTokenAuthFilter() {}

  /**
   * A filter that accepts exactly the given secret.
   *
   * @param secret the configured secret, already validated
   * @return the filter
   */
  static BearerTokenAuthFilter acceptingOnly(String secret) {
    return new Builder()
        .setAuthenticator(new ApiSecretAuthenticator(secret))
        .setPrefix(SCHEME)
        .setRealm(REALM)
        .buildAuthFilter();
  }

  @Override
  public void filter(ContainerRequestContext request) {
    if (hasQueryToken(request.getUriInfo().getRequestUri().getRawQuery())) {
      request.abortWith(
          refusal(
              request,
              "invalid_request",
              "Send the token in the Authorization header; a token in the query string"
                  + " (access_token) is not accepted"));
      return;
    }
    if (ApiRequestReader.declaredLength(request.getHeaderString(HttpHeaders.CONTENT_LENGTH))
        > ApiRequestReader.MAX_BODY_BYTES) {
      // Refused before the token is even looked at: nothing of such a body is ever read.
      request.abortWith(ApiRejection.tooLarge().response());
      return;
    }
    String token = bearerToken(request.getHeaderString(HttpHeaders.AUTHORIZATION));
    if (token == null) {
      request.abortWith(
          refusal(request, null, "Missing bearer token: send the header Authorization: Bearer <API secret>"));
      return;
    }
    if (!authenticate(request, token, SCHEME)) {
      request.abortWith(refusal(request, "invalid_token", "Invalid bearer token"));
    }
  }

  /** The token of a {@code Bearer} header (scheme case-insensitive, RFC 7235), or null. */
  private String bearerToken(String header) {
    if (header == null) {
      return null;
    }
    int space = header.indexOf(' ');
    if (space <= 0 || !header.substring(0, space).equalsIgnoreCase(prefix)) {
      return null;
    }
    String token = header.substring(space + 1).strip();
    return token.isEmpty() ? null : token;
  }

  /** Whether any query parameter is named access_token, however its name is percent-encoded. */
  private static boolean hasQueryToken(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return false;
    }
    for (String parameter : rawQuery.split("[&;]")) {
      int equals = parameter.indexOf('=');
      String name = equals < 0 ? parameter : parameter.substring(0, equals);
      if (QUERY_TOKEN.equals(decoded(name).toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  private static String decoded(String name) {
    try {
      return URLDecoder.decode(name, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return name;
    }
  }

  private Response refusal(ContainerRequestContext request, String error, String message) {
    String challenge =
        prefix + " realm=\"" + realm + "\"" + (error == null ? "" : ", error=\"" + error + "\"");
    Response.ResponseBuilder response =
        ApiResponses.error(Response.Status.UNAUTHORIZED, message)
            .header(HttpHeaders.WWW_AUTHENTICATE, challenge);
    // The body of a refused request is never read.
    long declared =
        ApiRequestReader.declaredLength(request.getHeaderString(HttpHeaders.CONTENT_LENGTH));
    if (declared > 0 || request.getHeaderString("Transfer-Encoding") != null) {
      ApiResponses.closeUnreadBody(response);
    }
    return response.build();
  }

  private static final class Builder
      extends AuthFilterBuilder<String, PrincipalImpl, BearerTokenAuthFilter> {
    @Override
    protected BearerTokenAuthFilter newInstance() {
      return new BearerTokenAuthFilter();
    }
  }
}
