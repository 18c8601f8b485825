package dev.trafficstatus.core.objective;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficstatus.core.status.HealthPolicy;
import dev.trafficstatus.core.status.PageBuilder;
import dev.trafficstatus.core.status.PageSettings;
import dev.trafficstatus.spi.Health;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.page.RouteStatus;
import dev.trafficstatus.spi.page.StatusPage;
import dev.trafficstatus.spi.store.LatencyHistogram;
import dev.trafficstatus.spi.store.RouteTally;
import dev.trafficstatus.spi.store.StoredRoute;
import dev.trafficstatus.spi.store.Tally;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Latency in the route's state on the page: slow routes are degraded even when nothing failed. */
class SlowRoutesTest {

  private static final Instant NOW = Instant.parse("2026-11-26T10:30:00Z");
  private static final RouteKey CHECKOUT = new RouteKey("shop", "/checkout");
  private static final RouteKey SEARCH = new RouteKey("shop", "/search");
  private static final RouteKey HOME = new RouteKey("shop", "/");

  /** Checkout and search: 99 % within 300 ms (1 % may be slower); home has no objective. */
  private static final ObjectiveSettings SETTINGS = new ObjectiveSettings(
      List.of(
          new Objective("checkout", new ObjectiveScope(ScopeKind.ROUTE, null, "/checkout"), new BigDecimal("99.9"),
              new LatencyTarget(Duration.ofMillis(300), new BigDecimal("99")), Objective.DEFAULT_WINDOW),
          new Objective("search", new ObjectiveScope(ScopeKind.ROUTE, "shop", "/search"), new BigDecimal("99.9"),
              new LatencyTarget(Duration.ofMillis(300), new BigDecimal("99")), Objective.DEFAULT_WINDOW)),
      BurnPair.defaults(), new BigDecimal("0.5"), Duration.ofHours(1));

  private static StoredRoute route(RouteKey key) {
    return new StoredRoute(key, key.rule(), "", "Shop", false, false);
  }

  /** All successes: {@code fast} at 100 ms and {@code slow} at 9 s. */
  private static RouteTally successes(RouteKey route, long fast, long slow) {
    LatencyHistogram latency = LatencyHistogram.builder()
        .record(Duration.ofMillis(100), fast).record(Duration.ofSeconds(9), slow).build();
    return new RouteTally(route, new Tally(fast + slow, fast + slow, 0, 0, Duration.ofSeconds(slow > 0 ? 9 : 0), latency));
  }

  @Test
  void aRouteWithMoreSlowRequestsThanItsObjectiveAllowsIsDegradedWithoutAnyFailure() {
    PageBuilder builder = new PageBuilder(PageSettings.defaults("Shop"), HealthPolicy.defaults(), true,
        SETTINGS.slowRoutes());

    StatusPage page = builder.build(NOW, 30, List.of(route(CHECKOUT), route(SEARCH), route(HOME)), List.of(),
        List.of(
            successes(CHECKOUT, 0, 50), // every request takes 9 s
            successes(SEARCH, 990, 10), // exactly the 1 % allowed
            successes(HOME, 0, 50))); // as slow, but no latency objective

    Map<RouteKey, Health> states = page.groups().stream().flatMap(group -> group.routes().stream())
        .collect(Collectors.toMap(RouteStatus::key, RouteStatus::current));
    assertThat(states).containsEntry(CHECKOUT, Health.DEGRADED)
        .containsEntry(SEARCH, Health.OPERATIONAL)
        .containsEntry(HOME, Health.OPERATIONAL);
  }

  @Test
  void oneSlowRequestMoreThanAllowedDegradesAndFailuresStillDecideWorseStates() {
    var slow = SETTINGS.slowRoutes();

    assertThat(slow.judge(route(SEARCH), successes(SEARCH, 989, 11).tally(), Health.OPERATIONAL))
        .isEqualTo(Health.DEGRADED);
    assertThat(slow.judge(route(SEARCH), successes(SEARCH, 0, 50).tally(), Health.MAJOR_OUTAGE))
        .isEqualTo(Health.MAJOR_OUTAGE);
    assertThat(slow.judge(route(SEARCH), successes(SEARCH, 0, 5).tally(), Health.NO_DATA))
        .isEqualTo(Health.NO_DATA);
  }
}
