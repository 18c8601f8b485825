package dev.trafficstatus.core.objective;

import dev.trafficstatus.spi.store.StoredRoute;
import java.util.Objects;

/**
 * The routes an objective covers.
 *
 * @param kind route, group or service
 * @param service the service the routes belong to; for {@link ScopeKind#SERVICE} the service
 *     covered; null for a route or group in any service
 * @param name the rule (such as {@code /checkout}) or the group's name; null for a service
 */
public record ObjectiveScope(ScopeKind kind, String service, String name) {

  /** Checks what the kind needs is there. */
  public ObjectiveScope {
    Objects.requireNonNull(kind, "kind");
    switch (kind) {
      case ROUTE, GROUP -> {
        if (name == null || name.isBlank()) {
          throw new IllegalArgumentException("a " + kind.name().toLowerCase(java.util.Locale.ROOT)
              + " objective needs the " + (kind == ScopeKind.ROUTE ? "route's rule" : "group's name"));
        }
      }
      case SERVICE -> {
        if (service == null || service.isBlank()) {
          throw new IllegalArgumentException("a service objective needs the service's name");
        }
      }
    }
  }

  /**
   * Whether it covers a route.
   *
   * @param route a route
   * @return true when the objective counts the route's requests
   */
  public boolean covers(StoredRoute route) {
    boolean sameService = service == null || service.equals(route.key().service());
    return switch (kind) {
      case ROUTE -> sameService && name.equals(route.key().rule());
      case GROUP -> sameService && name.equals(route.group());
      case SERVICE -> sameService;
    };
  }
}
