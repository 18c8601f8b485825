package dev.trafficstatus.core.objective;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;

/**
 * How fast a window spends the error budget: its bad share divided by the share the objective
 * allows. A burn rate of 1 spends exactly the budget over the objective's window; 14.4 spends 2 %
 * of a 30-day budget in one hour. Compared exactly (in decimals), so a window right at a pair's
 * factor fires.
 *
 * @param counts the window's requests
 * @param allowed the bad share the objective allows, such as 0.001 for 99.9 %
 */
public record BurnRate(Counts counts, BigDecimal allowed) {

  /** Checks the parts. */
  public BurnRate {
    Objects.requireNonNull(counts, "counts");
    Objects.requireNonNull(allowed, "allowed");
    if (allowed.signum() <= 0) {
      throw new IllegalArgumentException("the allowed bad share must be positive, got " + allowed);
    }
  }

  /**
   * Whether the window had any counted request; without, it has no rate.
   *
   * @return true when it had
   */
  public boolean measured() {
    return counts.counted() > 0;
  }

  /**
   * The rate, for showing.
   *
   * @return the rate, 0 without counted requests
   */
  public double value() {
    if (!measured()) {
      return 0;
    }
    return BigDecimal.valueOf(counts.bad())
        .divide(allowed.multiply(BigDecimal.valueOf(counts.counted())), MathContext.DECIMAL64)
        .doubleValue();
  }

  /**
   * Whether the rate is at least a factor: {@code bad >= factor * allowed * counted}, exactly.
   *
   * @param factor the factor
   * @return true when it is; false without counted requests
   */
  public boolean atLeast(BigDecimal factor) {
    return measured()
        && BigDecimal.valueOf(counts.bad())
                .compareTo(factor.multiply(allowed).multiply(BigDecimal.valueOf(counts.counted())))
            >= 0;
  }
}
