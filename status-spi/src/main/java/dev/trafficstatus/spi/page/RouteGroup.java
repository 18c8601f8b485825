package dev.trafficstatus.spi.page;

import java.util.List;
import java.util.Objects;

/**
 * Routes shown together under one heading: a resource class, a service, or the probes.
 *
 * @param name the heading
 * @param routes the routes, in display order
 */
public record RouteGroup(String name, List<RouteStatus> routes) {

  /** Checks the name is present and copies the routes. */
  public RouteGroup {
    Objects.requireNonNull(name, "name");
    routes = List.copyOf(routes);
  }
}
