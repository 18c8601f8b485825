package dev.trafficstatus.capture.probe;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * When a probe runs next. Randomness spreads probes out, so many probes (or many servers probing
 * one target) never fire in lock step.
 */
final class Jitter {

  /** Each run lands within ±10 % of the interval after the one before. */
  private static final double SPREAD = 0.10;

  private Jitter() {}

  /**
   * The delay before a probe's first run: somewhere in the second half of its first interval.
   * Not earlier, because a probe of the host itself (the shipped config's self-probe) must not
   * fire before the host has opened its ports: that would record a failure at every start.
   *
   * @param interval the probe's interval
   * @param random the source of randomness
   * @return a delay from half the interval up to the interval
   */
  static Duration first(Duration interval, RandomGenerator random) {
    return scale(interval, 0.5 + 0.5 * random.nextDouble());
  }

  /**
   * The delay from one run to the next.
   *
   * @param interval the probe's interval
   * @param random the source of randomness
   * @return a delay within ±10 % of the interval
   */
  static Duration next(Duration interval, RandomGenerator random) {
    return scale(interval, 1 - SPREAD + 2 * SPREAD * random.nextDouble());
  }

  private static Duration scale(Duration interval, double factor) {
    return Duration.ofNanos(Math.round(interval.toNanos() * factor));
  }
}
