package dev.trafficstatus.spi.store;

import dev.trafficstatus.spi.RouteKey;
import java.util.Objects;

/**
 * A route as the store keeps it.
 *
 * @param key the route's identity
 * @param name the display name (edited or declared)
 * @param doc the description, empty when none
 * @param group the group it is shown in
 * @param hidden true when deleted through the API: never shown, never written to
 * @param edited true when the name or doc was set through the API
 * @param restricted true when the host protects the route (see {@link
 *     dev.trafficstatus.spi.RouteDescriptor#restricted()}), as last declared
 */
public record StoredRoute(
    RouteKey key,
    String name,
    String doc,
    String group,
    boolean hidden,
    boolean edited,
    boolean restricted) {

  /** Checks every part is present. */
  public StoredRoute {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(doc, "doc");
    Objects.requireNonNull(group, "group");
  }

  /**
   * A route that is not restricted.
   *
   * @param key the route's identity
   * @param name the display name
   * @param doc the description, empty when none
   * @param group the group it is shown in
   * @param hidden true when deleted through the API
   * @param edited true when the name or doc was set through the API
   */
  public StoredRoute(RouteKey key, String name, String doc, String group, boolean hidden, boolean edited) {
    this(key, name, doc, group, hidden, edited, false);
  }
}
