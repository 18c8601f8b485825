package dev.trafficstatus.core.maintain;

import static dev.trafficstatus.spi.InvalidSettingException.text;

import dev.trafficstatus.spi.InvalidSettingException;
import dev.trafficstatus.spi.page.StatusPage;
import dev.trafficstatus.spi.store.Retention;
import java.time.Duration;
import java.util.Objects;

/**
 * How long rows are kept and how often the background duty (rollups, deletion) runs ({@code
 * status.retention}). The retention of figures has its bounds in the SPI's {@link Retention}.
 *
 * @param retention how long minute and day rows are kept
 * @param incidents how long incidents and maintenances are kept once closed, at least the days
 *     the page lists past notices for ({@link StatusPage#PAST_NOTICE_DAYS})
 * @param notifications how long outbox events (with their deliveries and attempts) are kept, at
 *     least a day, so a delivery retried through a day keeps its event
 * @param interval how often maintenance runs, at least a minute
 */
public record MaintenanceSettings(
    Retention retention, Duration incidents, Duration notifications, Duration interval) {

  /** The shortest interval between two runs. */
  public static final Duration MIN_INTERVAL = Duration.ofMinutes(1);

  /** The shortest time closed notices are kept: the page lists those of the last days. */
  public static final Duration MIN_INCIDENTS = Duration.ofDays(StatusPage.PAST_NOTICE_DAYS);

  /** The shortest time outbox events are kept. */
  public static final Duration MIN_NOTIFICATIONS = Duration.ofDays(1);

  /** Checks the durations. */
  public MaintenanceSettings {
    Objects.requireNonNull(retention, "retention");
    Objects.requireNonNull(incidents, "incidents");
    Objects.requireNonNull(notifications, "notifications");
    Objects.requireNonNull(interval, "interval");
    if (incidents.compareTo(MIN_INCIDENTS) < 0) {
      throw new InvalidSettingException(
          "incidents",
          "must be at least " + text(MIN_INCIDENTS) + " (the page lists notices closed in the last "
              + StatusPage.PAST_NOTICE_DAYS + " days), got " + text(incidents));
    }
    if (notifications.compareTo(MIN_NOTIFICATIONS) < 0) {
      throw new InvalidSettingException(
          "notifications",
          "must be at least " + text(MIN_NOTIFICATIONS) + " (deliveries are retried for hours), got "
              + text(notifications));
    }
    if (interval.compareTo(MIN_INTERVAL) < 0) {
      throw new InvalidSettingException(
          "maintenanceInterval", "must be at least " + text(MIN_INTERVAL) + ", got " + text(interval));
    }
  }

  /**
   * Minutes kept 7 days, days 400 days, closed notices 400 days, outbox events 30 days,
   * maintenance every 10 minutes.
   *
   * @return the defaults
   */
  public static MaintenanceSettings defaults() {
    return new MaintenanceSettings(
        Retention.defaults(), Duration.ofDays(400), Duration.ofDays(30), Duration.ofMinutes(10));
  }
}
