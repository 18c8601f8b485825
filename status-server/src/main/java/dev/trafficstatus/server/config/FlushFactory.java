package dev.trafficstatus.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.trafficstatus.core.flush.FlushSettings;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.NotNull;

/**
 * {@code status.flush}: how counts move from memory to the store. While the store is down, up to
 * {@code maxPendingBuckets} minute buckets wait in memory. Defaults and bounds are {@link
 * FlushSettings}'s.
 */
@ValidSettings
public class FlushFactory implements SettingsBlock {

  private static final FlushSettings DEFAULTS = FlushSettings.defaults();

  @NotNull private Duration interval = ConfigDurations.of(DEFAULTS.interval());

  private int maxPendingBuckets = DEFAULTS.maxPendingBuckets();

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

  @Override
  public void check() {
    build();
  }
}
