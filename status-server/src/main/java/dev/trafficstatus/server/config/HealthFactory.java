package dev.trafficstatus.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.trafficstatus.core.status.HealthPolicy;

/**
 * {@code status.health}: when a day, a window or a route's current state is operational, degraded,
 * a partial or a major outage, by uptime percent; and how many counted requests a verdict needs.
 * Defaults and bounds are {@link HealthPolicy}'s.
 */
@ValidSettings
public class HealthFactory implements SettingsBlock {

  private static final HealthPolicy DEFAULTS = HealthPolicy.defaults();

  private double degradedBelow = DEFAULTS.degradedBelow();

  private double partialOutageBelow = DEFAULTS.partialOutageBelow();

  private double majorOutageBelow = DEFAULTS.majorOutageBelow();

  private long minimumRequests = DEFAULTS.minimumRequests();

  @JsonProperty
  public double getDegradedBelow() {
    return degradedBelow;
  }

  @JsonProperty
  public void setDegradedBelow(double degradedBelow) {
    this.degradedBelow = degradedBelow;
  }

  @JsonProperty
  public double getPartialOutageBelow() {
    return partialOutageBelow;
  }

  @JsonProperty
  public void setPartialOutageBelow(double partialOutageBelow) {
    this.partialOutageBelow = partialOutageBelow;
  }

  @JsonProperty
  public double getMajorOutageBelow() {
    return majorOutageBelow;
  }

  @JsonProperty
  public void setMajorOutageBelow(double majorOutageBelow) {
    this.majorOutageBelow = majorOutageBelow;
  }

  @JsonProperty
  public long getMinimumRequests() {
    return minimumRequests;
  }

  @JsonProperty
  public void setMinimumRequests(long minimumRequests) {
    this.minimumRequests = minimumRequests;
  }

  /**
   * The policy.
   *
   * @return the policy
   */
  public HealthPolicy build() {
    return new HealthPolicy(degradedBelow, partialOutageBelow, majorOutageBelow, minimumRequests);
  }

  @Override
  public void check() {
    build();
  }
}
