package dev.trafficstatus.server.jersey;

import io.dropwizard.core.server.AbstractServerFactory;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.core.server.ServerFactory;
import io.dropwizard.core.server.SimpleServerFactory;

/**
 * Where the host's Jersey resources are served from: the application context path and Jersey's
 * root path ({@code server.applicationContextPath}, {@code server.rootPath}), as the server factory
 * is configured. The page and the API are registered relative to it.
 */
public final class ServerPaths {

  private ServerPaths() {}

  /**
   * The path a Jersey resource path is served under, such as {@code /ctx/api} for a context path
   * of {@code /ctx} and a root path of {@code /api/*}.
   *
   * @param server the configured server factory
   * @return the base, without a trailing slash; empty for the root
   */
  public static String jerseyBase(ServerFactory server) {
    String context = "/";
    if (server instanceof DefaultServerFactory standard) {
      context = standard.getApplicationContextPath();
    } else if (server instanceof SimpleServerFactory simple) {
      context = simple.getApplicationContextPath();
    }
    String root = "";
    if (server instanceof AbstractServerFactory factory) {
      root = factory.getJerseyRootPath().orElse("");
    }
    return trim(context) + trim(root.endsWith("*") ? root.substring(0, root.length() - 1) : root);
  }

  /**
   * A resource path under the base.
   *
   * @param server the configured server factory
   * @param path a resource path, such as {@code /status}
   * @return the path on the server, such as {@code /ctx/api/status}
   */
  public static String onServer(ServerFactory server, String path) {
    return jerseyBase(server) + path;
  }

  /** A path without a trailing slash, with a leading one unless it is empty. */
  private static String trim(String path) {
    String trimmed = path == null ? "" : path.strip();
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    if (!trimmed.isEmpty() && !trimmed.startsWith("/")) {
      trimmed = "/" + trimmed;
    }
    return trimmed;
  }
}
