package dev.trafficstatus.core.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.page.StatusPage;
import dev.trafficstatus.spi.store.DayBucket;
import dev.trafficstatus.spi.store.RouteTally;
import dev.trafficstatus.spi.store.StoredRoute;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When a new server promises its first figures, and when it promises nothing. */
class FirstFiguresTest {

  private static final Instant STARTED = Instant.parse("2026-11-26T09:45:00Z");
  private static final Instant READ = Instant.parse("2026-11-26T09:46:20Z");
  private static final RouteKey HOME = new RouteKey("shop", "/");
  private static final StoredRoute ROUTE = new StoredRoute(HOME, "Home", "", "Web", false, false);

  private final PageBuilder builder = new PageBuilder(PageSettings.defaults("Shop"), HealthPolicy.defaults());

  /** This process's flushes: 7 s past each minute. */
  private final FirstFigures first =
      new FirstFigures(at -> at.plusSeconds(60).minusSeconds(at.getEpochSecond() % 60).plusSeconds(7), STARTED);

  private StatusPage empty() {
    return builder.build(READ, 30, List.of(ROUTE), List.of(), List.of());
  }

  @Test
  void aPageWithoutFiguresIsPromisedTheLaterOfTheFlushAndItsNextRead() {
    assertThat(first.expected(empty(), READ, READ.plusSeconds(60)))
        .hasValue(Instant.parse("2026-11-26T09:47:20Z"));
    assertThat(first.expected(empty(), READ, READ.plusSeconds(5)))
        .hasValue(Instant.parse("2026-11-26T09:47:07Z"));
  }

  @Test
  void aPageWithFiguresIsPromisedNothing() {
    StatusPage page = builder.build(READ, 30, List.of(ROUTE),
        List.of(new DayBucket(HOME, LocalDate.parse("2026-11-26"), PageBuilderTest.tally(3, 0, 0))), List.of());
    assertThat(first.expected(page, READ, READ.plusSeconds(60))).isEmpty();
    StatusPage recent = builder.build(READ, 30, List.of(ROUTE), List.of(),
        List.of(new RouteTally(HOME, PageBuilderTest.tally(20, 0, 0))));
    assertThat(first.expected(recent, READ, READ.plusSeconds(60))).isEmpty();
  }

  @Test
  void afterTheFirstTenMinutesNoTrafficIsNoPromise() {
    Instant later = STARTED.plus(FirstFigures.FIRST_MINUTES).plusSeconds(1);
    assertThat(first.expected(empty(), later, later.plusSeconds(60))).isEmpty();
    assertThat(FirstFigures.NONE.expected(empty(), READ, READ.plusSeconds(60))).isEmpty();
  }
}
