package dev.trafficstatus.store.jdbi.internal;

/**
 * A row of {@link FiguresDao#DAY_VERSIONS}: a day's version in {@code status_day_state}, or a day
 * with dirty hours.
 *
 * @param epochDay the day
 * @param version its version; 0 for a dirty day
 * @param dirty whether the day has hours written to since their rollup
 */
public record DayVersionRow(long epochDay, long version, boolean dirty) {}
