package dev.trafficstatus.core.objective;

import dev.trafficstatus.spi.InvalidSettingException;
import java.math.BigDecimal;
import java.time.Duration;
import dev.trafficstatus.core.status.SlowRoutes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The objectives and their alerts ({@code status.objectives}).
 *
 * @param objectives the objectives, names unique
 * @param pairs the burn-rate pairs every objective is judged by
 * @param clearBelow a firing pair clears when a window's burn falls below this share of its factor
 *     (hysteresis), in (0, 1]
 * @param currentBurn the window of the "current burn" the page shows and the time to exhaustion
 *     uses
 */
public record ObjectiveSettings(
    List<Objective> objectives, List<BurnPair> pairs, BigDecimal clearBelow, Duration currentBurn) {

  /** Checks names are unique and the levels within bounds. */
  public ObjectiveSettings {
    objectives = List.copyOf(objectives);
    pairs = List.copyOf(pairs);
    Objects.requireNonNull(clearBelow, "clearBelow");
    Objects.requireNonNull(currentBurn, "currentBurn");
    if (clearBelow.signum() <= 0 || clearBelow.compareTo(BigDecimal.ONE) > 0) {
      throw new InvalidSettingException("clearBelow", "must be above 0 and at most 1, got " + clearBelow);
    }
    if (currentBurn.toMinutes() < 1 || currentBurn.toSeconds() % 60 != 0) {
      throw new InvalidSettingException(
          "currentBurn", "must be whole minutes, at least one, got " + InvalidSettingException.text(currentBurn));
    }
    Set<String> names = new HashSet<>();
    for (Objective objective : objectives) {
      if (!names.add(objective.name())) {
        throw new InvalidSettingException("list", "two objectives are named " + objective.name());
      }
    }
  }

  /**
   * The latency targets as allowances of slow requests, which degrade a route's state.
   *
   * @return one allowance per objective with a latency target
   */
  public SlowRoutes slowRoutes() {
    List<SlowRoutes.Allowance> allowances = new ArrayList<>();
    for (Objective objective : objectives) {
      if (objective.latency() != null) {
        allowances.add(new SlowRoutes.Allowance(objective.scope()::covers, objective.latency().threshold(),
            Budget.allowedShare(objective.latency().percent()).doubleValue()));
      }
    }
    return new SlowRoutes(allowances);
  }

  /**
   * No objectives; the workbook's pairs; clearing below half the factor; the current burn over one
   * hour.
   *
   * @return the defaults
   */
  public static ObjectiveSettings defaults() {
    return new ObjectiveSettings(List.of(), BurnPair.defaults(), new BigDecimal("0.5"), Duration.ofHours(1));
  }
}
