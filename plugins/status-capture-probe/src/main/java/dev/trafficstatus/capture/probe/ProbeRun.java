package dev.trafficstatus.capture.probe;

import dev.trafficstatus.spi.capture.RouteRecorder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicBoolean;

/** A probe and what it needs per round; {@code busy} while it waits for a permit or runs. */
final class ProbeRun {

  /** Targets see who is calling in their access logs. */
  private static final String USER_AGENT = "TrafficStatus-Probe";

  final Probe probe;
  final RouteRecorder route;
  final AtomicBoolean busy = new AtomicBoolean();
  private final String authorization;

  ProbeRun(Probe probe, RouteRecorder route) {
    this.probe = probe;
    this.route = route;
    // User info is sent as basic auth, as curl (which Statsig's page used) sends it.
    String userInfo = probe.url().uri().getUserInfo();
    this.authorization =
        userInfo == null
            ? null
            : "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The request to a target: the probe's own URL, or a hop of its redirect chain, which gets the
   * probe's credentials only when it has the same origin.
   */
  HttpRequest request(URI target, Duration timeout) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(target)
            .timeout(timeout)
            .header("User-Agent", USER_AGENT)
            .method(probe.method().name(), HttpRequest.BodyPublishers.noBody());
    if (authorization != null && sameOrigin(target, probe.url().uri())) {
      request.header("Authorization", authorization);
    }
    // Plain http would otherwise carry an h2c upgrade offer, which some servers and proxies
    // answer badly; https negotiates HTTP/2 safely through TLS.
    if (target.getScheme().equalsIgnoreCase("http")) {
      request.version(HttpClient.Version.HTTP_1_1);
    }
    return request.build();
  }

  /** Same scheme, host and port: where the probe's own credentials may go. */
  private static boolean sameOrigin(URI a, URI b) {
    return a.getScheme().equalsIgnoreCase(b.getScheme())
        && a.getHost().equalsIgnoreCase(b.getHost())
        && effectivePort(a) == effectivePort(b);
  }

  private static int effectivePort(URI uri) {
    if (uri.getPort() != -1) {
      return uri.getPort();
    }
    return uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
  }
}
