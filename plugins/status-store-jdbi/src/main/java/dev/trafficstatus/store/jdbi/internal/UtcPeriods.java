package dev.trafficstatus.store.jdbi.internal;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The store's clock arithmetic: minutes and UTC calendar days as numbers since the epoch, the form
 * rows keep them in (indexable, the same on every database, free of time zone settings).
 */
public final class UtcPeriods {

  /** Minutes in a UTC day; UTC has no daylight saving and the store ignores leap seconds. */
  public static final long MINUTES_PER_DAY = 1_440;

  private UtcPeriods() {}

  /**
   * The minute an instant falls in.
   *
   * @param instant any instant
   * @return minutes since 1970-01-01T00:00Z, rounded down
   */
  public static long minuteOf(Instant instant) {
    return Math.floorDiv(instant.getEpochSecond(), 60);
  }

  /**
   * The UTC day an instant falls in.
   *
   * @param instant any instant
   * @return days since 1970-01-01, rounded down
   */
  public static long dayOf(Instant instant) {
    return dayOfMinute(minuteOf(instant));
  }

  /**
   * The UTC day a minute falls in.
   *
   * @param epochMinute minutes since the epoch
   * @return days since the epoch
   */
  public static long dayOfMinute(long epochMinute) {
    return Math.floorDiv(epochMinute, MINUTES_PER_DAY);
  }

  /** Hours in a UTC day. */
  public static final long HOURS_PER_DAY = 24;

  /**
   * The hour a minute falls in.
   *
   * @param epochMinute minutes since the epoch
   * @return hours since the epoch
   */
  public static long hourOfMinute(long epochMinute) {
    return Math.floorDiv(epochMinute, 60);
  }

  /**
   * The hour an instant falls in.
   *
   * @param instant any instant
   * @return hours since the epoch, rounded down
   */
  public static long hourOf(Instant instant) {
    return hourOfMinute(minuteOf(instant));
  }

  /**
   * The first hour of a UTC day.
   *
   * @param epochDay days since the epoch
   * @return hours since the epoch
   */
  public static long firstHourOf(long epochDay) {
    return epochDay * HOURS_PER_DAY;
  }

  /**
   * The first minute of a UTC day.
   *
   * @param epochDay days since the epoch
   * @return minutes since the epoch
   */
  public static long firstMinuteOf(long epochDay) {
    return epochDay * MINUTES_PER_DAY;
  }

  /**
   * An instant as the microseconds since the epoch that notice and outbox rows keep, saturated at
   * the ends of the range (so {@link Instant#MAX} still orders after every real time).
   *
   * @param instant any instant; nanoseconds below the microsecond are dropped
   * @return microseconds since 1970-01-01T00:00Z, rounded down
   */
  public static long micros(Instant instant) {
    long seconds = instant.getEpochSecond();
    if (seconds >= Long.MAX_VALUE / 1_000_000) {
      return Long.MAX_VALUE;
    }
    if (seconds <= Long.MIN_VALUE / 1_000_000) {
      return Long.MIN_VALUE;
    }
    return seconds * 1_000_000 + instant.getNano() / 1_000;
  }

  /**
   * The inverse of {@link #micros(Instant)}.
   *
   * @param micros microseconds since the epoch
   * @return the instant
   */
  public static Instant instantOfMicros(long micros) {
    return Instant.ofEpochSecond(
        Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1_000L);
  }

  /**
   * A UTC day as a date.
   *
   * @param epochDay days since the epoch
   * @return the date
   */
  public static LocalDate dateOf(long epochDay) {
    return LocalDate.ofEpochDay(epochDay);
  }
}
