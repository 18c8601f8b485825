package dev.trafficstatus.core.notify;

import static dev.trafficstatus.spi.InvalidSettingException.text;

import dev.trafficstatus.spi.InvalidSettingException;
import java.time.Duration;
import java.util.Objects;

/**
 * How notifications are sent ({@code status.notifications}); the only judge of these bounds.
 *
 * <p>A failed delivery is tried again after {@code initialBackoff}, each later time after twice
 * the wait before, never more than {@code maxBackoff} apart (each wait 80 to 120 % of that, so
 * receivers that failed together are not called again together), until {@code maxAttempts}
 * attempts failed: then it is dead. With the defaults the ten attempts span about 22 hours.
 *
 * @param enabled whether this process sends at all
 * @param interval how often the sender looks for due deliveries
 * @param timeout how long one send may take before it is cut and retried
 * @param maxAttempts attempts before a delivery is dead
 * @param initialBackoff the wait after the first failed attempt
 * @param maxBackoff the longest wait between two attempts
 * @param routeStateChanges whether events of a route's state changing are sent (noisy)
 */
public record NotificationSettings(
    boolean enabled,
    Duration interval,
    Duration timeout,
    int maxAttempts,
    Duration initialBackoff,
    Duration maxBackoff,
    boolean routeStateChanges) {

  /** The shortest interval. */
  public static final Duration MIN_INTERVAL = Duration.ofMillis(100);

  /** The longest interval. */
  public static final Duration MAX_INTERVAL = Duration.ofMinutes(5);

  /** The shortest timeout. */
  public static final Duration MIN_TIMEOUT = Duration.ofMillis(100);

  /** The longest timeout. */
  public static final Duration MAX_TIMEOUT = Duration.ofMinutes(5);

  /** The most attempts. */
  public static final int MAX_ATTEMPTS = 100;

  /** The shortest first wait. */
  public static final Duration MIN_BACKOFF = Duration.ofSeconds(1);

  /** The longest wait between attempts. */
  public static final Duration MAX_BACKOFF = Duration.ofDays(1);

  /** Checks the bounds. */
  public NotificationSettings {
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    within("interval", interval, MIN_INTERVAL, MAX_INTERVAL);
    within("timeout", timeout, MIN_TIMEOUT, MAX_TIMEOUT);
    if (maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS) {
      throw new InvalidSettingException(
          "maxAttempts", "must be between 1 and " + MAX_ATTEMPTS + ", got " + maxAttempts);
    }
    within("initialBackoff", initialBackoff, MIN_BACKOFF, MAX_BACKOFF);
    if (maxBackoff.compareTo(initialBackoff) < 0 || maxBackoff.compareTo(MAX_BACKOFF) > 0) {
      throw new InvalidSettingException(
          "maxBackoff",
          "must be between initialBackoff (" + text(initialBackoff) + ") and " + text(MAX_BACKOFF)
              + ", got " + text(maxBackoff));
    }
  }

  private static void within(String setting, Duration value, Duration min, Duration max) {
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new InvalidSettingException(
          setting, "must be between " + text(min) + " and " + text(max) + ", got " + text(value));
    }
  }

  /**
   * On; every 5 seconds; 10 seconds per send; 10 attempts, 5 minutes apart at first, doubling up
   * to 6 hours (about 22 hours in all); route state changes not sent.
   *
   * @return the defaults
   */
  public static NotificationSettings defaults() {
    return new NotificationSettings(
        true,
        Duration.ofSeconds(5),
        Duration.ofSeconds(10),
        10,
        Duration.ofMinutes(5),
        Duration.ofHours(6),
        false);
  }

  /**
   * The wait after a number of failed attempts, before jitter.
   *
   * @param failures failed attempts so far, at least 1
   * @return the wait: {@code initialBackoff} doubled {@code failures - 1} times, at most {@code
   *     maxBackoff}
   */
  public Duration backoffAfter(int failures) {
    Duration wait = initialBackoff;
    for (int i = 1; i < failures && wait.compareTo(maxBackoff) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
  }
}
