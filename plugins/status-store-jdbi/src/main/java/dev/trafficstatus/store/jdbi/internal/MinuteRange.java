package dev.trafficstatus.store.jdbi.internal;

/**
 * A range of minutes {@code [fromMinute, toMinute)} cut into what {@link FiguresDao#READ_BETWEEN}
 * reads from which table: whole UTC days, whole hours, and the edge minutes before the first and
 * after the last whole hour. Epoch minutes, hours and days; an empty part has its end at or
 * before its start.
 *
 * @param fromMinute the first minute
 * @param toMinute the minute after the last
 * @param headEnd the end of the leading edge: the first whole hour's first minute, or {@code
 *     toMinute} when the range holds no whole hour
 * @param tailStart the start of the trailing edge: the minute after the last whole hour
 * @param firstWholeHour the first whole hour
 * @param endWholeHour the hour after the last whole hour
 * @param firstHourDay the day of the first whole hour
 * @param lastHourDay the day of the last whole hour
 * @param firstWholeDay the first whole day
 * @param endWholeDay the day after the last whole day
 */
public record MinuteRange(
    long fromMinute,
    long toMinute,
    long headEnd,
    long tailStart,
    long firstWholeHour,
    long endWholeHour,
    long firstHourDay,
    long lastHourDay,
    long firstWholeDay,
    long endWholeDay) {

  /**
   * Cuts a range of minutes.
   *
   * @param fromMinute the first epoch minute
   * @param toMinute the epoch minute after the last, after {@code fromMinute}
   * @return the range's parts
   */
  public static MinuteRange of(long fromMinute, long toMinute) {
    long firstWholeHour = ceilDiv(fromMinute, 60);
    long endWholeHour = Math.max(firstWholeHour, Math.floorDiv(toMinute, 60));
    long headEnd = Math.min(toMinute, firstWholeHour * 60);
    long tailStart = Math.max(headEnd, endWholeHour * 60);
    long firstWholeDay = ceilDiv(fromMinute, UtcPeriods.MINUTES_PER_DAY);
    long endWholeDay = Math.max(firstWholeDay, Math.floorDiv(toMinute, UtcPeriods.MINUTES_PER_DAY));
    return new MinuteRange(
        fromMinute,
        toMinute,
        headEnd,
        tailStart,
        firstWholeHour,
        endWholeHour,
        Math.floorDiv(firstWholeHour, UtcPeriods.HOURS_PER_DAY),
        Math.floorDiv(endWholeHour - 1, UtcPeriods.HOURS_PER_DAY),
        firstWholeDay,
        endWholeDay);
  }

  private static long ceilDiv(long dividend, long divisor) {
    return -Math.floorDiv(-dividend, divisor);
  }
}
