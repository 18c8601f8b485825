package dev.trafficstatus.store.jdbi.internal;

/**
 * The rollup bookkeeping of one UTC day, a row of {@code status_day_state}.
 *
 * <p>Every write of minute buckets bumps {@code version} and clears {@code rolledUp} for the days
 * it wrote; a rollup or prune only takes effect if the version it read beforehand is still there,
 * so a bucket that arrives while a day is being rolled up is never lost: the day stays (or becomes
 * again) "not rolled up" and is read from its minutes until the next maintenance.
 *
 * @param epochDay the day
 * @param rolledUp true when the day rows hold every minute row of the day
 * @param pruned true when the day's minute rows were deleted past retention; minute rows present
 *     then arrived later and add to the day rows
 * @param version bumped by every write to the day
 */
public record DayState(long epochDay, boolean rolledUp, boolean pruned, long version) {}
