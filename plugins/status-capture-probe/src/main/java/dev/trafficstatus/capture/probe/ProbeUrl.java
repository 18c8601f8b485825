package dev.trafficstatus.capture.probe;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
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

  /** Shown instead of an address of the internal network. */
  static final String INTERNAL = "An internal endpoint";

  private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");

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

  /**
   * What the public page shows under a probe that sets no {@code doc}: the redacted URL, or for a
   * host of the internal network (loopback, a private or link-local address, {@code localhost}, a
   * name without a dot such as {@code db}) only {@value #INTERNAL}: those addresses mean nothing
   * to a visitor and tell an attacker the layout (an admin port, say).
   *
   * @return the text to show
   */
  String shown() {
    return internal() ? INTERNAL : redacted();
  }

  /** Judged from the URL alone: a name is never resolved (start-up does no DNS). */
  private boolean internal() {
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    if (host.startsWith("[")) {
      return internalAddress(host.substring(1, host.length() - 1));
    }
    if (IPV4.matcher(host).matches()) {
      return internalAddress(host);
    }
    return host.equals("localhost") || host.endsWith(".localhost") || host.indexOf('.') < 0;
  }

  private static boolean internalAddress(String literal) {
    try {
      // A literal address: parsed, never looked up.
      InetAddress address = InetAddress.getByName(literal);
      return address.isLoopbackAddress()
          || address.isSiteLocalAddress()
          || address.isLinkLocalAddress()
          || address.isAnyLocalAddress()
          || (address.getAddress().length == 16 && (address.getAddress()[0] & 0xfe) == 0xfc);
    } catch (UnknownHostException notALiteral) {
      return true;
    }
  }

  /** A parameter without '=' may be a bare token: masked whole. */
  private static String maskValue(String parameter) {
    int equals = parameter.indexOf('=');
    return equals < 0 ? MASK : parameter.substring(0, equals + 1) + MASK;
  }
}
