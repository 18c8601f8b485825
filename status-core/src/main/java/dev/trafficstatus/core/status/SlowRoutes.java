package dev.trafficstatus.core.status;

import dev.trafficstatus.spi.Health;
import dev.trafficstatus.spi.store.StoredRoute;
import dev.trafficstatus.spi.store.Tally;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Latency in a route's state: a route whose share of requests slower than its objective's
 * threshold exceeds what the objective allows is at least degraded, even when nothing failed (a
 * route answering in 9 s is not operational). Judged over the same recent window as failures, and
 * only with a verdict from them (enough counted requests).
 */
public final class SlowRoutes {

  /**
   * One latency allowance.
   *
   * @param covers the routes it applies to
   * @param threshold the latency a request must stay within
   * @param allowedSlowShare the share of requests that may be slower, in [0, 1)
   */
  public record Allowance(Predicate<StoredRoute> covers, Duration threshold, double allowedSlowShare) {

    /** Checks the parts. */
    public Allowance {
      Objects.requireNonNull(covers, "covers");
      Objects.requireNonNull(threshold, "threshold");
      if (!(allowedSlowShare >= 0 && allowedSlowShare < 1)) {
        throw new IllegalArgumentException("allowedSlowShare must be in [0, 1), got " + allowedSlowShare);
      }
    }
  }

  private static final SlowRoutes NONE = new SlowRoutes(List.of());

  private final List<Allowance> allowances;

  /**
   * @param allowances the allowances; a route under several must meet each
   */
  public SlowRoutes(List<Allowance> allowances) {
    this.allowances = List.copyOf(allowances);
  }

  /**
   * No allowances: latency never changes a state.
   *
   * @return the empty rule
   */
  public static SlowRoutes none() {
    return NONE;
  }

  /**
   * A route's state with its latency.
   *
   * @param route the route
   * @param recent its requests over the recent window
   * @param byFailures its state by failures alone
   * @return {@link Health#DEGRADED} instead of operational when too many requests were slow; else
   *     {@code byFailures}
   */
  public Health judge(StoredRoute route, Tally recent, Health byFailures) {
    if (byFailures != Health.OPERATIONAL || recent.latency().count() == 0) {
      return byFailures;
    }
    for (Allowance allowance : allowances) {
      if (allowance.covers().test(route)) {
        long slow = recent.latency().count() - recent.latency().countAtMost(allowance.threshold());
        if ((double) slow / recent.latency().count() > allowance.allowedSlowShare()) {
          return Health.DEGRADED;
        }
      }
    }
    return byFailures;
  }
}
