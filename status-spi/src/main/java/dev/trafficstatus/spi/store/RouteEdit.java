package dev.trafficstatus.spi.store;

/**
 * An edit of a route through the API; a null field is left as it is.
 *
 * @param name the new display name, or null
 * @param doc the new description, or null
 */
public record RouteEdit(String name, String doc) {}
