package dev.trafficstatus.core.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trafficstatus.core.testing.InMemoryStore;
import dev.trafficstatus.testkit.MutableClock;
import dev.trafficstatus.spi.RouteDescriptor;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.page.StatusPage;
import dev.trafficstatus.spi.store.MinuteBucket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusServiceTest {

  private static final RouteKey HOME = new RouteKey("shop", "/");

  private final MutableClock clock = MutableClock.at("2026-11-26T10:30:00Z");
  private final InMemoryStore store = new InMemoryStore();
  private final StatusService service =
      new StatusService(store, PageSettings.defaults("Shop"), HealthPolicy.defaults(), clock);

  private void write(int success) {
    store.writeMinutes(
        List.of(
            new MinuteBucket(
                HOME,
                clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MINUTES),
                "i-" + success,
                PageBuilderTest.tally(success, 0, 0))));
  }

  @Test
  void thePageIsReadOncePerRefreshInterval() {
    store.declareRoutes(List.of(new RouteDescriptor(HOME, "Home", "", "Web")));
    write(5);
    StatusPage first = service.page(30);

    write(7);
    clock.advance(Duration.ofSeconds(59));
    assertThat(service.page(30)).isSameAs(first);

    clock.advance(Duration.ofSeconds(1));
    StatusPage fresh = service.page(30);
    assertThat(fresh.groups().get(0).routes().get(0).requests()).isEqualTo(12);
    assertThat(fresh.generatedAt()).isEqualTo(Instant.parse("2026-11-26T10:31:00Z"));
  }

  @Test
  void everyWindowLengthInOneIntervalCostsOneReadOfTheLongest() {
    store.declareRoutes(List.of(new RouteDescriptor(HOME, "Home", "", "Web")));
    write(5);

    StatusPage year = service.page(365);
    for (int days = 1; days <= 365; days++) {
      assertThat(service.page(days).days()).isEqualTo(days);
    }

    assertThat(store.dayReads()).isEqualTo(1);
    assertThat(service.page(30).groups().get(0).routes().get(0).requests()).isEqualTo(5);
    assertThat(service.page(365)).isSameAs(year);
  }

  @Test
  void aLongerWindowThanAnyReadBeforeReadsOnceMore() {
    service.page(30);
    service.page(90);
    service.page(60);

    assertThat(store.dayReads()).isEqualTo(2);
  }

  @Test
  void anEditIsShownAtOnceAfterInvalidation() {
    store.declareRoutes(List.of(new RouteDescriptor(HOME, "Home", "", "Web")));
    service.page();
    store.editRoute(HOME, new dev.trafficstatus.spi.store.RouteEdit("Start page", null));

    service.invalidate();

    assertThat(service.page().groups().get(0).routes().get(0).name()).isEqualTo("Start page");
  }

  private void writeAt(Instant minute, String instance, int success) {
    store.writeMinutes(
        List.of(new MinuteBucket(HOME, minute, instance, PageBuilderTest.tally(success, 0, 0))));
  }

  private long requestsOn(StatusPage page, LocalDate day) {
    return page.groups().get(0).routes().get(0).days().stream()
        .filter(d -> d.day().equals(day))
        .findFirst()
        .orElseThrow()
        .requests();
  }

  @Test
  void betweenHistoryReadsOnlyYesterdayAndTodayAreReadAgain() {
    store.declareRoutes(List.of(new RouteDescriptor(HOME, "Home", "", "Web")));
    Instant threeDaysAgo = clock.instant().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.MINUTES);
    LocalDate thatDay = LocalDate.parse("2026-11-23");
    writeAt(threeDaysAgo, "i-1", 5);
    assertThat(requestsOn(service.page(30), thatDay)).isEqualTo(5);
    assertThat(store.lastDaysRead()).containsExactly(LocalDate.parse("2026-10-28"), LocalDate.parse("2026-11-26"));

    // An instance back from a long outage writes into that closed day late.
    writeAt(threeDaysAgo, "i-2", 7);
    write(3);
    clock.advance(Duration.ofMinutes(1));
    StatusPage refreshed = service.page(30);

    assertThat(store.lastDaysRead()).containsExactly(LocalDate.parse("2026-11-25"), LocalDate.parse("2026-11-26"));
    assertThat(requestsOn(refreshed, LocalDate.parse("2026-11-26"))).isEqualTo(3);
    assertThat(requestsOn(refreshed, thatDay)).as("kept from the last history read").isEqualTo(5);
    assertThat(refreshed.groups().get(0).routes().get(0).days()).hasSize(30);

    clock.advance(Duration.ofMinutes(9));
    StatusPage reread = service.page(30);

    assertThat(store.lastDaysRead()).containsExactly(LocalDate.parse("2026-10-28"), LocalDate.parse("2026-11-26"));
    assertThat(requestsOn(reread, thatDay)).as("the late write, after historyRefresh").isEqualTo(12);
  }

  @Test
  void atMidnightTheOldTodayIsReadAgainAsYesterdayAndTheWindowMovesOn() {
    clock.set(Instant.parse("2026-11-26T23:59:30Z"));
    store.declareRoutes(List.of(new RouteDescriptor(HOME, "Home", "", "Web")));
    writeAt(Instant.parse("2026-10-29T12:00:00Z"), "i-1", 4);
    writeAt(Instant.parse("2026-11-26T23:59:00Z"), "i-1", 6);
    StatusPage before = service.page(30);
    assertThat(before.groups().get(0).routes().get(0).requests()).isEqualTo(10);

    // The last minute of the day is flushed after the page was read.
    writeAt(Instant.parse("2026-11-26T23:59:00Z"), "i-2", 1);
    clock.advance(Duration.ofMinutes(1));
    StatusPage after = service.page(30);

    assertThat(store.lastDaysRead()).containsExactly(LocalDate.parse("2026-11-26"), LocalDate.parse("2026-11-27"));
    List<dev.trafficstatus.spi.page.DayStatus> days = after.groups().get(0).routes().get(0).days();
    assertThat(days).hasSize(30);
    assertThat(days.get(0).day()).isEqualTo(LocalDate.parse("2026-10-29"));
    assertThat(days.get(29).day()).isEqualTo(LocalDate.parse("2026-11-27"));
    assertThat(requestsOn(after, LocalDate.parse("2026-10-29"))).isEqualTo(4);
    assertThat(requestsOn(after, LocalDate.parse("2026-11-26"))).isEqualTo(7);
  }

  @Test
  void invalidationReadsTheWholeWindowAgain() {
    store.declareRoutes(List.of(new RouteDescriptor(HOME, "Home", "", "Web")));
    service.page(30);
    clock.advance(Duration.ofMinutes(1));
    service.page(30);
    assertThat(store.lastDaysRead().get(0)).isEqualTo(LocalDate.parse("2026-11-25"));

    service.invalidate();
    service.page(30);

    assertThat(store.lastDaysRead()).containsExactly(LocalDate.parse("2026-10-28"), LocalDate.parse("2026-11-26"));
  }

  @Test
  void aWindowOutsideTheConfiguredBoundsIsRefused() {
    assertThatThrownBy(() -> service.page(0)).hasMessageContaining("between 1 and 365");
    assertThatThrownBy(() -> service.page(366)).hasMessageContaining("between 1 and 365");
  }
}
