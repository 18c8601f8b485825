package dev.trafficstatus.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock tests move by hand, in UTC: every time-dependent component takes a {@link Clock}, so a
 * test moves time instead of waiting for it. Safe to read and move from many threads.
 */
public final class MutableClock extends Clock {

  private final AtomicLong millis;

  /**
   * @param start the first instant the clock shows
   */
  public MutableClock(Instant start) {
    this.millis = new AtomicLong(start.toEpochMilli());
  }

  /**
   * A clock at an ISO-8601 instant, such as {@code 2025-03-01T12:00:00Z}.
   *
   * @param instant the instant
   * @return the clock
   */
  public static MutableClock at(String instant) {
    return new MutableClock(Instant.parse(instant));
  }

  /**
   * Moves the clock forward (or back, with a negative duration).
   *
   * @param by how far
   */
  public void advance(Duration by) {
    millis.addAndGet(by.toMillis());
  }

  /**
   * Sets the clock.
   *
   * @param to the instant it shows from now on
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
    throw new UnsupportedOperationException("tests use UTC");
  }
}
