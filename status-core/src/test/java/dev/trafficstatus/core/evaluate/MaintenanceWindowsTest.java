package dev.trafficstatus.core.evaluate;

import static dev.trafficstatus.core.evaluate.SimulatedTraffic.CHECKOUT;
import static dev.trafficstatus.core.evaluate.SimulatedTraffic.SEARCH;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficstatus.core.notice.NewMaintenance;
import dev.trafficstatus.core.notice.NoticeChange;
import dev.trafficstatus.core.notice.NoticeIds;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.notice.Notice;
import dev.trafficstatus.spi.notice.NoticeStatus;
import dev.trafficstatus.spi.notice.NoticeUpdate;
import dev.trafficstatus.spi.store.DayBucket;
import dev.trafficstatus.spi.store.EventType;
import dev.trafficstatus.spi.store.OutboxEvent;
import dev.trafficstatus.spi.store.WindowTally;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 17: maintenance windows that move by themselves and what they hold. */
class MaintenanceWindowsTest {

  private static final LocalDate SUNDAY = LocalDate.parse("2026-03-01");

  private final SimulatedTraffic shop = new SimulatedTraffic("2026-03-01T01:50:20Z");

  private static MaintenanceWindowSettings windows(RecurringWindow... windows) {
    return new MaintenanceWindowSettings(Duration.ofDays(1), List.of(windows), true);
  }

  private static RecurringWindow window(String name, String rule, RouteKey... routes) {
    return new RecurringWindow(name, List.of(routes), WindowRule.parse(rule), "");
  }

  private Evaluator evaluator(MaintenanceWindowSettings settings) {
    return shop.evaluator(IncidentSettings.defaults(), settings);
  }

  /** Requests per route inside windows on a day, over every window. */
  private Map<RouteKey, Long> held(LocalDate day) {
    Map<RouteKey, Long> held = new HashMap<>();
    for (WindowTally tally : shop.notices().windowTallies(day, day)) {
      held.merge(tally.bucket().route(), tally.bucket().tally().total(), Long::sum);
    }
    return held;
  }

  private Notice run(String start) {
    List<Notice> runs =
        shop.maintenances().stream().filter(n -> n.scheduledFor().equals(Instant.parse(start))).toList();
    return only(runs);
  }

  private Notice only(List<Notice> notices) {
    assertThat(notices).hasSize(1);
    return notices.get(0);
  }

  @Test
  void aRecurringWindowIsAnnouncedAWeekAheadOnceWhateverTheProcesses() {
    MaintenanceWindowSettings settings = windows(window("Weekly upgrade", "SUN 02:00-03:00", CHECKOUT));
    Evaluator one = evaluator(settings);
    Evaluator two = evaluator(settings);
    shop.clock.set(Instant.parse("2026-03-01T10:00:20Z"));

    shop.minutes(3, one, two);

    // Today's window is over: announcing it now would be time travel. Next Sunday's is a week ahead.
    Notice next = only(shop.maintenances());
    assertThat(next.scheduledFor()).isEqualTo(Instant.parse("2026-03-08T02:00:00Z"));
    assertThat(next.scheduledUntil()).isEqualTo(Instant.parse("2026-03-08T03:00:00Z"));
    assertThat(next.id()).isEqualTo(NoticeIds.derived("maintenance window\nshop\nWeekly upgrade\n2026-03-08T02:00:00Z"));
    assertThat(next.automatic()).isTrue();
    assertThat(next.status()).isEqualTo(NoticeStatus.SCHEDULED);
    assertThat(next.updates()).singleElement().extracting(NoticeUpdate::body)
        .isEqualTo("Planned maintenance (SUN 02:00-03:00), until 2026-03-08 03:00 UTC.");

    shop.clock.advance(Duration.ofDays(7));
    shop.minutes(1, two, one);
    assertThat(shop.maintenances()).hasSize(2);
  }

  @Test
  void itMovesAtItsEdgesOnceWithAnAutomaticUpdateEach() {
    MaintenanceWindowSettings settings = windows(window("Nightly", "daily 02:00-02:30", CHECKOUT));
    Evaluator one = evaluator(settings);
    Evaluator two = evaluator(settings);

    shop.minutes(9, one, two);
    assertThat(run("2026-03-01T02:00:00Z").status()).isEqualTo(NoticeStatus.SCHEDULED);
    shop.minutes(1, one, two);
    assertThat(run("2026-03-01T02:00:00Z").status()).isEqualTo(NoticeStatus.IN_PROGRESS);
    shop.minutes(29, one, two);
    assertThat(run("2026-03-01T02:00:00Z").status()).isEqualTo(NoticeStatus.IN_PROGRESS);
    shop.minutes(1, one, two);

    Notice done = run("2026-03-01T02:00:00Z");
    assertThat(done.status()).isEqualTo(NoticeStatus.COMPLETED);
    assertThat(done.updates()).extracting(NoticeUpdate::status)
        .containsExactly(NoticeStatus.COMPLETED, NoticeStatus.IN_PROGRESS, NoticeStatus.SCHEDULED);
    assertThat(done.updates()).allMatch(NoticeUpdate::automatic);
    assertThat(shop.notices().outbox()).filteredOn(e -> done.id().equals(e.noticeId()))
        .extracting(OutboxEvent::type)
        .containsExactly(EventType.MAINTENANCE_SCHEDULED, EventType.MAINTENANCE_STARTED,
            EventType.MAINTENANCE_COMPLETED);
  }

  @Test
  void aWindowHoldsExactlyTheMinutesItTouchesInUtc() {
    Evaluator evaluator = evaluator(windows(window("Nightly", "daily 02:00-02:30", CHECKOUT)));
    shop.traffic(CHECKOUT, 1, 0);
    shop.traffic(SEARCH, 1, 0);

    shop.minutes(60, evaluator);

    // One request a minute: 02:00 to 02:29 are inside, 01:59 and 02:30 are not; Search is not in it.
    assertThat(held(SUNDAY)).containsExactly(Map.entry(CHECKOUT, 30L));
  }

  @Test
  void aWindowAcrossMidnightIsSplitBetweenTheTwoDays() {
    shop.clock.set(Instant.parse("2026-03-01T23:40:20Z"));
    Evaluator evaluator = evaluator(windows(window("Midnight", "daily 23:50-00:10", CHECKOUT)));
    shop.traffic(CHECKOUT, 1, 0);

    shop.minutes(40, evaluator);

    assertThat(held(SUNDAY)).containsExactly(Map.entry(CHECKOUT, 10L));
    assertThat(held(SUNDAY.plusDays(1))).containsExactly(Map.entry(CHECKOUT, 10L));
  }

  @Test
  void overlappingWindowsMergeSoNothingIsCountedTwice() {
    Evaluator evaluator =
        evaluator(windows(
            window("Checkout upgrade", "daily 02:00-02:30", CHECKOUT),
            window("Everything", "daily 02:15-02:45")));
    shop.traffic(CHECKOUT, 1, 0);
    shop.traffic(SEARCH, 1, 0);

    shop.minutes(70, evaluator);

    // Checkout: 02:00 to 02:44 once, Search: 02:15 to 02:44.
    assertThat(held(SUNDAY)).containsOnly(Map.entry(CHECKOUT, 45L), Map.entry(SEARCH, 30L));
  }

  @Test
  void aPersonEndsOneEarlyAndExtendsAnother() {
    Evaluator evaluator = evaluator(windows());
    shop.traffic(CHECKOUT, 1, 0);
    shop.traffic(SEARCH, 1, 0);
    Notice early = shop.noticeService().schedule(new NewMaintenance(null, "Checkout work", List.of(CHECKOUT),
        Instant.parse("2026-03-01T02:00:00Z"), Instant.parse("2026-03-01T03:00:00Z"), "", null, false));
    Notice extended = shop.noticeService().schedule(new NewMaintenance(null, "Search work", List.of(SEARCH),
        Instant.parse("2026-03-01T02:00:00Z"), Instant.parse("2026-03-01T03:00:00Z"), "", null, false));

    shop.minutes(30, evaluator);
    shop.noticeService().change(early.id(),
        NoticeChange.update(NoticeStatus.COMPLETED, "Done early.", List.of(), false));
    shop.noticeService().change(extended.id(), new NoticeChange(null, "Needs 30 more minutes.", List.of(), null,
        null, null, null, null, Instant.parse("2026-03-01T03:30:00Z"), false));
    shop.minutes(69, evaluator);

    assertThat(shop.noticeService().find(extended.id()).orElseThrow().status()).isEqualTo(NoticeStatus.IN_PROGRESS);
    shop.minutes(1, evaluator);
    assertThat(shop.noticeService().find(extended.id()).orElseThrow().status()).isEqualTo(NoticeStatus.COMPLETED);
    shop.minutes(5, evaluator);
    // Ended at 02:20:20: its minutes are 02:00 to 02:20. Extended to 03:30: 02:00 to 03:29.
    assertThat(held(SUNDAY)).containsOnly(Map.entry(CHECKOUT, 21L), Map.entry(SEARCH, 90L));
  }

  @Test
  void aChangedWindowMovesItsAnnouncedRunsAndCancelsThoseNoLongerPlanned() {
    evaluator(windows(window("Nightly", "daily 04:00-04:30", CHECKOUT))).evaluateOnce();
    assertThat(shop.maintenances()).hasSize(7);

    evaluator(windows(window("Nightly", "daily 04:00-05:00", CHECKOUT, SEARCH))).evaluateOnce();
    assertThat(shop.maintenances()).hasSize(7).allSatisfy(run -> {
      assertThat(run.scheduledUntil()).isEqualTo(run.scheduledFor().plus(Duration.ofHours(1)));
      assertThat(run.affected()).hasSize(2);
    });

    evaluator(windows(window("Nightly", "daily 05:00-05:30", CHECKOUT), window("Other", "SUN 06:00-07:00")))
        .evaluateOnce();
    assertThat(shop.maintenances()).filteredOn(Notice::isOpen)
        .extracting(n -> n.scheduledFor().toString().substring(11))
        .containsOnly("05:00:00Z", "06:00:00Z");
    assertThat(shop.maintenances()).filteredOn(n -> !n.isOpen()).hasSize(7)
        .allSatisfy(cancelled -> assertThat(cancelled.updates().get(0).body())
            .isEqualTo("This window is no longer planned: cancelled."));
  }

  @Test
  void windowsAnotherServiceAnnouncedAreLeftAlone() {
    Notice theirs = shop.noticeService().schedule(new NewMaintenance(null, "Their window", List.of(),
        Instant.parse("2026-03-02T04:00:00Z"), Instant.parse("2026-03-02T05:00:00Z"), "", null, true));

    evaluator(windows(window("Nightly", "daily 04:00-04:30", CHECKOUT))).evaluateOnce();

    assertThat(shop.noticeService().find(theirs.id()).orElseThrow().status()).isEqualTo(NoticeStatus.SCHEDULED);
  }

  @Test
  void aWindowThatRanWhileNoEvaluatorDidIsStillRecordedAfterwards() {
    shop.traffic(CHECKOUT, 1, 0);
    Notice missed = shop.noticeService().schedule(new NewMaintenance(null, "Checkout work", List.of(CHECKOUT),
        Instant.parse("2026-03-01T02:00:00Z"), Instant.parse("2026-03-01T02:10:00Z"), "", null, false));
    for (int i = 0; i < 30; i++) {
      shop.minute();
    }

    evaluator(windows()).evaluateOnce();

    Notice done = shop.noticeService().find(missed.id()).orElseThrow();
    assertThat(done.status()).isEqualTo(NoticeStatus.COMPLETED);
    assertThat(held(SUNDAY)).containsExactly(Map.entry(CHECKOUT, 10L));
    assertThat(shop.notices().windowTallies(SUNDAY, SUNDAY)).extracting(WindowTally::bucket)
        .extracting(DayBucket::day).containsOnly(SUNDAY);
  }
}
