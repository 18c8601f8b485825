package dev.trafficstatus.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.trafficstatus.core.objective.LatencyTarget;
import dev.trafficstatus.core.objective.Objective;
import dev.trafficstatus.core.objective.ObjectiveScope;
import dev.trafficstatus.core.objective.ScopeKind;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

/**
 * One entry of {@code status.objectives.list}: an objective over one route ({@code route}), a group
 * ({@code group}) or a whole service ({@code service} alone; with a route or group it narrows them
 * to that service). Judged by {@link Objective} when the enclosing block is checked.
 */
public class ObjectiveFactory {

  @NotNull private String name;

  private String route;

  private String group;

  private String service;

  @NotNull private BigDecimal availability;

  private LatencyFactory latency;

  @NotNull private Duration window = ConfigDurations.of(Objective.DEFAULT_WINDOW);

  /** The objective's name on the page and in incidents. */
  @JsonProperty
  public String getName() {
    return name;
  }

  @JsonProperty
  public void setName(String name) {
    this.name = name;
  }

  /** The rule of the one route it covers, such as {@code /checkout}. */
  @JsonProperty
  public String getRoute() {
    return route;
  }

  @JsonProperty
  public void setRoute(String route) {
    this.route = route;
  }

  /** The group (on the page) whose routes it covers. */
  @JsonProperty
  public String getGroup() {
    return group;
  }

  @JsonProperty
  public void setGroup(String group) {
    this.group = group;
  }

  /** The service it covers, or narrows the route or group to. */
  @JsonProperty
  public String getService() {
    return service;
  }

  @JsonProperty
  public void setService(String service) {
    this.service = service;
  }

  /** The availability target in percent, such as 99.9. */
  @JsonProperty
  public BigDecimal getAvailability() {
    return availability;
  }

  @JsonProperty
  public void setAvailability(BigDecimal availability) {
    this.availability = availability;
  }

  /** The latency target, or none. */
  @JsonProperty
  public LatencyFactory getLatency() {
    return latency;
  }

  @JsonProperty
  public void setLatency(LatencyFactory latency) {
    this.latency = latency;
  }

  /** The window, whole days. */
  @JsonProperty
  public Duration getWindow() {
    return window;
  }

  @JsonProperty
  public void setWindow(Duration window) {
    this.window = window;
  }

  Objective build() {
    if (route != null && group != null) {
      throw new IllegalArgumentException("give a route or a group, not both");
    }
    ObjectiveScope scope = route != null
        ? new ObjectiveScope(ScopeKind.ROUTE, service, route)
        : group != null
            ? new ObjectiveScope(ScopeKind.GROUP, service, group)
            : new ObjectiveScope(ScopeKind.SERVICE, service, null);
    LatencyTarget target = latency == null ? null : latency.build();
    return new Objective(name, scope, availability, target, window.toJavaDuration());
  }

  /** {@code latency:} of an objective: a share of requests within a threshold. */
  public static class LatencyFactory {

    @NotNull private Duration threshold;

    @NotNull private BigDecimal percent;

    /** The latency a good request stays within, such as {@code 300ms}. */
    @JsonProperty
    public Duration getThreshold() {
      return threshold;
    }

    @JsonProperty
    public void setThreshold(Duration threshold) {
      this.threshold = threshold;
    }

    /** The share of requests that must, in percent, such as 99. */
    @JsonProperty
    public BigDecimal getPercent() {
      return percent;
    }

    @JsonProperty
    public void setPercent(BigDecimal percent) {
      this.percent = percent;
    }

    LatencyTarget build() {
      return new LatencyTarget(threshold.toJavaDuration(), percent);
    }
  }
}
