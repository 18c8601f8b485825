package dev.trafficstatus.spi.store;

import dev.trafficstatus.spi.notice.Notice;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Keeps incidents and maintenances with their timelines, and the outbox of events about them; a
 * part of a {@link StatusStore} that offers it ({@link StatusStore#notices()}). Shared by every
 * process on the same database, thread-safe; every method throws {@link StoreException} when the
 * database cannot be reached or refuses.
 */
public interface NoticeStore {

  /**
   * The notices a page shows: every open one, and every one closed at or after a moment (the
   * "past incidents" of the last days).
   *
   * @param closedSince the earliest closing time of closed notices to include
   * @return the notices, newest start first; never null
   */
  List<Notice> current(Instant closedSince);

  /**
   * Closed notices, for the history pages and the feeds.
   *
   * @param from the earliest closing time, inclusive
   * @param to the latest closing time, exclusive
   * @param limit how many at most
   * @return the notices closed in the range, newest closing first
   */
  List<Notice> closedBetween(Instant from, Instant to, int limit);

  /**
   * One notice.
   *
   * @param id its id
   * @return the notice, or empty when there is none by that id
   */
  Optional<Notice> find(String id);

  /**
   * Writes a notice with its whole timeline (a new one when no notice has its id, else replacing
   * the stored one) and appends events to the outbox, in one transaction.
   *
   * @param notice the notice; its version is the one it was read at (0 for a new one)
   * @param events what to tell the notifiers about this change; may be empty
   * @return the notice as stored, with its new version; a store may keep times to the microsecond
   *     only (as PostgreSQL does), so this is what later reads return
   * @throws ConcurrentChangeException when the stored notice's version is not the given one (or
   *     a new notice's id is taken): nothing was written
   */
  Notice save(Notice notice, List<OutboxEvent> events);

  /**
   * Deletes a notice and its timeline (one written by mistake), and appends events, in one
   * transaction.
   *
   * @param id the notice's id
   * @param events what to tell the notifiers; may be empty
   * @return whether a notice was deleted
   */
  boolean delete(String id, List<OutboxEvent> events);

  /**
   * Replaces what a maintenance window holds: each affected route's requests per UTC day inside it
   * (the evaluator sums them while the window runs and once more when it ends).
   *
   * @param noticeId the maintenance's id; nothing is kept for a notice the store does not have
   *     (one deleted meanwhile)
   * @param tallies the route-days; an empty list removes them
   */
  void recordWindowTallies(String noticeId, List<DayBucket> tallies);

  /**
   * What maintenance windows held on the days of a page's window.
   *
   * @param first the first day, inclusive
   * @param last the last day, inclusive
   * @return every route-day of every window on those days
   */
  List<WindowTally> windowTallies(LocalDate first, LocalDate last);

  /**
   * Deletes closed notices past retention, with what their windows held.
   *
   * @param before notices closed before this are deleted
   * @return how many were deleted
   */
  int deleteClosedBefore(Instant before);
}
