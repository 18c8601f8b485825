package dev.trafficstatus.core.objective;

import dev.trafficstatus.spi.RouteKey;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One indicator of one objective, evaluated: the budget over the window, the current burn, the time
 * to exhaustion and each pair's verdict.
 *
 * @param objective the objective
 * @param indicator availability or latency
 * @param routes the routes it covers that the store knows
 * @param budget the error budget over the objective's window
 * @param currentBurn the burn over the settings' {@code currentBurn} window
 * @param pairs the pairs' verdicts, in the settings' order
 */
public record ObjectiveReading(
    Objective objective,
    Indicator indicator,
    List<RouteKey> routes,
    Budget budget,
    BurnRate currentBurn,
    List<PairReading> pairs) {

  /** Checks the parts are present and copies the pairs. */
  public ObjectiveReading {
    Objects.requireNonNull(objective, "objective");
    Objects.requireNonNull(indicator, "indicator");
    Objects.requireNonNull(budget, "budget");
    Objects.requireNonNull(currentBurn, "currentBurn");
    routes = List.copyOf(routes);
    pairs = List.copyOf(pairs);
  }

  /**
   * Names the objective and indicator, such as {@code checkout (availability)}, the key of its
   * alerts.
   *
   * @return the key
   */
  public String key() {
    return key(objective, indicator);
  }

  /**
   * The key of an objective's indicator.
   *
   * @param objective the objective
   * @param indicator the indicator
   * @return such as {@code checkout (latency)}
   */
  public static String key(Objective objective, Indicator indicator) {
    return objective.name() + " (" + indicator.name().toLowerCase(java.util.Locale.ROOT) + ")";
  }

  /**
   * How long the remaining budget lasts at the current burn.
   *
   * @return zero when spent; empty without traffic or burn
   */
  public Optional<Duration> exhaustion() {
    return budget.exhaustion(currentBurn, objective.window());
  }

  /**
   * The pairs firing now with the given action.
   *
   * @param action the action
   * @return the firing pairs
   */
  public List<PairReading> firing(AlertAction action) {
    return pairs.stream().filter(p -> p.pair().action() == action && p.state() == AlertState.FIRING).toList();
  }
}
