package dev.trafficstatus.core.objective;

import java.util.Objects;

/**
 * A burn-rate pair's windows and verdict for one indicator.
 *
 * @param pair the pair
 * @param longBurn the long window's burn
 * @param shortBurn the short window's burn
 * @param state the verdict
 */
public record PairReading(BurnPair pair, BurnRate longBurn, BurnRate shortBurn, AlertState state) {

  /** Checks the parts are present. */
  public PairReading {
    Objects.requireNonNull(pair, "pair");
    Objects.requireNonNull(longBurn, "longBurn");
    Objects.requireNonNull(shortBurn, "shortBurn");
    Objects.requireNonNull(state, "state");
  }
}
