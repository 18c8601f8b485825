package dev.trafficstatus.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.trafficstatus.core.connect.ConnectSettings;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.NotNull;

/**
 * {@code status.storeConnect}: the store starts (connects, migrates) in the background, so the
 * host starts and serves whatever state the status database is in; failed attempts are retried
 * after a capped exponential backoff. Defaults and bounds are {@link ConnectSettings}'s.
 */
@ValidSettings
public class StoreConnectFactory implements SettingsBlock {

  private static final ConnectSettings DEFAULTS = ConnectSettings.defaults();

  @NotNull private Duration startWait = ConfigDurations.of(DEFAULTS.startWait());

  @NotNull private Duration initialBackoff = ConfigDurations.of(DEFAULTS.initialBackoff());

  @NotNull private Duration maxBackoff = ConfigDurations.of(DEFAULTS.maxBackoff());

  @JsonProperty
  public Duration getStartWait() {
    return startWait;
  }

  @JsonProperty
  public void setStartWait(Duration startWait) {
    this.startWait = startWait;
  }

  @JsonProperty
  public Duration getInitialBackoff() {
    return initialBackoff;
  }

  @JsonProperty
  public void setInitialBackoff(Duration initialBackoff) {
    this.initialBackoff = initialBackoff;
  }

  @JsonProperty
  public Duration getMaxBackoff() {
    return maxBackoff;
  }

  @JsonProperty
  public void setMaxBackoff(Duration maxBackoff) {
    this.maxBackoff = maxBackoff;
  }

  /**
   * The settings.
   *
   * @return the settings
   */
  public ConnectSettings build() {
    return new ConnectSettings(
        startWait.toJavaDuration(), initialBackoff.toJavaDuration(), maxBackoff.toJavaDuration());
  }

  @Override
  public void check() {
    build();
  }
}
