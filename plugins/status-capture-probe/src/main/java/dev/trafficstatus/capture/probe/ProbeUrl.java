package dev.trafficstatus.capture.probe;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The URL a probe calls, checked to be absolute http or https with a host.
 *
 * <p>The URL itself may hold secrets ({@code https://user:pass@host/?token=…}), and the status
 * page is public: what is shown, logged or put in a message is {@link #redacted()}, never the URL.
 *
 * @param uri the URL as configured
 */
record ProbeUrl(URI uri) {

  private static final String MASK = "***";

  /** Checks the URL is one the JDK's HTTP client can call. */
  ProbeUrl {
    Objects.requireNonNull(uri, "uri");
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "is not an absolute http:// or https:// URL with a host name");
    }
  }

  /**
   * Reads a URL from configuration or a urls.cfg line.
   *
   * @param text the URL
   * @return the URL
   * @throws IllegalArgumentException when it is not an absolute http(s) URL; the message never
   *     repeats the URL, which may hold a secret
   */
  static ProbeUrl parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("is empty; write an absolute http:// or https:// URL");
    }
    try {
      return new ProbeUrl(new URI(text.strip()));
    } catch (URISyntaxException malformed) {
      throw new IllegalArgumentException(
          "is not a valid URL: " + malformed.getReason() + " at character "
              + (malformed.getIndex() + 1));
    }
  }

  /**
   * The URL fit for a public page and for logs: without user info and fragment, and with every
   * query value masked ({@code ?token=***&region=***}). The scheme, host, port, path and the
   * names of query parameters stay, so people can still tell probes apart.
   *
   * @return the redacted URL
   */
  String redacted() {
    StringBuilder shown =
        new StringBuilder(uri.getScheme().toLowerCase(Locale.ROOT))
            .append("://")
            .append(uri.getHost());
    if (uri.getPort() != -1) {
      shown.append(':').append(uri.getPort());
    }
    if (uri.getRawPath() != null) {
      shown.append(uri.getRawPath());
    }
    String query = uri.getRawQuery();
    if (query != null && !query.isEmpty()) {
      shown.append('?').append(
          Arrays.stream(query.split("&", -1))
              .map(ProbeUrl::maskValue)
              .collect(Collectors.joining("&")));
    }
    return shown.toString();
  }

  /** A parameter without '=' may be a bare token: masked whole. */
  private static String maskValue(String parameter) {
    int equals = parameter.indexOf('=');
    return equals < 0 ? MASK : parameter.substring(0, equals + 1) + MASK;
  }
}
