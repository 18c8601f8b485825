package dev.trafficstatus.store.jdbi.internal;

import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.store.StoredRoute;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The routes table: listing, editing, hiding and showing routes, and deleting their history.
 * Declarations are upserts, so they are in {@link Dialect.Statements}.
 */
public final class RouteDao {

  private static final RowMapper<RouteIds.Entry> ENTRY = RowMapper.ofRecord(RouteIds.Entry.class);

  private final Session session;

  /**
   * @param session the session the statements run on
   */
  public RouteDao(Session session) {
    this.session = session;
  }

  /** Reads the columns of {@link #routes()} and {@link #route}. */
  private static StoredRoute storedRoute(ResultSet rs) throws SQLException {
    return new StoredRoute(
        new RouteKey(rs.getString("service"), rs.getString("rule")),
        rs.getString("name"),
        rs.getString("doc"),
        rs.getString("grp"),
        rs.getBoolean("hidden"),
        rs.getBoolean("edited"),
        rs.getBoolean("restricted"));
  }

  /**
   * Every row of the routes table, as the id snapshot needs it.
   *
   * @return the rows, in no particular order
   */
  public List<RouteIds.Entry> entries() {
    return session
        .createQuery("SELECT id, service, rule, hidden FROM status_routes")
        .map(ENTRY)
        .list();
  }

  /**
   * Every route.
   *
   * @return the routes, in no particular order
   */
  public List<StoredRoute> routes() {
    return session
        .createQuery(
            "SELECT service, rule, name, doc, grp, hidden, edited, restricted FROM status_routes")
        .map(RouteDao::storedRoute)
        .list();
  }

  /**
   * One route.
   *
   * @param service its service
   * @param rule its rule
   * @return the route, or empty when there is no such route
   */
  public Optional<StoredRoute> route(String service, String rule) {
    return session
        .createQuery(
            """
            SELECT service, rule, name, doc, grp, hidden, edited, restricted
            FROM status_routes
            WHERE service = :service AND rule = :rule
            """)
        .bind("service", service)
        .bind("rule", rule)
        .map(RouteDao::storedRoute)
        .findOne();
  }

  /**
   * A route's id.
   *
   * @param service its service
   * @param rule its rule
   * @return the id, or empty when there is no such route
   */
  public Optional<Integer> idOf(String service, String rule) {
    return session
        .createQuery("SELECT id FROM status_routes WHERE service = :service AND rule = :rule")
        .bind("service", service)
        .bind("rule", rule)
        .mapTo(Integer.class)
        .findOne();
  }

  /**
   * Sets a visible route's name and doc and marks it edited.
   *
   * @param service its service
   * @param rule its rule
   * @param name the new name, or null to keep it
   * @param doc the new doc, or null to keep it
   * @return 1 when a visible route was changed, else 0
   */
  public int edit(String service, String rule, String name, String doc) {
    return session
        .createUpdate(
            """
            UPDATE status_routes
            SET name = COALESCE(CAST(:name AS VARCHAR), name),
                doc = COALESCE(CAST(:doc AS VARCHAR), doc),
                edited = TRUE
            WHERE service = :service AND rule = :rule AND NOT hidden
            """)
        .bind("service", service)
        .bind("rule", rule)
        .bind("name", name)
        .bind("doc", doc)
        .execute();
  }

  /**
   * Hides a visible route for good.
   *
   * @param service its service
   * @param rule its rule
   * @return 1 when a visible route was hidden, else 0
   */
  public int hide(String service, String rule) {
    return session
        .createUpdate(
            """
            UPDATE status_routes SET hidden = TRUE
            WHERE service = :service AND rule = :rule AND NOT hidden
            """)
        .bind("service", service)
        .bind("rule", rule)
        .execute();
  }

  /**
   * Shows a hidden route again, counting from a given minute on.
   *
   * @param service its service
   * @param rule its rule
   * @param countsFrom the first epoch minute whose buckets are kept
   * @return 1 when a hidden route was shown, else 0
   */
  public int unhide(String service, String rule, long countsFrom) {
    return session
        .createUpdate(
            """
            UPDATE status_routes SET hidden = FALSE, counts_from = :countsFrom
            WHERE service = :service AND rule = :rule AND hidden
            """)
        .bind("service", service)
        .bind("rule", rule)
        .bind("countsFrom", countsFrom)
        .execute();
  }

  /**
   * Deletes a route's minute rows.
   *
   * @param routeId the route's id
   */
  public void deleteMinutes(int routeId) {
    session
        .createUpdate("DELETE FROM status_minutes WHERE route_id = :routeId")
        .bind("routeId", routeId)
        .execute();
  }

  /**
   * Deletes a route's hour rows.
   *
   * @param routeId the route's id
   */
  public void deleteHours(int routeId) {
    session
        .createUpdate("DELETE FROM status_hours WHERE route_id = :routeId")
        .bind("routeId", routeId)
        .execute();
  }

  /**
   * Deletes a route's day rows.
   *
   * @param routeId the route's id
   */
  public void deleteDays(int routeId) {
    session
        .createUpdate("DELETE FROM status_days WHERE route_id = :routeId")
        .bind("routeId", routeId)
        .execute();
  }

  /**
   * The days a route has minute, hour or day rows on: those whose figures readers see change when
   * the route's history goes, days and hours alike ({@link FiguresReader#hourVersions}).
   *
   * @param routeId the route's id
   * @return the epoch days
   */
  public List<Long> daysOf(int routeId) {
    return session
        .createQuery(
            """
            SELECT epoch_day FROM status_days WHERE route_id = :routeId
            UNION
            SELECT epoch_hour / 24 FROM status_hours WHERE route_id = :routeId
            UNION
            SELECT epoch_minute / 1440 FROM status_minutes WHERE route_id = :routeId
            """)
        .bind("routeId", routeId)
        .mapTo(Long.class)
        .list();
  }

  /**
   * Gives days without bookkeeping a row, not rolled up (as a write's rollup would), so that their
   * versions can move: a day without a row reads as version 0. A concurrent insert of the same day
   * by maintenance fails the caller's transaction, which changes nothing then.
   *
   * @param days the epoch days
   */
  public void keepDayStates(List<Long> days) {
    eachDay(
        """
        INSERT INTO status_day_state (epoch_day, rolled_up, pruned, version)
        SELECT CAST(:day AS BIGINT), FALSE, FALSE, 0
        WHERE NOT EXISTS (SELECT 1 FROM status_day_state WHERE epoch_day = :day)
        """,
        days);
  }

  /**
   * Moves the versions of days whose figures changed outside maintenance.
   *
   * @param days the epoch days
   */
  public void moveVersions(List<Long> days) {
    eachDay("UPDATE status_day_state SET version = version + 1 WHERE epoch_day = :day", days);
  }

  /**
   * Deletes a route's minute, hour and day rows, within the caller's transaction, and moves the
   * versions of the days it had figures on, giving those without bookkeeping a row first, so that
   * the versions of their hours move too (a kept sum of a dirty hour holds the deleted minutes). In
   * maintenance's lock order (minutes, hours, days, then day state), so the two wait for each
   * other instead of deadlocking.
   *
   * @param routeId the route's id
   */
  public void deleteHistory(int routeId) {
    List<Long> days = daysOf(routeId).stream().sorted().toList();
    deleteMinutes(routeId);
    deleteHours(routeId);
    deleteDays(routeId);
    if (!days.isEmpty()) {
      keepDayStates(days);
      moveVersions(days);
    }
  }

  /** Runs a statement once per day, in one batch. */
  private void eachDay(String sql, List<Long> days) {
    Batch batch = session.prepareBatch(sql);
    days.forEach(day -> batch.bind("day", day).add());
    batch.execute();
  }
}
