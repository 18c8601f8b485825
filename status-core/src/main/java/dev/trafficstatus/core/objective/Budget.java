package dev.trafficstatus.core.objective;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * An indicator's error budget over an objective's window: the bad requests the target allows
 * ({@code (100 - target) %} of the counted requests), what is spent (the bad requests), and what
 * remains. Without counted requests there is no budget and no attainment (never "100 %").
 *
 * @param counts the window's requests
 * @param target the target in percent, such as 99.9
 */
public record Budget(Counts counts, BigDecimal target) {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /** Checks the parts. */
  public Budget {
    Objects.requireNonNull(counts, "counts");
    Objective.checkPercent("target", Objects.requireNonNull(target, "target"));
  }

  /**
   * The share of bad requests the target allows.
   *
   * @param target the target in percent
   * @return such as 0.001 for 99.9
   */
  public static BigDecimal allowedShare(BigDecimal target) {
    return HUNDRED.subtract(target).divide(HUNDRED, MathContext.DECIMAL64);
  }

  /**
   * Whether the window had counted requests.
   *
   * @return true when it had
   */
  public boolean measured() {
    return counts.counted() > 0;
  }

  /**
   * The share of good requests in percent.
   *
   * @return the attainment, or empty without counted requests
   */
  public Optional<Double> attainmentPercent() {
    return measured() ? Optional.of(100.0 * counts.good() / counts.counted()) : Optional.empty();
  }

  /**
   * The budget in requests: how many could have been bad.
   *
   * @return the allowed bad requests, 0 without counted requests
   */
  public double allowed() {
    return allowedShare(target).doubleValue() * counts.counted();
  }

  /**
   * The spent budget in requests.
   *
   * @return the bad requests
   */
  public long spent() {
    return counts.bad();
  }

  /**
   * The remaining budget in requests; negative once overspent.
   *
   * @return allowed minus spent
   */
  public double remaining() {
    return allowed() - spent();
  }

  /**
   * The remaining budget in percent of the budget; negative once overspent.
   *
   * @return the percentage, or empty without counted requests
   */
  public Optional<Double> remainingPercent() {
    return measured() ? Optional.of(100.0 * remaining() / allowed()) : Optional.empty();
  }

  /**
   * How long until the budget is spent at a burn rate: a burn of 1 spends a whole budget in one
   * window, so the remaining share lasts {@code remaining share * window / burn}.
   *
   * @param burn the current burn
   * @param window the objective's window
   * @return zero when already spent; empty without counted requests, or when nothing burns
   */
  public Optional<Duration> exhaustion(BurnRate burn, Duration window) {
    Optional<Double> left = remainingPercent();
    if (left.isEmpty()) {
      return Optional.empty();
    }
    if (left.get() <= 0) {
      return Optional.of(Duration.ZERO);
    }
    double rate = burn.value();
    if (rate <= 0) {
      return Optional.empty();
    }
    double seconds = left.get() / 100.0 * window.toSeconds() / rate;
    return Optional.of(Duration.ofSeconds(Math.round(seconds)));
  }
}
