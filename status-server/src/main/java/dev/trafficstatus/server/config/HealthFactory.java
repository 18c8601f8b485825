package dev.trafficstatus.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.trafficstatus.core.status.HealthPolicy;
import io.dropwizard.validation.ValidationMethod;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;

/**
 * {@code status.health}: when a day, a window or a route's current state is operational, degraded,
 * a partial or a major outage, by uptime percent; and how many counted requests a verdict needs.
 */
public class HealthFactory {

  private static final HealthPolicy DEFAULTS = HealthPolicy.defaults();

  @DecimalMin("0")
  @DecimalMax("100")
  private double degradedBelow = DEFAULTS.degradedBelow();

  @DecimalMin("0")
  @DecimalMax("100")
  private double partialOutageBelow = DEFAULTS.partialOutageBelow();

  @DecimalMin("0")
  @DecimalMax("100")
  private double majorOutageBelow = DEFAULTS.majorOutageBelow();

  @Min(1)
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

  @ValidationMethod(
      message = "thresholds must satisfy degradedBelow >= partialOutageBelow >= majorOutageBelow")
  public boolean isOrdered() {
    return degradedBelow >= partialOutageBelow && partialOutageBelow >= majorOutageBelow;
  }

  /**
   * The policy.
   *
   * @return the policy
   */
  public HealthPolicy build() {
    return new HealthPolicy(degradedBelow, partialOutageBelow, majorOutageBelow, minimumRequests);
  }
}
