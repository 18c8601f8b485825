package dev.trafficstatus.server.wiring;

import dev.trafficstatus.server.config.StatusFactory;
import dev.trafficstatus.spi.RouteKey;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** The paths the bundle serves itself, which are never captured as the host's traffic. */
final class OwnPaths {

  private OwnPaths() {}

  /** The paths the bundle serves: the page's prefix, and the APIs' paths when they are on. */
  static List<String> of(StatusFactory config) {
    List<String> paths = new ArrayList<>(List.of(config.getPage().getPrefix()));
    if (config.getApi().isEnabled()) {
      paths.add(config.getApi().getPath());
    }
    if (config.getStatuspageApi().isEnabled()) {
      paths.add(config.getStatuspageApi().getPath());
    }
    return paths;
  }

  /**
   * The status page, the configure API and everything under them belong to us, not to the host:
   * never captured, so looking at the page or editing routes never shows up as traffic.
   */
  static Predicate<RouteKey> notCaptured(String service, List<String> ownPaths) {
    return key ->
        !(key.service().equals(service)
            && ownPaths.stream()
                .anyMatch(own -> key.rule().equals(own) || key.rule().startsWith(own + "/")));
  }
}
