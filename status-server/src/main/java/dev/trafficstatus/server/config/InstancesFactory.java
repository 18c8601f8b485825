package dev.trafficstatus.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.trafficstatus.core.fleet.InstanceSettings;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.NotNull;

/**
 * {@code status.instances}: when an instance writing into the store counts as silent, so the page
 * says its service's figures are incomplete. {@code silentAfter} left out is two flush intervals
 * (every instance reports after each of its flushes); bounds are {@link InstanceSettings}'s.
 */
@ValidSettings
public class InstancesFactory implements SettingsBlock {

  private Duration silentAfter;

  @NotNull private Duration forgetAfter = ConfigDurations.of(InstanceSettings.DEFAULT_FORGET_AFTER);

  @JsonProperty
  public Duration getSilentAfter() {
    return silentAfter;
  }

  @JsonProperty
  public void setSilentAfter(Duration silentAfter) {
    this.silentAfter = silentAfter;
  }

  @JsonProperty
  public Duration getForgetAfter() {
    return forgetAfter;
  }

  @JsonProperty
  public void setForgetAfter(Duration forgetAfter) {
    this.forgetAfter = forgetAfter;
  }

  /**
   * The settings.
   *
   * @param flushInterval {@code status.flush.interval}, which the default silence is derived from
   * @return the settings
   */
  public InstanceSettings build(java.time.Duration flushInterval) {
    return new InstanceSettings(
        silentAfter != null
            ? silentAfter.toJavaDuration()
            : InstanceSettings.silentAfterDefault(flushInterval),
        forgetAfter.toJavaDuration());
  }

  /** Checks against the default flush interval; the runtime builds with the configured one. */
  @Override
  public void check() {
    build(java.time.Duration.ofMinutes(1));
  }
}
