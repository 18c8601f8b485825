package dev.trafficstatus.store.jdbi.internal;

/**
 * A row of {@link FiguresDao#HOUR_VERSIONS}: a day's version in {@code status_day_state}, or the
 * sum of a dirty hour's bookkeeping versions.
 *
 * @param period the epoch day, or the epoch hour when {@code ofHour}
 * @param version the day's version, or the sum of the hour's bookkeeping versions
 * @param ofHour whether the row is an hour's
 */
public record HourVersionRow(long period, long version, boolean ofHour) {}
