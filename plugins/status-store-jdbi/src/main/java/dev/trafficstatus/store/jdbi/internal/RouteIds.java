package dev.trafficstatus.store.jdbi.internal;

import dev.trafficstatus.spi.RouteKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A snapshot of the routes table: id by key for visible routes (writes go to those only), key by
 * id for every route (to name what reads return). Immutable; the store swaps in a new snapshot
 * after declarations and deletions, or when it meets an id or key it does not know (another
 * process declared it).
 */
public final class RouteIds {

  /**
   * One row of the routes table, as the snapshot needs it.
   *
   * @param id the route's id
   * @param service the route's service
   * @param rule the route's rule
   * @param hidden whether it was deleted
   */
  public record Entry(int id, String service, String rule, boolean hidden) {

    /**
     * The route's key.
     *
     * @return the key
     */
    public RouteKey key() {
      return new RouteKey(service, rule);
    }
  }

  private static final RouteIds EMPTY = new RouteIds(List.of());

  private final Map<RouteKey, Integer> visibleIds;
  private final Map<Integer, RouteKey> keys;

  /**
   * @param entries every row of the routes table
   */
  public RouteIds(List<Entry> entries) {
    Map<RouteKey, Integer> visible = new HashMap<>();
    Map<Integer, RouteKey> byId = new HashMap<>();
    for (Entry entry : entries) {
      byId.put(entry.id(), entry.key());
      if (!entry.hidden()) {
        visible.put(entry.key(), entry.id());
      }
    }
    this.visibleIds = Map.copyOf(visible);
    this.keys = Map.copyOf(byId);
  }

  /**
   * The snapshot before the table was read.
   *
   * @return a snapshot without routes
   */
  public static RouteIds empty() {
    return EMPTY;
  }

  /**
   * The id to write a route's buckets under.
   *
   * @param key the route
   * @return its id, or empty when the route is unknown or deleted
   */
  public Optional<Integer> visibleId(RouteKey key) {
    return Optional.ofNullable(visibleIds.get(key));
  }

  /**
   * The key of a route id.
   *
   * @param id a route id
   * @return the key, or empty when the id is not in this snapshot
   */
  public Optional<RouteKey> key(int id) {
    return Optional.ofNullable(keys.get(id));
  }
}
