package dev.trafficstatus.core.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trafficstatus.core.testing.InMemoryStore;
import dev.trafficstatus.spi.RouteDescriptor;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.page.DayStatus;
import dev.trafficstatus.spi.page.StatusPage;
import dev.trafficstatus.spi.store.MinuteBucket;
import dev.trafficstatus.spi.store.RouteEdit;
import dev.trafficstatus.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The page's figures on the caller's thread: read once per refresh interval for every window, the
 * days that did not change kept between reads (by the store's day versions, or without them until
 * the history is read again), a failed read keeping the last figures marked stale, and an
 * invalidation reading again at once. The refresher thread is in {@link
 * StatusServiceRefresherTest}.
 */
class StatusServiceTest {

  private static final RouteKey HOME = new RouteKey("shop", "/");

  /** The first day of the longest window (365 days) ending on the clock's day. */
  private static final LocalDate FIRST_OF_YEAR = LocalDate.parse("2025-11-27");

  private final MutableClock clock = MutableClock.at("2026-11-26T10:30:00Z");
  private final InMemoryStore store = new InMemoryStore();
  private final StatusService service =
      new StatusService(store, PageSettings.defaults("Shop"), HealthPolicy.defaults(), clock);

  private void write(int success) {
    writeAt(clock.instant().truncatedTo(ChronoUnit.MINUTES), "i-" + success, success);
  }

  private void writeAt(Instant minute, String instance, int success) {
    store.writeMinutes(
        List.of(new MinuteBucket(HOME, minute, instance, PageBuilderTest.tally(success, 0, 0))));
  }

  private void declareHome() {
    store.declareRoutes(List.of(new RouteDescriptor(HOME, "Home", "", "Web")));
  }

  private static long requests(StatusPage page) {
    return page.groups().get(0).routes().get(0).requests();
  }

  private static long requestsOn(StatusPage page, LocalDate day) {
    return page.groups().get(0).routes().get(0).days().stream()
        .filter(d -> d.day().equals(day))
        .findFirst()
        .orElseThrow()
        .requests();
  }

  @Test
  void nothingIsAvailableBeforeTheFirstRead() {
    PageSnapshot snapshot = service.snapshot();

    assertThat(snapshot.available()).isFalse();
    assertThat(snapshot.stale()).isFalse();
    assertThat(store.dayReads()).as("a request never reads").isZero();
    assertThatThrownBy(() -> snapshot.page(30)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void theStoreIsReadOncePerRefreshInterval() {
    declareHome();
    write(5);
    service.refresh();
    StatusPage first = service.page(30);
    assertThat(requests(first)).isEqualTo(5);

    write(7);
    clock.advance(Duration.ofSeconds(59));
    service.refresh();
    assertThat(requests(service.page(30))).isEqualTo(5);
    assertThat(store.dayReads()).isEqualTo(1);

    clock.advance(Duration.ofSeconds(1));
    service.refresh();
    StatusPage fresh = service.page(30);
    assertThat(requests(fresh)).isEqualTo(12);
    assertThat(fresh.generatedAt()).isEqualTo(Instant.parse("2026-11-26T10:31:00Z"));
    assertThat(store.dayReads()).isEqualTo(2);
  }

  @Test
  void everyWindowIsCutFromOneReadOfTheLongest() {
    declareHome();
    write(5);
    service.refresh();

    for (int days = 1; days <= 365; days++) {
      assertThat(service.page(days).days()).isEqualTo(days);
    }

    assertThat(store.dayReads()).isEqualTo(1);
    assertThat(store.lastDaysRead()).containsExactly(FIRST_OF_YEAR, LocalDate.parse("2026-11-26"));
    assertThat(requests(service.page(1))).isEqualTo(5);
    assertThat(service.snapshot().generation()).isEqualTo(service.snapshot().generation());
  }

  @Test
  void anEditIsShownAtOnceAfterInvalidation() {
    declareHome();
    service.refresh();
    store.editRoute(HOME, new RouteEdit("Start page", null));

    service.invalidate();

    assertThat(service.page(90).groups().get(0).routes().get(0).name()).isEqualTo("Start page");
  }

  @Test
  void withoutDayVersionsOnlyYesterdayAndTodayAreReadAgainBetweenHistoryReads() {
    declareHome();
    Instant threeDaysAgo = clock.instant().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.MINUTES);
    LocalDate thatDay = LocalDate.parse("2026-11-23");
    writeAt(threeDaysAgo, "i-1", 5);
    service.refresh();
    assertThat(requestsOn(service.page(30), thatDay)).isEqualTo(5);
    assertThat(store.lastDaysRead()).containsExactly(FIRST_OF_YEAR, LocalDate.parse("2026-11-26"));

    // An instance back from a long outage writes into that closed day late.
    writeAt(threeDaysAgo, "i-2", 7);
    write(3);
    clock.advance(Duration.ofMinutes(1));
    service.refresh();
    StatusPage refreshed = service.page(30);

    assertThat(store.lastDaysRead())
        .containsExactly(LocalDate.parse("2026-11-25"), LocalDate.parse("2026-11-26"));
    assertThat(requestsOn(refreshed, LocalDate.parse("2026-11-26"))).isEqualTo(3);
    assertThat(requestsOn(refreshed, thatDay)).as("kept from the last history read").isEqualTo(5);
    assertThat(refreshed.groups().get(0).routes().get(0).days()).hasSize(30);

    clock.advance(Duration.ofMinutes(9));
    service.refresh();
    StatusPage reread = service.page(30);

    assertThat(store.lastDaysRead()).containsExactly(FIRST_OF_YEAR, LocalDate.parse("2026-11-26"));
    assertThat(requestsOn(reread, thatDay)).as("the late write, after historyRefresh").isEqualTo(12);
  }

  @Test
  void withDayVersionsALateWriteToAnOldDayIsShownAtTheNextRefreshAndOnlyChangedDaysAreRead() {
    store.keepDayVersions(true);
    declareHome();
    Instant monthAgo = clock.instant().minus(Duration.ofDays(30)).truncatedTo(ChronoUnit.MINUTES);
    LocalDate thatDay = LocalDate.parse("2026-10-27");
    LocalDate today = LocalDate.parse("2026-11-26");
    writeAt(monthAgo, "i-1", 5);
    write(2);
    service.refresh();
    assertThat(requestsOn(service.page(90), thatDay)).isEqualTo(5);
    assertThat(store.daysReadSinceAsked()).containsExactly(List.of(FIRST_OF_YEAR, today));

    // An instance back from a long outage writes into that closed day late.
    writeAt(monthAgo, "i-2", 7);
    write(3);
    clock.advance(Duration.ofMinutes(1));
    service.refresh();
    StatusPage refreshed = service.page(90);

    assertThat(requestsOn(refreshed, thatDay)).as("the late write, at the next refresh").isEqualTo(12);
    assertThat(requestsOn(refreshed, today)).isEqualTo(5);
    assertThat(store.daysReadSinceAsked())
        .as("the two days written to, nothing else")
        .containsExactly(List.of(thatDay, thatDay), List.of(today, today));

    clock.advance(Duration.ofMinutes(1));
    service.refresh();
    assertThat(store.daysReadSinceAsked()).as("nothing changed, nothing read").isEmpty();
    assertThat(requestsOn(service.page(90), thatDay)).isEqualTo(12);
  }

  @Test
  void withDayVersionsARouteDeletedAndRestoredByAnotherProcessLosesItsHistoryAtTheNextRefresh() {
    store.keepDayVersions(true);
    declareHome();
    Instant weekAgo = clock.instant().minus(Duration.ofDays(7)).truncatedTo(ChronoUnit.MINUTES);
    LocalDate thatDay = LocalDate.parse("2026-11-19");
    writeAt(weekAgo, "i-1", 5);
    service.refresh();
    assertThat(requestsOn(service.page(30), thatDay)).isEqualTo(5);

    // Another process of the service: its API deletes the route and brings it back.
    store.deleteRoute(HOME);
    store.restoreRoute(HOME, clock.instant());
    clock.advance(Duration.ofMinutes(1));
    service.refresh();

    assertThat(requestsOn(service.page(30), thatDay)).isZero();
  }

  @Test
  void withDayVersionsAnInvalidationReadsOnlyWhatChanged() {
    store.keepDayVersions(true);
    declareHome();
    service.refresh();
    store.daysReadSinceAsked();
    write(4);

    service.invalidate();

    assertThat(store.daysReadSinceAsked())
        .containsExactly(List.of(LocalDate.parse("2026-11-26"), LocalDate.parse("2026-11-26")));
    assertThat(requests(service.page(1))).isEqualTo(4);
  }

  @Test
  void atMidnightTheOldTodayIsReadAgainAsYesterdayAndTheWindowMovesOn() {
    clock.set(Instant.parse("2026-11-26T23:59:30Z"));
    declareHome();
    writeAt(Instant.parse("2026-10-29T12:00:00Z"), "i-1", 4);
    writeAt(Instant.parse("2026-11-26T23:59:00Z"), "i-1", 6);
    service.refresh();
    assertThat(requests(service.page(30))).isEqualTo(10);

    // The last minute of the day is flushed after the page was read.
    writeAt(Instant.parse("2026-11-26T23:59:00Z"), "i-2", 1);
    clock.advance(Duration.ofMinutes(1));
    service.refresh();
    StatusPage after = service.page(30);

    assertThat(store.lastDaysRead())
        .containsExactly(LocalDate.parse("2026-11-26"), LocalDate.parse("2026-11-27"));
    List<DayStatus> days = after.groups().get(0).routes().get(0).days();
    assertThat(days).hasSize(30);
    assertThat(days.get(0).day()).isEqualTo(LocalDate.parse("2026-10-29"));
    assertThat(days.get(29).day()).isEqualTo(LocalDate.parse("2026-11-27"));
    assertThat(requestsOn(after, LocalDate.parse("2026-10-29"))).isEqualTo(4);
    assertThat(requestsOn(after, LocalDate.parse("2026-11-26"))).isEqualTo(7);
  }

  @Test
  void invalidationReadsTheWholeWindowAgain() {
    declareHome();
    service.refresh();
    clock.advance(Duration.ofMinutes(1));
    service.refresh();
    assertThat(store.lastDaysRead().get(0)).isEqualTo(LocalDate.parse("2026-11-25"));

    service.invalidate();

    assertThat(store.lastDaysRead()).containsExactly(FIRST_OF_YEAR, LocalDate.parse("2026-11-26"));
    clock.advance(Duration.ofMinutes(1));
    service.refresh();
    assertThat(store.lastDaysRead().get(0))
        .as("the history the invalidation read is kept")
        .isEqualTo(LocalDate.parse("2026-11-25"));
  }

  @Test
  void aFailedReadKeepsTheLastFiguresMarkedStaleAndIsTriedAgainAfterFiveSeconds() {
    declareHome();
    write(20);
    service.refresh();
    PageSnapshot good = service.snapshot();
    assertThat(good.stale()).isFalse();
    assertThat(good.page(30).stale()).isFalse();

    store.down(true);
    clock.advance(Duration.ofMinutes(1));
    service.refresh();
    int readsWhileDown = store.dayReads();

    PageSnapshot stale = service.snapshot();
    assertThat(stale.available()).isTrue();
    assertThat(stale.stale()).isTrue();
    assertThat(stale.generation()).isEqualTo(good.generation());
    assertThat(stale.readAt()).isEqualTo(good.readAt());
    StatusPage page = stale.page(30);
    assertThat(page.stale()).isTrue();
    assertThat(page.generatedAt()).isEqualTo(Instant.parse("2026-11-26T10:30:00Z"));
    assertThat(requests(page)).isEqualTo(20);

    clock.advance(Duration.ofSeconds(4));
    service.refresh();
    assertThat(store.dayReads()).as("not tried again within five seconds").isEqualTo(readsWhileDown);
    clock.advance(Duration.ofSeconds(1));
    service.refresh();
    assertThat(store.dayReads()).isEqualTo(readsWhileDown + 1);

    store.down(false);
    clock.advance(Duration.ofSeconds(5));
    service.refresh();
    PageSnapshot recovered = service.snapshot();
    assertThat(recovered.stale()).isFalse();
    assertThat(recovered.generation()).isGreaterThan(good.generation());
    assertThat(recovered.page(30).generatedAt()).isEqualTo(Instant.parse("2026-11-26T10:31:10Z"));
  }

  @Test
  void withTheStoreDownSinceStartNothingIsAvailable() {
    store.down(true);

    service.refresh();

    assertThat(store.dayReads()).isEqualTo(1);
    assertThat(service.snapshot().available()).isFalse();
  }

  @Test
  void anInvalidationThatCannotReadMarksTheFiguresStaleAndTheNextRefreshReadsEverything() {
    declareHome();
    service.refresh();
    clock.advance(Duration.ofMinutes(1));
    service.refresh();
    store.down(true);

    service.invalidate();

    assertThat(service.snapshot().stale()).isTrue();
    store.down(false);
    service.refresh();
    assertThat(service.snapshot().stale()).isFalse();
    assertThat(store.lastDaysRead()).containsExactly(FIRST_OF_YEAR, LocalDate.parse("2026-11-26"));
  }

  @Test
  void aWindowOutsideTheConfiguredBoundsIsRefused() {
    service.refresh();

    assertThatThrownBy(() -> service.page(0)).hasMessageContaining("between 1 and 365");
    assertThatThrownBy(() -> service.page(366)).hasMessageContaining("between 1 and 365");
  }
}
