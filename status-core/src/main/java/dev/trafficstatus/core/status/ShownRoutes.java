package dev.trafficstatus.core.status;

import dev.trafficstatus.spi.store.StoredRoute;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Which routes the page shows: the same for the page and for the evaluator, which opens incidents
 * about shown routes only (an incident names its routes on the public page).
 *
 * <p>A route is shown unless it was deleted, belongs to a service the page does not show, is not
 * among the configured rules, or is protected by the host without being named in the rules (or
 * protected routes being shown).
 */
public final class ShownRoutes {

  private final Set<String> rules;
  private final Set<String> services;
  private final boolean showProtected;

  /**
   * @param settings the page's settings
   */
  public ShownRoutes(PageSettings settings) {
    Objects.requireNonNull(settings, "settings");
    this.rules = new HashSet<>(settings.rules());
    this.services = new HashSet<>(settings.services());
    this.showProtected = settings.showProtectedRoutes();
  }

  /**
   * Whether the page shows a route.
   *
   * @param route the route as stored
   * @return true when shown
   */
  public boolean shows(StoredRoute route) {
    if (route.hidden()) {
      return false;
    }
    if (!services.isEmpty() && !services.contains(route.key().service())) {
      return false;
    }
    boolean named = rules.contains(route.key().rule());
    if (!rules.isEmpty() && !named) {
      return false;
    }
    return !route.restricted() || named || showProtected;
  }
}
