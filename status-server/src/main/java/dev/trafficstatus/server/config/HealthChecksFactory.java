package dev.trafficstatus.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code status.healthChecks}: whether the bundle's health checks ({@code trafficstatus-store},
 * {@code trafficstatus-flush}) can make the host unhealthy. Not by default: a monitoring store
 * that is down must never get a healthy app restarted, so while it is down the checks stay healthy
 * and say what is wrong in their message. The standalone server, whose store is the app, sets
 * {@code critical: true}.
 */
public class HealthChecksFactory {

  private boolean critical;

  /** Whether the checks turn unhealthy (and so the host's {@code /healthcheck} to 500). */
  @JsonProperty
  public boolean isCritical() {
    return critical;
  }

  @JsonProperty
  public void setCritical(boolean critical) {
    this.critical = critical;
  }
}
