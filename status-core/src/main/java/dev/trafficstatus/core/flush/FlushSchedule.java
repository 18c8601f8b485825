package dev.trafficstatus.core.flush;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * When one process flushes: at each interval's boundary plus its phase, {@code GRACE} after the
 * boundary (so requests in flight land first) plus a share of up to {@code SPREAD} fixed by its
 * instance id, so instances sharing a database do not all write at the same second.
 *
 * @param interval the flush interval
 * @param phase the offset from each interval's boundary
 */
record FlushSchedule(Duration interval, Duration phase) {

  /** Waited after a minute closes before harvesting it, so requests in flight land first. */
  private static final Duration GRACE = Duration.ofSeconds(2);

  /** The widest spread of phases over instances. */
  private static final Duration SPREAD = Duration.ofSeconds(10);

  FlushSchedule {
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(phase, "phase");
  }

  /**
   * The schedule of an instance: its phase is {@code GRACE} plus a share of up to {@code SPREAD}
   * (a quarter of the interval at most) fixed by its id.
   *
   * @param instance the instance id
   * @param interval the flush interval
   * @return the schedule
   */
  static FlushSchedule of(String instance, Duration interval) {
    long intervalMillis = interval.toMillis();
    long grace = Math.min(GRACE.toMillis(), intervalMillis / 2);
    long spread = Math.min(SPREAD.toMillis(), intervalMillis / 4);
    long share = spread == 0 ? 0 : Math.floorMod(mix(instance.hashCode()), spread);
    return new FlushSchedule(interval, Duration.ofMillis(grace + share));
  }

  /** Spreads close hash codes apart (instance ids differ in their last characters). */
  private static long mix(int hash) {
    long h = hash * 0x9E3779B97F4A7C15L;
    return h ^ (h >>> 29);
  }

  /**
   * When what is counted at {@code now} is written: the first scheduled flush after the minute of
   * {@code now} has closed.
   *
   * @param now the moment counted
   * @return the flush that writes it
   */
  Instant writtenBy(Instant now) {
    long intervalMillis = interval.toMillis();
    long minuteEnd = now.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1)).toEpochMilli();
    long flush =
        Math.floorDiv(minuteEnd - phase.toMillis(), intervalMillis) * intervalMillis + phase.toMillis();
    if (flush < minuteEnd) {
      flush += intervalMillis;
    }
    return Instant.ofEpochMilli(flush);
  }
}
