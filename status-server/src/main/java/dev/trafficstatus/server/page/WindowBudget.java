package dev.trafficstatus.server.page;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How many pages of windows other than the configured ones may still be rendered in the current
 * refresh interval: asking for ever new windows ({@code ?days=1}, {@code ?days=2}, …) costs at most
 * this many renders per interval, whatever the rate.
 */
final class WindowBudget {

  private final int perInterval;
  private final Duration interval;
  private final Clock clock;
  private Instant intervalStart;
  private int used;

  /**
   * @param perInterval renders allowed per interval, at least 0
   * @param interval the refresh interval
   * @param clock what "now" is
   */
  WindowBudget(int perInterval, Duration interval, Clock clock) {
    this.perInterval = perInterval;
    this.interval = Objects.requireNonNull(interval, "interval");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Takes one render from the budget.
   *
   * @return false when the interval's budget is spent
   */
  synchronized boolean take() {
    Instant now = clock.instant();
    if (intervalStart == null || !now.isBefore(intervalStart.plus(interval)) || now.isBefore(intervalStart)) {
      intervalStart = now;
      used = 0;
    }
    if (used >= perInterval) {
      return false;
    }
    used++;
    return true;
  }

  /**
   * How long until the budget is renewed.
   *
   * @return whole seconds, rounded up, at least one
   */
  synchronized Duration renewedIn() {
    Instant now = clock.instant();
    Duration left = intervalStart == null ? Duration.ZERO : Duration.between(now, intervalStart.plus(interval));
    long seconds = left.toSeconds() + (left.toNanosPart() > 0 ? 1 : 0);
    return Duration.ofSeconds(Math.max(1, seconds));
  }

  /**
   * The number of renders per interval.
   *
   * @return the budget
   */
  int perInterval() {
    return perInterval;
  }
}
