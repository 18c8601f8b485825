package dev.trafficstatus.core.objective;

import dev.trafficstatus.spi.InvalidSettingException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A multi-window burn-rate alert (the Google SRE workbook's): it fires when both the long and the
 * short window burn the budget at least {@code factor} times as fast as the objective allows. The
 * long window makes it significant, the short one makes it stop soon after the trouble does.
 *
 * @param factor the burn rate that fires, such as 14.4
 * @param longWindow the long window, such as 1 hour
 * @param shortWindow the short window, such as 5 minutes; shorter than the long one
 * @param action what firing does
 */
public record BurnPair(BigDecimal factor, Duration longWindow, Duration shortWindow, AlertAction action) {

  /** Checks the factor is positive and the windows whole minutes, short before long. */
  public BurnPair {
    Objects.requireNonNull(factor, "factor");
    Objects.requireNonNull(longWindow, "longWindow");
    Objects.requireNonNull(shortWindow, "shortWindow");
    Objects.requireNonNull(action, "action");
    if (factor.signum() <= 0) {
      throw new InvalidSettingException("factor", "must be positive, got " + factor);
    }
    if (shortWindow.toMinutes() < 1 || shortWindow.toSeconds() % 60 != 0) {
      throw new InvalidSettingException(
          "shortWindow", "must be whole minutes, at least one, got " + InvalidSettingException.text(shortWindow));
    }
    if (longWindow.compareTo(shortWindow) <= 0 || longWindow.toSeconds() % 60 != 0) {
      throw new InvalidSettingException(
          "longWindow", "must be whole minutes, longer than shortWindow, got "
              + InvalidSettingException.text(longWindow));
    }
  }

  /**
   * The workbook's four pairs: 14.4x over 1 hour and 5 minutes and 6x over 6 hours and 30 minutes
   * open incidents; 3x over 1 day and 2 hours and 1x over 3 days and 6 hours notify.
   *
   * @return the defaults, fastest first
   */
  public static List<BurnPair> defaults() {
    return List.of(
        new BurnPair(new BigDecimal("14.4"), Duration.ofHours(1), Duration.ofMinutes(5), AlertAction.INCIDENT),
        new BurnPair(new BigDecimal("6"), Duration.ofHours(6), Duration.ofMinutes(30), AlertAction.INCIDENT),
        new BurnPair(new BigDecimal("3"), Duration.ofDays(1), Duration.ofHours(2), AlertAction.NOTIFY),
        new BurnPair(new BigDecimal("1"), Duration.ofDays(3), Duration.ofHours(6), AlertAction.NOTIFY));
  }

  /**
   * The verdict, with hysteresis: a clear pair fires when both windows burn at least {@code
   * factor}; a firing pair stays firing while both burn at least {@code factor * clearBelow}, so a
   * burn wavering around the factor does not fire and clear every minute. A short window without
   * requests burns nothing.
   *
   * @param firing whether the pair fired at the last evaluation
   * @param longBurn the long window's burn
   * @param shortBurn the short window's burn
   * @param minimumRequests counted requests the long window needs for a verdict
   * @param clearBelow the share of the factor under which a firing pair clears, in (0, 1]
   * @return the verdict
   */
  public AlertState verdict(
      boolean firing, BurnRate longBurn, BurnRate shortBurn, long minimumRequests, BigDecimal clearBelow) {
    if (longBurn.counts().counted() < Math.max(1, minimumRequests)) {
      return AlertState.NO_DATA;
    }
    BigDecimal level = firing ? factor.multiply(clearBelow) : factor;
    return longBurn.atLeast(level) && shortBurn.atLeast(level) ? AlertState.FIRING : AlertState.CLEAR;
  }

  /**
   * Names the pair in incidents and events, such as {@code 14.4x over 1h and 5m}.
   *
   * @return the label
   */
  public String label() {
    return factor.stripTrailingZeros().toPlainString() + "x over " + InvalidSettingException.text(longWindow)
        + " and " + InvalidSettingException.text(shortWindow);
  }
}
