package dev.trafficstatus.spi;

import java.util.Objects;

/**
 * Identifies a route: the service it belongs to and its rule, the route template such as
 * {@code /items/{id}} (never a raw request path).
 *
 * @param service the service name, not blank
 * @param rule the route template, starting with {@code /} for HTTP routes; not blank
 */
public record RouteKey(String service, String rule) implements Comparable<RouteKey> {

  /** Checks both parts are present. */
  public RouteKey {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(rule, "rule");
    if (service.isBlank()) {
      throw new IllegalArgumentException("service must not be blank");
    }
    if (rule.isBlank()) {
      throw new IllegalArgumentException("rule must not be blank");
    }
  }

  /** Orders by service, then rule, as pages list routes. */
  @Override
  public int compareTo(RouteKey other) {
    int byService = service.compareTo(other.service);
    return byService != 0 ? byService : rule.compareTo(other.rule);
  }
}
