package dev.trafficstatus.spi;

import java.util.Objects;

/**
 * A route as a capture discovers it: where it is and what it is called before anyone edits it.
 *
 * @param key the route's identity
 * @param name the display name, such as a naming annotation's value or the method name; not blank
 * @param doc a longer description, empty when none
 * @param group the group it is shown in, such as the resource class or "Probes"; not blank
 * @param restricted whether the host protects the route (authentication or roles required): such a
 *     route is counted like any other but kept off the public page unless its owner names it
 */
public record RouteDescriptor(RouteKey key, String name, String doc, String group, boolean restricted) {

  /** Checks every part is present. */
  public RouteDescriptor {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(doc, "doc");
    Objects.requireNonNull(group, "group");
    if (name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
    if (group.isBlank()) {
      throw new IllegalArgumentException("group must not be blank");
    }
  }

  /**
   * A public route: anyone may call it, so anyone may see its figures.
   *
   * @param key the route's identity
   * @param name the display name; not blank
   * @param doc a longer description, empty when none
   * @param group the group it is shown in; not blank
   */
  public RouteDescriptor(RouteKey key, String name, String doc, String group) {
    this(key, name, doc, group, false);
  }
}
