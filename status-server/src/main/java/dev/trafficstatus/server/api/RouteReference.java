package dev.trafficstatus.server.api;

/**
 * The body of {@code DELETE} and of {@code POST <path>/restore}: FlaskStatus's {@code {"rule"}} and an
 * optional service. Nothing else is accepted.
 *
 * @param rule the route's template
 * @param service the service the route belongs to, or null for this app's own
 */
record RouteReference(String rule, String service) {}
