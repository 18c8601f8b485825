package dev.trafficstatus.store.jdbi.internal;

/**
 * A row of {@code status_hour_writes}: the bookkeeping of one instance's writes into one hour.
 *
 * <p>Every write of minute buckets upserts the row of each hour it wrote to, for the instance of its
 * buckets, bumping {@code version} in the write's own transaction. No two instances share a row, so
 * concurrent flushes of several processes never wait for each other. While an hour has rows it is
 * "dirty": read from its minute rows. Maintenance rolls it up from those minute rows and then
 * deletes exactly the rows (hour, instance, version) it read before: a row whose version moved
 * meanwhile (a write after the rollup read its minutes) survives, and the hour stays dirty until
 * the next run.
 *
 * @param epochHour the hour
 * @param instance the process whose buckets were written
 * @param version bumped by every write; not bound when writing, where the database bumps it
 */
public record HourWrite(long epochHour, String instance, long version) {

  /**
   * The bookkeeping a write of an instance's buckets into an hour upserts.
   *
   * @param epochHour the hour
   * @param instance the instance
   * @return the row to upsert
   */
  public static HourWrite of(long epochHour, String instance) {
    return new HourWrite(epochHour, instance, 0);
  }

  /**
   * The day of the hour.
   *
   * @return the epoch day
   */
  public long epochDay() {
    return Math.floorDiv(epochHour, UtcPeriods.HOURS_PER_DAY);
  }
}
