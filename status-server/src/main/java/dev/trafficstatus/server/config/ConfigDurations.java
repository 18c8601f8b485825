package dev.trafficstatus.server.config;

import io.dropwizard.util.Duration;
import java.util.concurrent.TimeUnit;

/** The core's defaults as Dropwizard durations, written in the largest whole unit. */
final class ConfigDurations {

  private static final TimeUnit[] UNITS = {
    TimeUnit.DAYS, TimeUnit.HOURS, TimeUnit.MINUTES, TimeUnit.SECONDS, TimeUnit.MILLISECONDS
  };

  private ConfigDurations() {}

  /**
   * A Dropwizard duration of the same length.
   *
   * @param duration a whole number of milliseconds
   * @return the duration, such as {@code 1 minute} for sixty seconds
   */
  static Duration of(java.time.Duration duration) {
    long millis = duration.toMillis();
    for (TimeUnit unit : UNITS) {
      long size = unit.toMillis(1);
      if (millis % size == 0 && (millis != 0 || unit == TimeUnit.MILLISECONDS)) {
        return Duration.parse(millis / size + " " + unit.name().toLowerCase(java.util.Locale.ROOT));
      }
    }
    return Duration.milliseconds(millis);
  }
}
