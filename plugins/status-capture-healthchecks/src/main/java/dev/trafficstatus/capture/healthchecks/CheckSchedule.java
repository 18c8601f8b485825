package dev.trafficstatus.capture.healthchecks;

import io.dropwizard.util.Duration;
import java.util.Objects;

/**
 * When the health checks run.
 *
 * @param interval how often each check runs
 * @param timeout how long a check may run before it counts as a failure; at most the interval
 * @param maxConcurrency how many checks run at once at most
 */
record CheckSchedule(Duration interval, Duration timeout, int maxConcurrency) {

  /** Checks every part is present and the timeout fits in the interval. */
  CheckSchedule {
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(timeout, "timeout");
    if (maxConcurrency < 1) {
      throw new IllegalArgumentException("maxConcurrency must be at least 1");
    }
    if (timeout.compareTo(interval) > 0) {
      throw new IllegalArgumentException(
          "The '" + HealthCheckCaptureFactory.NAME + "' capture's timeout "
              + DurationSetting.text(timeout) + " is longer than its interval "
              + DurationSetting.text(interval) + ", so a slow check would skip every other"
              + " round; shorten the timeout or lengthen the interval");
    }
  }
}
