package dev.trafficstatus.core.connect;

import static dev.trafficstatus.spi.InvalidSettingException.text;

import dev.trafficstatus.spi.InvalidSettingException;
import java.time.Duration;
import java.util.Objects;

/**
 * How the store is connected in the background ({@code status.storeConnect}): start-up waits for
 * the first attempt at most {@code startWait} (a database that refuses answers at once, a hung one
 * does not hold the host's start longer); the first retry comes after {@code initialBackoff}, each
 * later one after twice the one before, never more than {@code maxBackoff} apart (each ±20 %, so
 * instances that lost their database together do not come back together).
 *
 * @param startWait how long start-up waits for the first attempt; zero does not wait
 * @param initialBackoff the wait after the first failed attempt
 * @param maxBackoff the longest wait between two attempts
 */
public record ConnectSettings(Duration startWait, Duration initialBackoff, Duration maxBackoff) {

  /** The shortest first wait. */
  public static final Duration MIN_BACKOFF = Duration.ofMillis(100);

  /** The longest wait any setting may ask for. */
  public static final Duration MAX_BACKOFF = Duration.ofHours(1);

  /** The longest start-up wait. */
  public static final Duration MAX_START_WAIT = Duration.ofMinutes(1);

  /** Checks the bounds. */
  public ConnectSettings {
    Objects.requireNonNull(startWait, "startWait");
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    if (startWait.isNegative() || startWait.compareTo(MAX_START_WAIT) > 0) {
      throw new InvalidSettingException(
          "startWait", "must be between 0s and " + text(MAX_START_WAIT) + ", got " + text(startWait));
    }
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    if (initialBackoff.compareTo(MIN_BACKOFF) < 0 || initialBackoff.compareTo(MAX_BACKOFF) > 0) {
      throw new InvalidSettingException(
          "initialBackoff",
          "must be between " + text(MIN_BACKOFF) + " and " + text(MAX_BACKOFF) + ", got "
              + text(initialBackoff));
    }
    if (maxBackoff.compareTo(initialBackoff) < 0 || maxBackoff.compareTo(MAX_BACKOFF) > 0) {
      throw new InvalidSettingException(
          "maxBackoff",
          "must be between initialBackoff (" + text(initialBackoff) + ") and " + text(MAX_BACKOFF)
              + ", got " + text(maxBackoff));
    }
  }

  /**
   * Start-up waits up to 5 seconds for the first attempt; retries after a second, then doubling up
   * to a minute.
   *
   * @return the defaults
   */
  public static ConnectSettings defaults() {
    return new ConnectSettings(Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofMinutes(1));
  }

  /**
   * The wait after a number of failed attempts, before jitter.
   *
   * @param failures failed attempts so far, at least 1
   * @return the wait
   */
  public Duration backoffAfter(int failures) {
    Duration wait = initialBackoff;
    for (int i = 1; i < failures && wait.compareTo(maxBackoff) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
  }
}
