package dev.trafficstatus.capture.healthchecks;

import io.dropwizard.util.Duration;
import java.util.Objects;

/**
 * The capture's durations: read by Dropwizard's {@link Duration#parse}, exactly as every other
 * duration in {@code config.yml}, with messages that say what to write instead and what the bounds
 * are.
 */
final class DurationSetting {

  /** The shortest interval: health checks are a status check, not a load test. */
  static final Duration MIN_INTERVAL = Duration.milliseconds(100);

  static final Duration MAX_INTERVAL = Duration.days(1);

  private DurationSetting() {}

  /**
   * Reads a duration setting.
   *
   * @param text such as {@code 30s}, {@code 500ms} or {@code 30 seconds}
   * @return the duration
   * @throws IllegalArgumentException when Dropwizard would not read it, ISO-8601 included
   */
  static Duration parse(String text) {
    try {
      return Duration.parse(Objects.requireNonNull(text, "no duration"));
    } catch (IllegalArgumentException | NullPointerException notADuration) {
      // Without Dropwizard's exception as the cause: the configuration factory reports the root
      // cause's message, and "Wrong time unit" would hide what to write instead.
      throw new IllegalArgumentException(
          "'" + text + "' is not a duration; write a whole number and a unit as everywhere in"
              + " config.yml, such as 500ms, 30s, 2m, 1h, 1d or 30 seconds (ISO-8601 such as"
              + " PT30S is not accepted)");
    }
  }

  /**
   * Writes a duration the short way, as configuration does: {@code 30s}, {@code 250ms}.
   *
   * @param duration the duration
   * @return its amount and unit
   */
  static String text(Duration duration) {
    String unit =
        switch (duration.getUnit()) {
          case NANOSECONDS -> "ns";
          case MICROSECONDS -> "us";
          case MILLISECONDS -> "ms";
          case SECONDS -> "s";
          case MINUTES -> "m";
          case HOURS -> "h";
          case DAYS -> "d";
        };
    return duration.getQuantity() + unit;
  }

  static Duration checkInterval(Duration interval) {
    if (interval.compareTo(MIN_INTERVAL) < 0 || interval.compareTo(MAX_INTERVAL) > 0) {
      throw new IllegalArgumentException(
          "an interval must be from " + text(MIN_INTERVAL) + " to " + text(MAX_INTERVAL)
              + ", got " + text(interval));
    }
    return interval;
  }

  static Duration checkTimeout(Duration timeout) {
    if (timeout.getQuantity() <= 0) {
      throw new IllegalArgumentException("a timeout must be longer than zero");
    }
    return timeout;
  }
}
