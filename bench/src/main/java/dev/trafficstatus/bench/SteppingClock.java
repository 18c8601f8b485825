package dev.trafficstatus.bench;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A UTC clock the benchmark sets by hand, so a flush finds exactly the minute it closed and a page
 * is built for the day its data was seeded for. Safe to read from many threads.
 */
public final class SteppingClock extends Clock {

  private final AtomicLong millis;

  /**
   * @param start the first time it shows
   */
  public SteppingClock(Instant start) {
    this.millis = new AtomicLong(start.toEpochMilli());
  }

  /**
   * Moves the clock to a time, forwards or back.
   *
   * @param to the time it shows from now on
   */
  public void set(Instant to) {
    millis.set(to.toEpochMilli());
  }

  @Override
  public long millis() {
    return millis.get();
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis.get());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the benchmarks run in UTC");
  }
}
