package dev.trafficstatus.store.jdbi.internal;

/**
 * The rollup bookkeeping of one UTC hour, a row of {@code status_hour_state}: like {@link
 * DayState}, every write of minute buckets bumps {@code version} and clears the rollup mark of the
 * hours it wrote, and an hour rollup only takes effect if the version it read is still there.
 *
 * @param epochHour the hour
 * @param version bumped by every write to the hour
 */
public record HourState(long epochHour, long version) {}
