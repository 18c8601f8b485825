package dev.trafficstatus.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.trafficstatus.core.flush.FlushSettings;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MaxDuration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;

/**
 * {@code status.flush}: how counts move from memory to the store. A crash loses at most one
 * interval; while the store is down, up to {@code maxPendingBuckets} minute buckets wait in memory.
 */
public class FlushFactory {

  private static final FlushSettings DEFAULTS = FlushSettings.defaults();

  @NotNull
  @MinDuration(value = 1, unit = TimeUnit.SECONDS)
  @MaxDuration(value = 1, unit = TimeUnit.MINUTES)
  private Duration interval = Duration.seconds(DEFAULTS.interval().toSeconds());

  @Min(1)
  private int maxPendingBuckets = DEFAULTS.maxPendingBuckets();

  @Min(1)
  @Max(10_000)
  private int batchSize = DEFAULTS.batchSize();

  @JsonProperty
  public Duration getInterval() {
    return interval;
  }

  @JsonProperty
  public void setInterval(Duration interval) {
    this.interval = interval;
  }

  @JsonProperty
  public int getMaxPendingBuckets() {
    return maxPendingBuckets;
  }

  @JsonProperty
  public void setMaxPendingBuckets(int maxPendingBuckets) {
    this.maxPendingBuckets = maxPendingBuckets;
  }

  @JsonProperty
  public int getBatchSize() {
    return batchSize;
  }

  @JsonProperty
  public void setBatchSize(int batchSize) {
    this.batchSize = batchSize;
  }

  /**
   * The settings.
   *
   * @return the settings
   */
  public FlushSettings build() {
    return new FlushSettings(interval.toJavaDuration(), maxPendingBuckets, batchSize);
  }
}
