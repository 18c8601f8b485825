package dev.trafficstatus.spi.page;

import dev.trafficstatus.spi.RouteKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One indicator of one service level objective, as the page shows it: the target, the attainment
 * over the objective's window, the error budget and how fast it burns. Figures without counted
 * requests are null (never "100 %").
 *
 * @param name the objective's name
 * @param indicator {@code availability} or {@code latency}
 * @param targetPercent the target, such as 99.9
 * @param latencyThreshold the latency a good request stays within; null for availability
 * @param windowDays the window in whole UTC days (plus today so far)
 * @param routes the routes it covers that the store knows
 * @param attainmentPercent the share of good requests over the window, or null without requests
 * @param budget the bad requests the target allows over the window
 * @param spent the bad requests over the window
 * @param remainingPercent what is left of the budget in percent (negative once overspent), or null
 * @param currentBurn the burn rate over the recent window (1 spends the budget in exactly one
 *     window), or null without requests
 * @param exhaustion how long the remaining budget lasts at the current burn; zero when spent; null
 *     when nothing burns or without requests
 * @param alerting whether a burn-rate alert fires
 * @param budgetByDay the remaining budget in percent at the end of each day of the window, oldest
 *     first, null for days before any request: the sparkline
 */
public record ObjectiveStatus(
    String name,
    String indicator,
    double targetPercent,
    Duration latencyThreshold,
    int windowDays,
    List<RouteKey> routes,
    Double attainmentPercent,
    double budget,
    long spent,
    Double remainingPercent,
    Double currentBurn,
    Duration exhaustion,
    boolean alerting,
    List<Double> budgetByDay) {

  /** Checks the parts are present and copies the lists. */
  public ObjectiveStatus {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(indicator, "indicator");
    routes = List.copyOf(routes);
    budgetByDay = Collections.unmodifiableList(new ArrayList<>(budgetByDay));
  }

  /**
   * The remaining budget in requests; negative once overspent.
   *
   * @return budget minus spent
   */
  public double remaining() {
    return budget - spent;
  }

  /**
   * Whether it covers a route.
   *
   * @param route the route
   * @return true when the route is one of its routes
   */
  public boolean covers(RouteKey route) {
    return routes.contains(route);
  }
}
