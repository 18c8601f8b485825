package dev.trafficstatus.core.objective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Budgets, burn rates and verdicts against figures computed by hand (each row's comment shows the
 * arithmetic).
 */
class ObjectiveMathTest {

  private static final BurnPair FAST = BurnPair.defaults().get(0); // 14.4x over 1h and 5m
  private static final BigDecimal HALF = new BigDecimal("0.5");

  /**
   * window counts (good, bad), target % → attainment %, budget, spent, remaining, remaining %;
   * then the current (1 h) burn's counts → burn and time to exhaustion over 30 days.
   */
  static Stream<Arguments> budgets() {
    return Stream.of(
        // 1,000,000 requests at 99.9 %: budget 1,000; 250 spent, 750 = 75 % left; attainment
        // 999,750 / 1,000,000 = 99.975 %. 1 h: 144 bad of 10,000 = 1.44 % = 14.4 x 0.1 %.
        // Exhaustion: 75 % of 720 h / 14.4 = 37.5 h.
        Arguments.of(999_750, 250, "99.9", 99.975, 1_000.0, 250, 750.0, 75.0,
            9_856, 144, 14.4, Optional.of(Duration.ofMinutes(2_250))),
        // 100,000 at 99 %: budget 1,000; 1,500 spent: 500 over, -50 %; spent, so exhausted now.
        Arguments.of(98_500, 1_500, "99", 98.5, 1_000.0, 1_500, -500.0, -50.0,
            990, 10, 1.0, Optional.of(Duration.ZERO)),
        // 40,000 at 99.5 %: budget 200; 50 spent, 150 = 75 % left; no bad request in the hour:
        // burn 0, never exhausted at this rate.
        Arguments.of(39_950, 50, "99.5", 99.875, 200.0, 50, 150.0, 75.0,
            1_000, 0, 0.0, Optional.empty()),
        // 2,000,000 at 99.95 %: budget 1,000; 100 spent, 90 % left. 1 h: 6 bad of 2,000 = 0.3 %
        // = 6 x 0.05 %: 90 % of 720 h / 6 = 108 h.
        Arguments.of(1_999_900, 100, "99.95", 99.995, 1_000.0, 100, 900.0, 90.0,
            1_994, 6, 6.0, Optional.of(Duration.ofHours(108))));
  }

  @ParameterizedTest
  @MethodSource("budgets")
  void budgetSpentRemainingBurnAndExhaustionMatchHandFigures(
      long good, long bad, String target, double attainment, double allowed, long spent,
      double remaining, double remainingPercent, long hourGood, long hourBad, double burn,
      Optional<Duration> exhaustion) {
    Budget budget = new Budget(new Counts(good, bad), new BigDecimal(target));
    BurnRate current = new BurnRate(new Counts(hourGood, hourBad), Budget.allowedShare(new BigDecimal(target)));

    assertThat(budget.attainmentPercent()).hasValueSatisfying(v -> assertThat(v).isCloseTo(attainment, within(1e-9)));
    assertThat(budget.allowed()).isCloseTo(allowed, within(1e-6));
    assertThat(budget.spent()).isEqualTo(spent);
    assertThat(budget.remaining()).isCloseTo(remaining, within(1e-6));
    assertThat(budget.remainingPercent()).hasValueSatisfying(v -> assertThat(v).isCloseTo(remainingPercent, within(1e-6)));
    assertThat(current.value()).isCloseTo(burn, within(1e-9));
    assertThat(budget.exhaustion(current, Duration.ofDays(30))).isEqualTo(exhaustion);
  }

  /**
   * The 14.4x pair (1 h and 5 min) at 99.9 %: was it firing, long window (good, bad), short window
   * (good, bad) → verdict.
   */
  static Stream<Arguments> verdicts() {
    return Stream.of(
        // 144/10,000 = 14.4x, 18/1,250 = 14.4x: exactly at the factor fires (the window edge).
        Arguments.of(false, 9_856, 144, 1_232, 18, AlertState.FIRING),
        // One bad request fewer in the short window: 17/1,250 = 13.6x: clear.
        Arguments.of(false, 9_856, 144, 1_233, 17, AlertState.CLEAR),
        // Long window below: 143/10,000 = 14.3x, short 25x: clear.
        Arguments.of(false, 9_857, 143, 780, 20, AlertState.CLEAR),
        // Hysteresis: firing stays while both are at least 7.2x (half of 14.4):
        // 72/10,000 = 7.2x and 9/1,250 = 7.2x.
        Arguments.of(true, 9_928, 72, 1_241, 9, AlertState.FIRING),
        // The same figures do not fire a clear pair.
        Arguments.of(false, 9_928, 72, 1_241, 9, AlertState.CLEAR),
        // Firing, and the short window recovers: 8/1,250 = 6.4x < 7.2x: clears.
        Arguments.of(true, 9_000, 1_000, 1_242, 8, AlertState.CLEAR),
        // Firing, short window without requests burns nothing: clears.
        Arguments.of(true, 9_000, 1_000, 0, 0, AlertState.CLEAR),
        // No traffic: no verdict, neither firing nor "all good".
        Arguments.of(false, 0, 0, 0, 0, AlertState.NO_DATA),
        Arguments.of(true, 0, 0, 0, 0, AlertState.NO_DATA),
        // Fewer than the minimum of 10 counted requests: 9 bad of 9 is no verdict.
        Arguments.of(false, 0, 9, 0, 9, AlertState.NO_DATA));
  }

  @ParameterizedTest
  @MethodSource("verdicts")
  void fastPairVerdictsMatchHandFigures(
      boolean firing, long longGood, long longBad, long shortGood, long shortBad, AlertState expected) {
    BigDecimal allowed = Budget.allowedShare(new BigDecimal("99.9"));
    AlertState state = FAST.verdict(
        firing,
        new BurnRate(new Counts(longGood, longBad), allowed),
        new BurnRate(new Counts(shortGood, shortBad), allowed),
        10,
        HALF);

    assertThat(state).isEqualTo(expected);
  }

  @org.junit.jupiter.api.Test
  void noTrafficHasNoAttainmentNoBudgetAndNoExhaustion() {
    Budget budget = new Budget(Counts.NONE, new BigDecimal("99.9"));

    assertThat(budget.measured()).isFalse();
    assertThat(budget.attainmentPercent()).isEmpty();
    assertThat(budget.remainingPercent()).isEmpty();
    assertThat(budget.exhaustion(new BurnRate(new Counts(0, 5), Budget.allowedShare(new BigDecimal("99.9"))),
        Duration.ofDays(30))).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void workbookPairsAreTheDefaults() {
    assertThat(BurnPair.defaults()).extracting(BurnPair::label)
        .containsExactly("14.4x over 1h and 5m", "6x over 6h and 30m", "3x over 1d and 2h", "1x over 3d and 6h");
    assertThat(BurnPair.defaults()).extracting(BurnPair::action)
        .containsExactly(AlertAction.INCIDENT, AlertAction.INCIDENT, AlertAction.NOTIFY, AlertAction.NOTIFY);
  }
}
