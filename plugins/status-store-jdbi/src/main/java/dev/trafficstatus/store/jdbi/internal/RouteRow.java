package dev.trafficstatus.store.jdbi.internal;

import dev.trafficstatus.spi.RouteDescriptor;

/**
 * A declared route as the routes table takes it, bound by its accessors.
 *
 * @param service the service
 * @param rule the rule
 * @param name the declared name
 * @param doc the declared doc
 * @param grp the group (a reserved word in SQL, hence the column's name)
 * @param restricted whether the host protects the route
 */
public record RouteRow(
    String service, String rule, String name, String doc, String grp, boolean restricted) {

  /**
   * The row of a descriptor.
   *
   * @param route the route as a capture declared it
   * @return the row
   */
  public static RouteRow of(RouteDescriptor route) {
    return new RouteRow(
        route.key().service(),
        route.key().rule(),
        route.name(),
        route.doc(),
        route.group(),
        route.restricted());
  }
}
