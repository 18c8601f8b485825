package dev.trafficstatus.core.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When a failed delivery is tried again: {@link NotificationSettings#backoffAfter} with 80 to 120 %
 * jitter, at least what the receiver asked for ({@code Retry-After}, up to {@code maxBackoff}), and
 * never after {@code maxAttempts} attempts.
 */
final class RetrySchedule {

  private static final double JITTER = 0.2;

  private final NotificationSettings settings;
  private final RandomGenerator random;

  /**
   * @param settings the attempts and waits
   * @param random the source of jitter
   */
  RetrySchedule(NotificationSettings settings, RandomGenerator random) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.random = Objects.requireNonNull(random, "random");
  }

  /**
   * When to try again after a failed attempt.
   *
   * @param attempt the number of the attempt that failed, from 1
   * @param now when it failed
   * @param retryAfter how long the receiver asked to wait, if it said
   * @return the next attempt's time, or empty when that was the last attempt
   */
  Optional<Instant> nextAttempt(int attempt, Instant now, Optional<Duration> retryAfter) {
    if (attempt >= settings.maxAttempts()) {
      return Optional.empty();
    }
    Duration base = settings.backoffAfter(attempt);
    double factor = 1 - JITTER + 2 * JITTER * random.nextDouble();
    Duration wait = Duration.ofMillis(Math.round(base.toMillis() * factor));
    if (retryAfter.isPresent()) {
      // A receiver's wish counts up to maxBackoff: "Retry-After: a year" must not stall it.
      Duration asked =
          retryAfter.get().compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : retryAfter.get();
      wait = asked.compareTo(wait) > 0 ? asked : wait;
    }
    return Optional.of(now.plus(wait));
  }

  /**
   * The longest time from a delivery's first attempt to its last, jitter included.
   *
   * @return the span
   */
  Duration span() {
    Duration total = Duration.ZERO;
    for (int failed = 1; failed < settings.maxAttempts(); failed++) {
      total = total.plus(settings.backoffAfter(failed));
    }
    return Duration.ofMillis(Math.round(total.toMillis() * (1 + JITTER)));
  }
}
