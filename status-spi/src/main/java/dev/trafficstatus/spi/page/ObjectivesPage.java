package dev.trafficstatus.spi.page;

import dev.trafficstatus.spi.RouteKey;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The objectives page ({@link PageLinks#objectives()}): every objective's budget, in an order the
 * reader picks.
 *
 * @param title the status page's title
 * @param objectives the objectives, already in {@code order}
 * @param order the order they are in
 * @param routeNames the display names of the routes the page shows; routes not in it are private
 * @param generatedAt when the figures were read
 * @param zone the time zone for displaying times
 * @param refresh how often the page reloads itself
 * @param stale whether the figures are the last ones read of a store that cannot be read now
 */
public record ObjectivesPage(
    String title,
    List<ObjectiveStatus> objectives,
    ObjectiveOrder order,
    Map<RouteKey, String> routeNames,
    Instant generatedAt,
    ZoneId zone,
    Duration refresh,
    boolean stale) {

  /** Checks the parts are present and copies the collections. */
  public ObjectivesPage {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(order, "order");
    Objects.requireNonNull(generatedAt, "generatedAt");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(refresh, "refresh");
    objectives = List.copyOf(objectives);
    routeNames = Map.copyOf(routeNames);
  }
}
