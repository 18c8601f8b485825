package dev.trafficstatus.capture.probe;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Set;

/** Which redirects a probe follows, and where to. */
final class Redirects {

  /** Follows at most this many redirects in a row, as browsers and curl bound them too. */
  static final int MAX_REDIRECTS = 5;

  private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

  private Redirects() {}

  /**
   * Where a redirect leads, when the probe follows redirects and this one may be followed: at most
   * {@value #MAX_REDIRECTS} in a row, never from https to http (as the JDK client's own NORMAL
   * policy), only to http or https. Otherwise null, and the redirect's own status is judged.
   *
   * @param probe the probe
   * @param current the URI the response answered
   * @param followed redirects followed so far in this attempt
   * @param response the response
   * @return the next hop, or null
   */
  static URI next(Probe probe, URI current, int followed, HttpResponse<?> response) {
    if (!probe.followRedirects()
        || !REDIRECTS.contains(response.statusCode())
        || followed >= MAX_REDIRECTS) {
      return null;
    }
    String location = response.headers().firstValue("Location").orElse("").strip();
    if (location.isEmpty()) {
      return null;
    }
    URI next;
    try {
      next = current.resolve(new URI(location));
    } catch (URISyntaxException | IllegalArgumentException unusable) {
      return null;
    }
    String scheme = next.getScheme() == null ? "" : next.getScheme().toLowerCase(Locale.ROOT);
    boolean downgrade = current.getScheme().equalsIgnoreCase("https") && scheme.equals("http");
    boolean web = scheme.equals("http") || scheme.equals("https");
    if (!web || next.getHost() == null || downgrade) {
      return null;
    }
    return next;
  }
}
