package dev.trafficstatus.store.jdbi.internal;

import dev.trafficstatus.spi.RouteDescriptor;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.store.RouteEdit;
import dev.trafficstatus.spi.store.StoredRoute;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The routes of the store: declaring, listing, editing, deleting and restoring them, and the
 * snapshot of their ids that writes and reads go through ({@link RouteIds}), refreshed after every
 * change made here and whenever a caller meets a route another process declared.
 */
public final class Routes {

  private final Database database;
  private final Dialect dialect;
  private volatile RouteIds ids = RouteIds.empty();

  /**
   * @param database the store's database
   * @param dialect its dialect
   */
  public Routes(Database database, Dialect dialect) {
    this.database = database;
    this.dialect = dialect;
  }

  /**
   * The latest snapshot of ids.
   *
   * @return the snapshot
   */
  public RouteIds ids() {
    return ids;
  }

  /**
   * Reads the ids again, for a route this process has not seen yet.
   *
   * @return the new snapshot
   */
  public RouteIds refresh() {
    RouteIds fresh = new RouteIds(database.withHandle(session -> new RouteDao(session).entries()));
    ids = fresh;
    return fresh;
  }

  /**
   * The key of a route id, reading the ids again when the snapshot does not know it.
   *
   * @param known the snapshot the caller holds
   * @param routeId the id
   * @return a snapshot that knows the id (or the fresh one, when no route has it)
   */
  public RouteIds knowing(RouteIds known, int routeId) {
    return known.key(routeId).isPresent() ? known : refresh();
  }

  /**
   * Inserts or updates routes as {@link dev.trafficstatus.spi.store.StatusStore#declareRoutes} says.
   *
   * @param routes the routes; the first of each key counts
   */
  public void declare(Collection<RouteDescriptor> routes) {
    // Key order, so two processes declaring the same routes lock them in the same order.
    Map<RouteKey, RouteDescriptor> byKey = new TreeMap<>();
    for (RouteDescriptor route : routes) {
      byKey.putIfAbsent(route.key(), route);
    }
    // Only what the stored rows do not say yet is written, and new routes are inserted without
    // taking the locks an upsert takes. Every instance of a fleet declares the same routes on
    // every start, and an upsert locks an unchanged row as it does a changed one, to the end of
    // the transaction: 200 instances starting at once queued behind each other on the shared route
    // rows until declarations hit the statement timeout (SCALING.md).
    Map<RouteKey, StoredRoute> stored = stored();
    List<RouteRow> absent =
        byKey.values().stream()
            .filter(route -> !stored.containsKey(route.key()))
            .map(RouteRow::of)
            .toList();
    Map<RouteKey, StoredRoute> now = stored;
    if (!absent.isEmpty()) {
      database.useTransaction(session -> dialect.statements(session).insertAbsentRoutes(absent));
      now = stored();
    }
    Map<RouteKey, StoredRoute> current = now;
    List<RouteRow> changed =
        byKey.values().stream()
            .filter(route -> changes(current.get(route.key()), route))
            .map(RouteRow::of)
            .toList();
    if (!changed.isEmpty()) {
      database.useTransaction(session -> dialect.statements(session).declareRoutes(changed));
    }
    refresh();
  }

  private Map<RouteKey, StoredRoute> stored() {
    Map<RouteKey, StoredRoute> stored = new HashMap<>();
    list().forEach(route -> stored.put(route.key(), route));
    return stored;
  }

  /**
   * Whether declaring a route would change its stored row, by the rules of the upsert: a new
   * route is inserted; a deleted one only takes the restricted flag; a visible one takes its group
   * and the flag, and its name and doc unless they were edited through the API.
   */
  private static boolean changes(StoredRoute stored, RouteDescriptor route) {
    if (stored == null || stored.restricted() != route.restricted()) {
      return true;
    }
    if (stored.hidden()) {
      return false;
    }
    return !stored.group().equals(route.group())
        || !stored.edited() && (!stored.name().equals(route.name()) || !stored.doc().equals(route.doc()));
  }

  /**
   * Every route, deleted ones included.
   *
   * @return the routes in key order
   */
  public List<StoredRoute> list() {
    List<StoredRoute> routes =
        new ArrayList<>(database.withHandle(session -> new RouteDao(session).routes()));
    // Sorted here, not by SQL: database collations need not order strings as RouteKey does.
    routes.sort(Comparator.comparing(StoredRoute::key));
    return List.copyOf(routes);
  }

  /**
   * Edits a visible route's name and doc.
   *
   * @param key the route
   * @param edit the new values; null fields stay
   * @return the route after the edit, or empty when no visible route has that key
   */
  public Optional<StoredRoute> edit(RouteKey key, RouteEdit edit) {
    return database.inTransaction(
        session -> {
          RouteDao dao = new RouteDao(session);
          if (edit.name() == null && edit.doc() == null) {
            return dao.route(key.service(), key.rule()).filter(route -> !route.hidden());
          }
          return dao.edit(key.service(), key.rule(), edit.name(), edit.doc()) == 1
              ? dao.route(key.service(), key.rule())
              : Optional.empty();
        });
  }

  /**
   * Hides a visible route for good and deletes its history.
   *
   * @param key the route
   * @return whether a visible route was deleted
   */
  public boolean delete(RouteKey key) {
    boolean deleted =
        database.inTransaction(
            session -> {
              RouteDao dao = new RouteDao(session);
              if (dao.hide(key.service(), key.rule()) == 0) {
                return false;
              }
              dao.deleteHistory(dao.idOf(key.service(), key.rule()).orElseThrow());
              return true;
            });
    if (deleted) {
      refresh();
    }
    return deleted;
  }

  /**
   * Shows a deleted route again, counting from the minute after {@code now}, without its history.
   *
   * @param key the route
   * @param now the current time
   * @return whether a deleted route was restored
   */
  public boolean restore(RouteKey key, Instant now) {
    long countsFrom = UtcPeriods.minuteOf(now) + 1;
    boolean restored =
        database.inTransaction(
            session -> {
              RouteDao dao = new RouteDao(session);
              if (dao.unhide(key.service(), key.rule(), countsFrom) == 0) {
                return false;
              }
              // A writer that read the route as visible just before it was hidden may have added
              // rows after the delete; a restored route starts without history all the same.
              dao.deleteHistory(dao.idOf(key.service(), key.rule()).orElseThrow());
              return true;
            });
    if (restored) {
      refresh();
    }
    return restored;
  }
}
