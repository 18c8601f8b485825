package dev.trafficstatus.spi.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A confirmed subscriber to incident mail.
 *
 * @param id the subscriber's id, 12 lower-case base-36 characters
 * @param address the mail address, as confirmed (trimmed, lower case)
 * @param routes the rules of the routes the subscriber asked about (such as {@code /checkout});
 *     empty for every incident
 * @param confirmedAt when the address was confirmed
 * @param unsubscribeToken the token of the subscriber's unsubscribe link, in every mail; it only
 *     lets its holder remove this one address
 */
public record Subscriber(
    String id, String address, List<String> routes, Instant confirmedAt, String unsubscribeToken) {

  private static final Pattern ID = Pattern.compile("[0-9a-z]{12}");

  /** Checks the parts are present and copies the routes. */
  public Subscriber {
    Objects.requireNonNull(id, "id");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("a subscriber id is 12 lower-case letters and digits");
    }
    Objects.requireNonNull(address, "address");
    routes = List.copyOf(routes);
    Objects.requireNonNull(confirmedAt, "confirmedAt");
    Objects.requireNonNull(unsubscribeToken, "unsubscribeToken");
  }

  /**
   * Whether a notice about these routes concerns the subscriber.
   *
   * @param rules the rules of the notice's routes; empty for a notice about the whole service
   * @return true when the subscriber takes every incident, the notice names no route, or they
   *     share a route
   */
  public boolean wants(List<String> rules) {
    return routes.isEmpty() || rules.isEmpty() || rules.stream().anyMatch(routes::contains);
  }
}
