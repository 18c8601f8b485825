package dev.trafficstatus.notify.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a notifier posts: an absolute https URL, or http to this machine only (a receiver beside
 * the server; anything else would send events and signatures in the clear). The URL may carry a
 * secret (Slack's and Discord's do, in the path), so it is shown only as its scheme and host.
 *
 * @param uri the URL
 */
record HookUrl(URI uri) {

  private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.\\d{1,3}){3}");

  /** Checks the URL is one notifications may go to. */
  HookUrl {
    Objects.requireNonNull(uri, "uri");
    String problem = problem(uri);
    if (problem != null) {
      throw new IllegalArgumentException("url " + problem);
    }
  }

  /**
   * A URL from configuration.
   *
   * @param text the configured URL
   * @return the URL
   * @throws IllegalArgumentException saying what is wrong, never repeating the URL
   */
  static HookUrl parse(String text) {
    return new HookUrl(toUri(text));
  }

  /**
   * What is wrong with a configured URL, for validation messages.
   *
   * @param text the configured URL, or null
   * @return what is wrong, phrased to follow the key; null when it is acceptable or absent
   */
  static String problem(String text) {
    if (text == null) {
      return null;
    }
    try {
      return problem(toUri(text));
    } catch (IllegalArgumentException malformed) {
      return malformed.getMessage();
    }
  }

  private static URI toUri(String text) {
    try {
      return new URI(text.strip());
    } catch (URISyntaxException malformed) {
      throw new IllegalArgumentException("must be an absolute https URL; it is not a URL");
    }
  }

  private static String problem(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!uri.isAbsolute() || uri.getHost() == null || uri.isOpaque()) {
      return "must be an absolute https URL with a host";
    }
    if (uri.getRawUserInfo() != null) {
      return "must not carry a user name or password; webhooks are authenticated by their signature";
    }
    if (scheme.equals("https")) {
      return null;
    }
    if (scheme.equals("http")) {
      return loopback(uri.getHost())
          ? null
          : "must be https; plain http is allowed only to this machine (localhost, 127.0.0.1, [::1])";
    }
    return "must be an https URL, not " + scheme;
  }

  private static boolean loopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return h.equals("localhost") || h.equals("[::1]") || IPV4_LOOPBACK.matcher(h).matches();
  }

  /**
   * The URL as logs and descriptions show it: scheme and host, no path, query or user.
   *
   * @return such as {@code https://hooks.slack.com/…}
   */
  String redacted() {
    return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost()
        + (uri.getPort() >= 0 ? ":" + uri.getPort() : "") + "/…";
  }

  @Override
  public String toString() {
    return redacted();
  }
}
