package dev.trafficstatus.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.trafficstatus.core.maintain.MaintenanceSettings;
import dev.trafficstatus.spi.store.Retention;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.NotNull;

/**
 * {@code status.retention}: how long minute buckets, day rollups, closed incidents and
 * maintenances, and outbox events are kept, and how often the background duty (rollups, deletion)
 * runs. Rows grow with routes × time, never with requests. Defaults and bounds are {@link
 * MaintenanceSettings}'s and {@link Retention}'s.
 */
@ValidSettings
public class RetentionFactory implements SettingsBlock {

  private static final MaintenanceSettings DEFAULTS = MaintenanceSettings.defaults();

  @NotNull private Duration minutes = ConfigDurations.of(DEFAULTS.retention().minutes());

  @NotNull private Duration days = ConfigDurations.of(DEFAULTS.retention().days());

  @NotNull private Duration incidents = ConfigDurations.of(DEFAULTS.incidents());

  @NotNull private Duration notifications = ConfigDurations.of(DEFAULTS.notifications());

  @NotNull private Duration maintenanceInterval = ConfigDurations.of(DEFAULTS.interval());

  @JsonProperty
  public Duration getMinutes() {
    return minutes;
  }

  @JsonProperty
  public void setMinutes(Duration minutes) {
    this.minutes = minutes;
  }

  @JsonProperty
  public Duration getDays() {
    return days;
  }

  @JsonProperty
  public void setDays(Duration days) {
    this.days = days;
  }

  @JsonProperty
  public Duration getIncidents() {
    return incidents;
  }

  @JsonProperty
  public void setIncidents(Duration incidents) {
    this.incidents = incidents;
  }

  @JsonProperty
  public Duration getNotifications() {
    return notifications;
  }

  @JsonProperty
  public void setNotifications(Duration notifications) {
    this.notifications = notifications;
  }

  @JsonProperty
  public Duration getMaintenanceInterval() {
    return maintenanceInterval;
  }

  @JsonProperty
  public void setMaintenanceInterval(Duration maintenanceInterval) {
    this.maintenanceInterval = maintenanceInterval;
  }

  /**
   * The settings.
   *
   * @return the retentions and the maintenance interval
   */
  public MaintenanceSettings build() {
    return new MaintenanceSettings(
        new Retention(minutes.toJavaDuration(), days.toJavaDuration()),
        incidents.toJavaDuration(),
        notifications.toJavaDuration(),
        maintenanceInterval.toJavaDuration());
  }

  @Override
  public void check() {
    build();
  }
}
