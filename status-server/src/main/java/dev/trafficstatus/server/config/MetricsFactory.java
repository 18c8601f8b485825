package dev.trafficstatus.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * {@code status.metrics}: per-route figures in the host's {@code MetricRegistry}, for the
 * reporters it already runs (Graphite, the Prometheus exporter, the admin port's {@code /metrics}).
 * Off by default: every route adds its own metrics, and a host with thousands of routes would
 * flood its reporters. {@code maxRoutes} caps how many routes get them; the rest are counted in
 * {@code trafficstatus.route.left-out}.
 */
public class MetricsFactory {

  /** The most routes with metrics of their own, unless set. */
  public static final int DEFAULT_MAX_ROUTES = 100;

  private boolean perRoute;

  @Min(1)
  @Max(10_000)
  private int maxRoutes = DEFAULT_MAX_ROUTES;

  /** Whether each route gets metrics of its own under {@code trafficstatus.route.}. */
  @JsonProperty
  public boolean isPerRoute() {
    return perRoute;
  }

  @JsonProperty
  public void setPerRoute(boolean perRoute) {
    this.perRoute = perRoute;
  }

  /** The most routes with metrics of their own: the first seen get them. */
  @JsonProperty
  public int getMaxRoutes() {
    return maxRoutes;
  }

  @JsonProperty
  public void setMaxRoutes(int maxRoutes) {
    this.maxRoutes = maxRoutes;
  }
}
