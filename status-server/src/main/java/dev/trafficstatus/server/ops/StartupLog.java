package dev.trafficstatus.server.ops;

import io.dropwizard.lifecycle.setup.LifecycleEnvironment;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.NetworkConnector;
import org.eclipse.jetty.server.Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says at start-up what is monitored, which store and plugins were found, and where the page and
 * the API are: the addresses once the server listens, with its real port.
 */
public final class StartupLog {

  private static final Logger LOG = LoggerFactory.getLogger("dev.trafficstatus.server.StatusBundle");

  private StartupLog() {}

  /**
   * Logs what is known now and registers the lines that need the listening server.
   *
   * @param lifecycle the host's lifecycle, for the server's ports
   * @param plugins one line per plugin kind
   * @param store the store's description
   * @param service the service recorded
   * @param instance this process's instance id
   * @param captures one entry per capture
   * @param pagePath the page's path on the server, or empty in a capture-only process
   * @param apiPath the configure API's path, or empty when it is off
   */
  public static void register(
      LifecycleEnvironment lifecycle,
      List<String> plugins,
      String store,
      String service,
      String instance,
      List<String> captures,
      Optional<String> pagePath,
      Optional<String> apiPath) {
    plugins.forEach(line -> LOG.info("Traffic Status plugins, {}", line));
    LOG.info("Traffic Status store: {}", store);
    LOG.info(
        "Traffic Status records service '{}' as instance '{}' with: {}",
        service,
        instance,
        captures.isEmpty() ? "no capture" : String.join("; ", captures));
    if (pagePath.isEmpty()) {
      LOG.info("Traffic Status page: none (capture-only: status.page.enabled is false)");
    }
    if (apiPath.isEmpty()) {
      LOG.info("Traffic Status configure API: off (status.api.enabled is false)");
    }
    lifecycle.addServerLifecycleListener(
        server -> {
          pagePath.ifPresent(path -> LOG.info("Traffic Status page: {}", url(server, path)));
          apiPath.ifPresent(
              path ->
                  LOG.info(
                      "Traffic Status configure API: {} (bearer token: status.api.secret)",
                      url(server, path)));
        });
  }

  private static String url(Server server, String path) {
    return "http://localhost:" + applicationPort(server) + path;
  }

  private static int applicationPort(Server server) {
    for (Connector connector : server.getConnectors()) {
      if (connector instanceof NetworkConnector network && !"admin".equals(connector.getName())) {
        return network.getLocalPort();
      }
    }
    return -1;
  }
}
