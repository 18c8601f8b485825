package dev.trafficstatus.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.trafficstatus.spi.store.Retention;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import io.dropwizard.validation.ValidationMethod;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;

/**
 * {@code status.retention}: how long minute buckets and day rollups are kept, and how often the
 * background duty (rollups, deletion) runs. Rows grow with routes × time, never with requests.
 */
public class RetentionFactory {

  @NotNull
  @MinDuration(value = 2, unit = TimeUnit.DAYS)
  private Duration minutes = Duration.days(7);

  @NotNull
  @MinDuration(value = 2, unit = TimeUnit.DAYS)
  private Duration days = Duration.days(400);

  @NotNull
  @MinDuration(value = 1, unit = TimeUnit.MINUTES)
  private Duration maintenanceInterval = Duration.minutes(10);

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
  public Duration getMaintenanceInterval() {
    return maintenanceInterval;
  }

  @JsonProperty
  public void setMaintenanceInterval(Duration maintenanceInterval) {
    this.maintenanceInterval = maintenanceInterval;
  }

  @ValidationMethod(message = "days must be at least as long as minutes")
  public boolean isDaysOutlivingMinutes() {
    return minutes == null || days == null || days.toSeconds() >= minutes.toSeconds();
  }

  /**
   * The retention.
   *
   * @return the retention
   */
  public Retention build() {
    return new Retention(minutes.toJavaDuration(), days.toJavaDuration());
  }
}
