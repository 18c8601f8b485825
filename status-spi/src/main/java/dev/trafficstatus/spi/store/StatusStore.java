package dev.trafficstatus.spi.store;

import dev.trafficstatus.spi.Lifecycle;
import dev.trafficstatus.spi.RouteDescriptor;
import dev.trafficstatus.spi.RouteKey;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Keeps routes, minute buckets and day rollups; shared by every process of every service that
 * points at the same database.
 *
 * <p>Called by the core's flusher thread (writes), by request threads rendering the page or
 * serving the API (reads and edits), and by the maintenance thread. Implementations are
 * thread-safe. Every method throws {@link StoreException} when the database cannot be reached or
 * refuses; the caller decides whether to retry. {@link #start()} prepares the schema when so
 * configured; {@link #stop()} releases connections.
 */
public interface StatusStore extends Lifecycle {

  /**
   * Says in one line which database this is, without secrets, for the start-up log, for
   * example {@code "jdbi: H2 jdbc:h2:./data/shop-status"}.
   *
   * @return the description, never null
   */
  String describe();

  /**
   * Makes the routes known. New routes are added with the given name, doc and group. A known route
   * takes the given group, and the given name and doc unless those were edited through the API; a
   * deleted route stays deleted. Idempotent.
   *
   * @param routes the routes seen by captures; may be empty
   */
  void declareRoutes(Collection<RouteDescriptor> routes);

  /**
   * Writes minute buckets in one transaction, with replace semantics on (route, minute, instance):
   * writing the same bucket twice stores it once, and a later bucket for the same key replaces the
   * earlier one. Buckets of routes that were never declared, or that were deleted, are dropped.
   *
   * @param buckets the buckets; may be empty
   */
  void writeMinutes(Collection<MinuteBucket> buckets);

  /**
   * Lists every route, deleted ones included (marked hidden).
   *
   * @return the routes, ordered by service and rule; never null
   */
  List<StoredRoute> routes();

  /**
   * Reads one tally per route and UTC day within the given days, summed over all instances: from
   * day rollups where a day is rolled up, from minute buckets otherwise (today, and closed days not
   * yet rolled up). Days without any request are left out.
   *
   * @param first the first day, inclusive
   * @param last the last day, inclusive
   * @return the day buckets, in no particular order; never null
   */
  List<DayBucket> readDays(LocalDate first, LocalDate last);

  /**
   * Versions of the figures of the given days, for a reader that keeps the figures of closed days
   * between reads of {@link #readDays} and reads again only the days whose figures changed (the
   * page, which shows up to a year). Take them before reading the days they are used for: a day
   * keeps its version exactly as long as its figures stay the same, except days left out, which may
   * change at any time (see {@link DayVersions}). A store gives a version to as many closed days as
   * it can; a change of any kind to a day's figures (a late write, a rollup that changes what the
   * day is read from, a route deleted) changes its version or leaves it out.
   *
   * @param first the first day, inclusive
   * @param last the last day, inclusive
   * @return the versions, or empty when the store keeps none: a reader must then read the days
   *     again to see changes
   */
  default Optional<DayVersions> dayVersions(LocalDate first, LocalDate last) {
    return Optional.empty();
  }

  /**
   * Sums minute buckets from the given instant (inclusive, truncated to the minute) on, per route,
   * over all instances. Used for a route's current state.
   *
   * @param from the start of the window
   * @return one tally per route with requests in the window; never null
   */
  List<RouteTally> readSince(Instant from);

  /**
   * Edits a route's name and doc through the API. The edit survives later declarations.
   *
   * @param key the route
   * @param edit the new values; null fields stay as they are
   * @return the route after the edit, or empty when no visible route has that key
   */
  Optional<StoredRoute> editRoute(RouteKey key, RouteEdit edit);

  /**
   * Deletes a route's history and hides the route for good: later declarations and writes do not
   * bring it back.
   *
   * @param key the route
   * @return true when a visible route was deleted, false when none had that key
   */
  boolean deleteRoute(RouteKey key);

  /**
   * Brings a deleted route back: it is shown again and counts again from the minute after {@code
   * now} on. Its history stays deleted: buckets of earlier minutes are dropped, because processes
   * may still hold counts from before the delete in memory (the open minute, a retry buffer), and
   * any row a concurrent writer slipped in while the route was hidden is deleted. Its name and doc
   * are those it had when deleted.
   *
   * @param key the route
   * @param now the current time, from the caller's clock
   * @return true when a deleted route was restored, false when no deleted route had that key
   */
  boolean restoreRoute(RouteKey key, Instant now);

  /**
   * Rolls closed days up from minute buckets and deletes rows past retention. Runs in at most one
   * process at a time across all processes sharing the database; a call that finds another process
   * running it returns at once with {@link MaintenanceReport#skipped()}.
   *
   * @param now the current time, from the caller's clock
   * @param retention how long minute and day rows are kept
   * @return what was done
   */
  MaintenanceReport maintain(Instant now, Retention retention);

  /**
   * Applies the store's pending schema changes: the server's {@code db migrate} command, and start-up
   * when the store is configured to migrate on start. May be called without {@link #start()}; opens
   * and closes what it needs. Idempotent.
   *
   * @return the identifiers of the changes applied now; empty when the schema was current
   */
  default List<String> migrate() {
    return List.of();
  }

  /**
   * Lists schema changes not yet applied, for the server's {@code db status} command. May be called
   * without {@link #start()}.
   *
   * @return the identifiers of pending changes; empty when the schema is current
   */
  default List<String> pendingMigrations() {
    return List.of();
  }

  /**
   * Checks the database answers, for health checks.
   *
   * @throws StoreException when it does not
   */
  void ping();

  /**
   * Sums minute buckets of the minutes in {@code [from, to)}, per route, over all instances: the
   * windows of objectives and burn rates. A store may read rollups for the whole hours and days
   * inside the range (they hold the same sums) and minute rows only for the edges.
   *
   * @param from the start, inclusive, truncated to the minute
   * @param to the end, exclusive, truncated to the minute
   * @return one tally per route with requests in the range; never null
   * @throws UnsupportedOperationException when the store does not offer it (objectives are then
   *     off)
   */
  default List<RouteTally> readBetween(Instant from, Instant to) {
    throw new UnsupportedOperationException(describe() + " cannot sum arbitrary time ranges");
  }

  /**
   * Versions of the figures of the hours that {@code [from, to)} touches, for a reader that keeps
   * the sums of closed minutes between reads of {@link #readBetween} and reads again only the
   * ranges whose hours changed (the objectives' evaluation, once a minute). Take them before
   * reading the ranges they are used for: an hour keeps its version exactly as long as every range
   * inside it or holding it reads the same, except hours left out, which may change at any time
   * (see {@link HourVersions}). Any change that can change such a read (a write, a rollup, minutes
   * past retention, a route's history deleted or restored) changes the version or leaves the hour
   * out. Versions say nothing of how routes are named or shown (renamed, hidden): a reader that
   * keeps sums per route compares {@link #routes()} between reads too.
   *
   * @param from the start, inclusive (its hour counts whole)
   * @param to the end, exclusive
   * @return the versions, or empty when the store keeps none: a reader must then read every range
   *     again to see changes
   */
  default Optional<HourVersions> hourVersions(Instant from, Instant to) {
    return Optional.empty();
  }

  /**
   * Runs a duty in at most one process at a time across every process sharing the database (the
   * evaluator that opens incidents, the notification sender): a process that finds the duty taken
   * returns at once without running it. The default serialises within this process only, which
   * suits a database that only one process can open (an H2 file).
   *
   * @param duty the duty's name, such as {@code evaluator}
   * @param work what to run while holding it; its store calls may use other connections
   * @param <T> what the work returns
   * @return what the work returned, or empty when another process holds the duty
   */
  default <T> Optional<T> runExclusive(String duty, java.util.function.Supplier<T> work) {
    return ExclusiveDuties.IN_PROCESS.run(duty, work);
  }

  /**
   * The part of the store that keeps incidents, maintenances and the outbox, if this store has one.
   *
   * @return the notice store, or empty: incidents and maintenances are then off
   */
  default Optional<NoticeStore> notices() {
    return Optional.empty();
  }

  /**
   * The part of the store that keeps the processes writing into it and their deploys, if this store
   * has one.
   *
   * @return the instance store, or empty: silent instances and deploy markers are then off
   */
  default Optional<InstanceStore> instances() {
    return Optional.empty();
  }

  /**
   * The part of the store that hands outbox events to receivers, if this store has one.
   *
   * @return the outbox, or empty: notifications are then off
   */
  default Optional<OutboxStore> outbox() {
    return Optional.empty();
  }

  /**
   * The part of the store that keeps subscribers to incident mail, if this store has one.
   *
   * @return the subscribers, or empty: the subscribe form is then off
   */
  default Optional<SubscriberStore> subscribers() {
    return Optional.empty();
  }
}
