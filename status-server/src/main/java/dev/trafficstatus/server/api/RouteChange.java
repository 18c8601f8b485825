package dev.trafficstatus.server.api;

/**
 * The body of {@code PUT}: FlaskStatus's {@code {"rule", "name", "doc"}} and an optional service.
 * These four fields are all a client may set: anything else is refused (no mass assignment).
 *
 * @param rule the route's template, such as {@code /items/{id}}
 * @param service the service the route belongs to, or null for this app's own
 * @param name the new name, or null to keep it
 * @param doc the new description, or null to keep it; empty clears it
 */
record RouteChange(String rule, String service, String name, String doc) {}
