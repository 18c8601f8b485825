package dev.trafficstatus.core.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trafficstatus.core.testing.InMemoryStore;
import dev.trafficstatus.spi.notice.Impact;
import dev.trafficstatus.spi.notice.Notice;
import dev.trafficstatus.spi.notice.NoticeKind;
import dev.trafficstatus.spi.notice.NoticeStatus;
import dev.trafficstatus.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Past months of notices are read in the background, once per refresh per month asked for. */
class NoticeHistoryTest {

  private static final Duration LIMIT = Duration.ofSeconds(30);
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private final MutableClock clock = MutableClock.at("2025-06-20T10:00:00Z");
  private final WatchedNotices notices = new WatchedNotices();
  private final PageSettings settings = new PageSettings("Shop", 90, 365, BERLIN,
      Duration.ofMinutes(1), Duration.ofMinutes(10), Duration.ofMinutes(15), List.of(),
      Grouping.GROUP);
  private final NoticeHistory history = new NoticeHistory(
      new InMemoryStore().withNotices(notices), settings, Duration.ofDays(400), clock,
      System.getLogger(NoticeHistoryTest.class.getName()));

  @AfterEach
  void stop() throws InterruptedException {
    notices.open();
    history.stop();
  }

  private static Notice resolved(String id, String resolvedAt) {
    Instant end = Instant.parse(resolvedAt);
    return new Notice(id, NoticeKind.INCIDENT, "Incident " + id, NoticeStatus.RESOLVED,
        Impact.MAJOR, false, true, end.minusSeconds(600), end.minusSeconds(600), end, null, end,
        null, null, List.of(), List.of(), 0);
  }

  private static <T> T await(String what, Supplier<Optional<T>> read) throws InterruptedException {
    long deadline = System.nanoTime() + LIMIT.toNanos();
    while (true) {
      Optional<T> value = read.get();
      if (value.isPresent()) {
        return value.get();
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + LIMIT + ": " + what);
      }
      Thread.sleep(10);
    }
  }

  private NoticeHistory.Month june() throws InterruptedException {
    return await("June read", () -> history.month(YearMonth.of(2025, 6)));
  }

  @Test
  void aMonthIsReadOnTheHistoryThreadAndTheCallerNeverWaits() throws InterruptedException {
    notices.save(resolved("aaaaaaaaaaa1", "2025-06-10T12:00:00Z"), List.of());
    notices.hold();
    history.start();

    assertThat(history.month(YearMonth.of(2025, 6))).as("not read yet, answered at once").isEmpty();
    notices.open();

    assertThat(june().closed()).extracting(Notice::id).containsExactly("aaaaaaaaaaa1");
    assertThat(notices.reads()).isNotEmpty()
        .allSatisfy(read -> assertThat(read).startsWith(NoticeHistory.THREAD_NAME + ": "));
  }

  @Test
  void monthsBeginAtMidnightInThePagesTimeZone() throws InterruptedException {
    // 22:30 UTC on 31 May is half past midnight on 1 June in Berlin.
    notices.save(resolved("aaaaaaaaaaa1", "2025-05-31T22:30:00Z"), List.of());
    notices.save(resolved("aaaaaaaaaaa2", "2025-05-31T21:30:00Z"), List.of());
    history.start();

    assertThat(june().closed()).extracting(Notice::id).containsExactly("aaaaaaaaaaa1");
    assertThat(await("May", () -> history.month(YearMonth.of(2025, 5))).closed())
        .extracting(Notice::id).containsExactly("aaaaaaaaaaa2");
  }

  @Test
  void aMonthIsReadAtMostOncePerRefreshHoweverOftenItIsAskedFor() throws InterruptedException {
    history.start();
    NoticeHistory.Month first = june();
    long generation = history.generation();
    for (int i = 0; i < 1_000; i++) {
      history.month(YearMonth.of(2025, 6));
    }
    assertThat(readsOf("2025-05-31T22:00:00Z")).isEqualTo(1);

    notices.save(resolved("aaaaaaaaaaa1", "2025-06-20T09:00:00Z"), List.of());
    clock.advance(Duration.ofMinutes(1));
    assertThat(history.month(YearMonth.of(2025, 6))).as("the old read meanwhile").contains(first);
    NoticeHistory.Month again = await("June read again",
        () -> history.month(YearMonth.of(2025, 6)).filter(m -> !m.closed().isEmpty()));

    assertThat(again.closed()).extracting(Notice::id).containsExactly("aaaaaaaaaaa1");
    assertThat(readsOf("2025-05-31T22:00:00Z")).isEqualTo(2);
    assertThat(history.generation()).isGreaterThan(generation);
  }

  private long readsOf(String monthStart) {
    return notices.reads().stream().filter(read -> read.contains("closedBetween " + monthStart)).count();
  }

  @Test
  void aFailedReadKeepsWhatWasReadMarkedStaleAndTriesAgainLater() throws InterruptedException {
    notices.save(resolved("aaaaaaaaaaa1", "2025-06-10T12:00:00Z"), List.of());
    history.start();
    june();

    notices.down(true);
    clock.advance(Duration.ofMinutes(1));
    history.month(YearMonth.of(2025, 6));
    NoticeHistory.Month stale = await("marked stale",
        () -> history.month(YearMonth.of(2025, 6)).filter(NoticeHistory.Month::stale));
    assertThat(stale.closed()).extracting(Notice::id).containsExactly("aaaaaaaaaaa1");
    long failedReads = readsOf("2025-05-31T22:00:00Z");
    history.month(YearMonth.of(2025, 6));
    assertThat(readsOf("2025-05-31T22:00:00Z")).as("no retry before the minimum refresh")
        .isEqualTo(failedReads);

    notices.down(false);
    clock.advance(PageSettings.MIN_REFRESH);
    history.month(YearMonth.of(2025, 6));
    await("fresh again", () -> history.month(YearMonth.of(2025, 6)).filter(m -> !m.stale()));
  }

  @Test
  void oldNoticesAreLookedUpByIdInTheBackground() throws InterruptedException {
    notices.save(resolved("aaaaaaaaaaa1", "2025-01-10T12:00:00Z"), List.of());
    history.start();

    assertThat(await("found", () -> history.find("aaaaaaaaaaa1")).notice())
        .map(Notice::name).contains("Incident aaaaaaaaaaa1");
    assertThat(await("not found", () -> history.find("zzzzzzzzzzzz")).notice()).isEmpty();
    assertThat(notices.reads()).contains(NoticeHistory.THREAD_NAME + ": find aaaaaaaaaaa1");
  }

  @Test
  void onlyMonthsFromTheOldestKeptToTheCurrentOneAreOffered() {
    assertThat(history.currentMonth()).isEqualTo(YearMonth.of(2025, 6));
    assertThat(history.earliestMonth()).isEqualTo(YearMonth.of(2024, 5));
    assertThatThrownBy(() -> history.month(YearMonth.of(2025, 7)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2024-05 to 2025-06");
    assertThatThrownBy(() -> history.month(YearMonth.of(2024, 4)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aMonthWithMoreNoticesThanTheLimitListsTheNewestAndSaysSo() throws InterruptedException {
    for (int i = 0; i <= NoticeHistory.MONTH_LIMIT; i++) {
      notices.save(resolved(String.format("a%011d", i),
          Instant.parse("2025-06-02T00:00:00Z").plusSeconds(60L * i).toString()), List.of());
    }
    history.start();

    NoticeHistory.Month june = june();
    assertThat(june.complete()).isFalse();
    assertThat(june.closed()).hasSize(NoticeHistory.MONTH_LIMIT);
    assertThat(june.closed().get(0).id()).isEqualTo(String.format("a%011d", NoticeHistory.MONTH_LIMIT));
  }

  @Test
  void aChangeThroughTheApiHasTheMonthReadAgainAtTheNextRequest() throws InterruptedException {
    history.start();
    june();
    notices.save(resolved("aaaaaaaaaaa1", "2025-06-20T09:00:00Z"), List.of());

    history.invalidate();

    assertThat(await("read again", () -> history.month(YearMonth.of(2025, 6))
        .filter(m -> !m.closed().isEmpty())).closed()).hasSize(1);
  }

  @Test
  void aFirstReadThatFailedIsTriedAgainAfterAChangeWithoutWaitingForTheClock()
      throws InterruptedException {
    // As at start, before the store has connected.
    notices.down(true);
    // Before start: its first reads may fail before this thread looks.
    long failures = history.generation();
    history.start();
    await("the failed read", () -> history.generation() > failures ? Optional.of(true) : Optional.empty());
    assertThat(history.month(YearMonth.of(2025, 6))).isEmpty();

    notices.down(false);
    notices.save(resolved("aaaaaaaaaaa1", "2025-06-20T09:00:00Z"), List.of());
    history.invalidate();

    assertThat(june().closed()).extracting(Notice::id).containsExactly("aaaaaaaaaaa1");
  }

  @Test
  void askingForEverNewIdsQueuesBoundedWork() throws InterruptedException {
    notices.hold();
    history.start();
    for (int i = 0; i < 1_000; i++) {
      history.find(String.format("b%011d", i));
    }
    notices.open();
    history.stop();

    assertThat(notices.reads().size())
        .isLessThanOrEqualTo(NoticeHistory.MAX_WAITING + 3);
  }
}
