package dev.trafficstatus.core.maintain;

import static dev.trafficstatus.spi.InvalidSettingException.text;

import dev.trafficstatus.spi.InvalidSettingException;
import dev.trafficstatus.spi.store.Retention;
import java.time.Duration;
import java.util.Objects;

/**
 * How long rows are kept and how often the background duty (rollups, deletion) runs ({@code
 * status.retention}). The retention's own bounds are the SPI's {@link Retention}'s.
 *
 * @param retention how long minute and day rows are kept
 * @param interval how often maintenance runs, at least a minute
 */
public record MaintenanceSettings(Retention retention, Duration interval) {

  /** The shortest interval between two runs. */
  public static final Duration MIN_INTERVAL = Duration.ofMinutes(1);

  /** Checks the interval. */
  public MaintenanceSettings {
    Objects.requireNonNull(retention, "retention");
    Objects.requireNonNull(interval, "interval");
    if (interval.compareTo(MIN_INTERVAL) < 0) {
      throw new InvalidSettingException(
          "maintenanceInterval", "must be at least " + text(MIN_INTERVAL) + ", got " + text(interval));
    }
  }

  /**
   * Minutes kept 7 days, days 400 days, maintenance every 10 minutes.
   *
   * @return the defaults
   */
  public static MaintenanceSettings defaults() {
    return new MaintenanceSettings(Retention.defaults(), Duration.ofMinutes(10));
  }
}
