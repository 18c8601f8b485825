package dev.trafficstatus.testkit;

import static dev.trafficstatus.testkit.NoticeTestData.*;
import static dev.trafficstatus.testkit.StoreTestData.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.notice.Notice;
import dev.trafficstatus.spi.notice.NoticeStatus;
import dev.trafficstatus.spi.notice.NoticeUpdate;
import dev.trafficstatus.spi.notice.RouteState;
import dev.trafficstatus.spi.notice.StateChange;
import dev.trafficstatus.spi.Health;
import dev.trafficstatus.spi.store.ConcurrentChangeException;
import dev.trafficstatus.spi.store.DayBucket;
import dev.trafficstatus.spi.store.NoticeStore;
import dev.trafficstatus.spi.store.StatusStore;
import dev.trafficstatus.spi.store.StoreException;
import dev.trafficstatus.spi.store.WindowTally;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link NoticeStore}, for a store that offers notices ({@link
 * StatusStore#notices()}): a store plugin's contract test implements it beside extending {@link
 * StatusStoreContract}, which fails when a store offers notices without running it. Saves keep
 * the whole notice exactly, with optimistic versions that let exactly one of two concurrent
 * writers win; reads select and order by the closing time as the page and the history need;
 * deletes and window tallies.
 */
public interface NoticesContract extends StoreUnderTest {

  @Test
  default void aSavedNoticeIsFoundWithItsWholeTimelineAtTheNextVersion() throws Exception {
    StatusStore store = store();
    NoticeStore notices = notices(store);
    Notice opened = incident(id("inc", 1), minute(0, 10, 0));

    Notice saved = notices.save(opened, List.of());

    assertThat(saved).isEqualTo(atVersion(opened, 1));
    assertThat(notices.find(opened.id())).contains(saved);
    Notice monitoring = updated(saved, NoticeStatus.MONITORING, minute(0, 10, 30), "A fix is out.");
    Notice resolved = notices.save(closed(monitoring, minute(0, 11, 0)), List.of());
    assertThat(resolved.version()).isEqualTo(2);
    assertThat(resolved.updates())
        .extracting(NoticeUpdate::status)
        .containsExactly(
            NoticeStatus.RESOLVED, NoticeStatus.MONITORING, NoticeStatus.INVESTIGATING);
    assertThat(notices.find(opened.id())).contains(resolved);
    assertThat(notices.find(id("inc", 2))).isEmpty();
    assertThat(notices(restarted(store)).find(opened.id())).contains(resolved);
  }

  @Test
  default void timesAreKeptToTheMicrosecondAndListsInTheirOrder() throws Exception {
    NoticeStore notices = notices(store());
    Instant started = minute(0, 10, 0).plusNanos(123_456_000);
    Notice opened = incident(id("inc", 1), started);
    List<RouteState> affected = new ArrayList<>();
    List<StateChange> changes = new ArrayList<>();
    for (int n = 30; n > 0; n--) {
      RouteKey route = new RouteKey("svc-" + n, "/r/" + n);
      affected.add(new RouteState(route, Health.values()[n % Health.values().length]));
      changes.add(
          new StateChange(route, Health.OPERATIONAL, Health.values()[n % Health.values().length]));
    }
    Notice many = changed(opened, opened.name(), affected);
    List<NoticeUpdate> updates = new ArrayList<>();
    for (int n = 25; n > 0; n--) {
      Instant at = started.plus(Duration.ofMinutes(n)).plusNanos(n * 1_000L);
      updates.add(
          new NoticeUpdate(
              id("upd", n),
              NoticeStatus.IDENTIFIED,
              "Update " + n,
              at,
              at.minusSeconds(n),
              n % 2 == 0,
              n % 3 == 0 ? changes : List.of()));
    }
    Notice timeline =
        new Notice(
            many.id(),
            many.kind(),
            many.name(),
            NoticeStatus.IDENTIFIED,
            many.impact(),
            many.automatic(),
            many.handledByPerson(),
            many.createdAt(),
            many.startedAt(),
            updates.get(0).createdAt(),
            many.monitoringAt(),
            many.resolvedAt(),
            null,
            null,
            many.affected(),
            updates,
            0);

    Notice saved = notices.save(timeline, List.of());

    assertThat(saved).isEqualTo(atVersion(timeline, 1));
    assertThat(notices.find(timeline.id())).contains(saved);
  }

  @Test
  default void textAsLongAsTheRecordsAllowIsKeptExactly() throws Exception {
    StatusStore store = store();
    NoticeStore notices = notices(store);
    // 200 characters of two UTF-16 units each, and 10,000 characters of every kind a body may
    // hold: emoji, right-to-left text, tabs and line breaks, markup that pages must escape.
    String name = "🚦".repeat(Notice.MAX_NAME_LENGTH);
    StringBuilder body = new StringBuilder();
    String[] pieces = {"😀", "שלום", "\t", "\r\n", "<script>alert(1)</script>", "é", "\u202E"};
    for (int n = 0; body.codePointCount(0, body.length()) < NoticeUpdate.MAX_BODY_LENGTH; n++) {
      body.append(pieces[n % pieces.length]);
    }
    String longest = body.substring(0, body.offsetByCodePoints(0, NoticeUpdate.MAX_BODY_LENGTH));
    RouteKey oddRoute = new RouteKey("ショップ", "/" + "x".repeat(2_000) + "/{id}");
    Notice opened = incident(id("inc", 1), minute(0, 10, 0));
    Notice text =
        changed(
            updated(opened, NoticeStatus.IDENTIFIED, minute(0, 10, 5), longest),
            name,
            List.of(new RouteState(oddRoute, Health.DEGRADED)));

    Notice saved = notices.save(text, List.of());

    assertThat(notices.find(text.id())).contains(saved);
    assertThat(saved.name()).isEqualTo(name);
    assertThat(saved.updates().get(0).body()).isEqualTo(longest);
    assertThat(saved.affected()).containsExactly(new RouteState(oddRoute, Health.DEGRADED));
  }

  @Test
  default void aTakenIdOrAStaleVersionIsRefusedAndChangesNothing() throws Exception {
    NoticeStore notices = notices(store());
    Notice opened = incident(id("inc", 1), minute(0, 10, 0));
    Notice saved = notices.save(opened, List.of());

    assertThatThrownBy(
            () -> notices.save(changed(opened, "Another incident", opened.affected()), List.of()))
        .isInstanceOf(ConcurrentChangeException.class);
    assertThatThrownBy(
            () ->
                notices.save(atVersion(changed(saved, "Renamed", saved.affected()), 2), List.of()))
        .isInstanceOf(ConcurrentChangeException.class);
    Notice second =
        notices.save(
            updated(saved, NoticeStatus.IDENTIFIED, minute(0, 10, 5), "Found it."), List.of());
    assertThatThrownBy(() -> notices.save(changed(saved, "Renamed", saved.affected()), List.of()))
        .isInstanceOf(ConcurrentChangeException.class);
    Notice unknown = atVersion(incident(id("inc", 2), minute(0, 10, 0)), 3);
    assertThatThrownBy(() -> notices.save(unknown, List.of()))
        .isInstanceOf(ConcurrentChangeException.class);

    assertThat(second.version()).isEqualTo(2);
    assertThat(notices.find(opened.id())).contains(second);
    assertThat(notices.find(unknown.id())).isEmpty();
    assertThat(notices.current(T0)).containsExactly(second);
  }

  @Test
  default void ofTwoProcessesSavingTheSameVersionAtOnceExactlyOneWins() throws Exception {
    StatusStore first = store();
    StatusStore second = another(first);
    List<NoticeStore> writers = List.of(notices(first), notices(second));
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 10; round++) {
        String id = id("inc", round);
        // A new notice by both, then an update of the same version by both.
        List<Notice> opened =
            List.of(
                incident(id, minute(0, 10, 0)),
                changed(incident(id, minute(0, 10, 0)), "Other", List.of()));
        Notice won = oneWins(threads, writers, opened);
        assertThat(writers.get(1).find(id)).contains(won);

        List<Notice> updates =
            List.of(
                updated(won, NoticeStatus.IDENTIFIED, minute(0, 11, 0), "First writer."),
                updated(won, NoticeStatus.MONITORING, minute(0, 11, 0), "Second writer."));
        Notice latest = oneWins(threads, writers, updates);
        assertThat(latest.version()).isEqualTo(2);
        assertThat(writers.get(0).find(id)).contains(latest);
        assertThat(latest.updates()).hasSize(2);
      }
    } finally {
      threads.shutdownNow();
    }
  }

  /** Saves each notice through its writer at the same moment; exactly one save must succeed. */
  private static Notice oneWins(
      ExecutorService threads, List<NoticeStore> writers, List<Notice> notices) throws Exception {
    CyclicBarrier together = new CyclicBarrier(writers.size());
    List<Future<Notice>> saves = new ArrayList<>();
    for (int i = 0; i < writers.size(); i++) {
      NoticeStore writer = writers.get(i);
      Notice notice = notices.get(i);
      Callable<Notice> save =
          () -> {
            together.await(30, TimeUnit.SECONDS);
            try {
              return writer.save(notice, List.of());
            } catch (ConcurrentChangeException lost) {
              return null;
            }
          };
      saves.add(threads.submit(save));
    }
    List<Notice> won = new ArrayList<>();
    for (Future<Notice> save : saves) {
      Notice saved = save.get(60, TimeUnit.SECONDS);
      if (saved != null) {
        won.add(saved);
      }
    }
    assertThat(won).as("saves that succeeded").hasSize(1);
    return won.get(0);
  }

  @Test
  default void currentHoldsOpenNoticesAndThoseClosedSinceNewestStartFirst() throws Exception {
    NoticeStore notices = notices(store());
    Notice open = notices.save(incident(id("open", 1), minute(0, 1, 0)), List.of());
    Notice planned =
        notices.save(maintenance(id("plan", 1), minute(2, 2, 0), minute(2, 3, 0)), List.of());
    Notice closedLater =
        saveClosed(notices, incident(id("late", 1), minute(0, 2, 0)), minute(0, 5, 0));
    Notice closedAtTheMoment =
        saveClosed(notices, incident(id("edge", 1), minute(0, 3, 0)), minute(0, 4, 0));
    saveClosed(notices, incident(id("old", 1), minute(0, 0, 30)), minute(0, 3, 59));

    assertThat(notices.current(minute(0, 4, 0)))
        .containsExactly(planned, closedAtTheMoment, closedLater, open);
    assertThat(notices.current(minute(0, 4, 0).plusNanos(1_000)))
        .containsExactly(planned, closedLater, open);
    assertThat(notices.current(minute(0, 5, 1))).containsExactly(planned, open);
  }

  @Test
  default void closedBetweenHoldsNoticesClosedInTheRangeNewestClosingFirst() throws Exception {
    NoticeStore notices = notices(store());
    notices.save(incident(id("open", 1), minute(0, 0, 0)), List.of());
    List<Notice> closed = new ArrayList<>();
    for (int n = 0; n < 5; n++) {
      // Started in the opposite order to their closing, so the order can only come from closing.
      closed.add(saveClosed(notices, incident(id("inc", n), minute(0, 9 - n, 0)), minute(1, n, 0)));
    }

    assertThat(notices.closedBetween(minute(1, 1, 0), minute(1, 4, 0), 10))
        .containsExactly(closed.get(3), closed.get(2), closed.get(1));
    assertThat(notices.closedBetween(minute(1, 1, 0), minute(1, 4, 0), 2))
        .containsExactly(closed.get(3), closed.get(2));
    assertThat(notices.closedBetween(minute(0, 0, 0), minute(1, 0, 0), 10)).isEmpty();
    assertThat(notices.closedBetween(minute(0, 0, 0), minute(9, 0, 0), 10)).hasSize(5);
  }

  /** Saves a notice, then closes it: as stored. */
  private static Notice saveClosed(NoticeStore notices, Notice notice, Instant at) {
    return notices.save(closed(notices.save(notice, List.of()), at), List.of());
  }

  @Test
  default void aDeletedNoticeIsGoneWithItsTimelineAndItsIdFree() throws Exception {
    NoticeStore notices = notices(store());
    Notice opened = notices.save(incident(id("inc", 1), minute(0, 10, 0)), List.of());
    notices.save(
        updated(opened, NoticeStatus.IDENTIFIED, minute(0, 10, 5), "Found it."), List.of());
    notices.recordWindowTallies(
        opened.id(), List.of(new DayBucket(HOME, DAY0, Tallies.of(1, 0, 0, 10))));

    assertThat(notices.delete(opened.id(), List.of())).isTrue();

    assertThat(notices.find(opened.id())).isEmpty();
    assertThat(notices.current(T0)).isEmpty();
    assertThat(notices.windowTallies(DAY0, DAY0)).isEmpty();
    assertThat(notices.delete(opened.id(), List.of())).isFalse();
    Notice again = incident(opened.id(), minute(0, 12, 0));
    assertThat(notices.save(again, List.of())).isEqualTo(atVersion(again, 1));
    assertThat(notices.find(opened.id())).contains(atVersion(again, 1));
  }

  @Test
  default void deleteClosedBeforeDeletesClosedNoticesPastTheMomentWithTheirWindowTallies()
      throws Exception {
    NoticeStore notices = notices(store());
    Notice longOpen = notices.save(incident(id("open", 1), minute(0, 0, 0)), List.of());
    Notice pastWindow =
        saveClosed(
            notices, maintenance(id("mnt", 1), minute(0, 1, 0), minute(0, 2, 0)), minute(0, 2, 0));
    notices.recordWindowTallies(
        pastWindow.id(), List.of(new DayBucket(ITEM, DAY0, Tallies.of(4, 0, 0, 10))));
    saveClosed(notices, incident(id("inc", 1), minute(0, 3, 0)), minute(0, 4, 0));
    Notice closedAtTheMoment =
        saveClosed(notices, incident(id("inc", 2), minute(0, 3, 0)), minute(0, 5, 0));

    assertThat(notices.deleteClosedBefore(minute(0, 5, 0))).isEqualTo(2);

    assertThat(notices.current(T0)).containsExactly(closedAtTheMoment, longOpen);
    assertThat(notices.windowTallies(DAY0, DAY0)).isEmpty();
    assertThat(notices.deleteClosedBefore(minute(0, 5, 0))).isZero();
  }

  @Test
  default void windowTalliesAreReplacedPerNoticeAndReadByDay() throws Exception {
    NoticeStore notices = notices(store());
    String first =
        notices.save(maintenance(id("mnt", 1), minute(0, 22, 0), minute(1, 2, 0)), List.of()).id();
    String second =
        notices.save(maintenance(id("mnt", 2), minute(1, 5, 0), minute(1, 6, 0)), List.of()).id();
    DayBucket homeDay0 = new DayBucket(HOME, DAY0, Tallies.of(10, 1, 0, 100));
    DayBucket itemDay0 = new DayBucket(ITEM, DAY0, Tallies.of(3, 0, 2, 50));
    DayBucket itemDay1 = new DayBucket(ITEM, DAY0.plusDays(1), Tallies.of(7, 7, 0, 900));
    DayBucket goneDay1 = new DayBucket(GONE, DAY0.plusDays(1), Tallies.of(1, 0, 0, 5));

    notices.recordWindowTallies(first, List.of(homeDay0, itemDay0));
    notices.recordWindowTallies(first, List.of(homeDay0, itemDay0, itemDay1));
    notices.recordWindowTallies(second, List.of(goneDay1));
    notices.recordWindowTallies(id("mnt", 3), List.of(homeDay0));

    assertThat(notices.windowTallies(DAY0, DAY0))
        .containsExactlyInAnyOrder(
            new WindowTally(first, homeDay0), new WindowTally(first, itemDay0));
    assertThat(notices.windowTallies(DAY0.plusDays(1), DAY0.plusDays(9)))
        .containsExactlyInAnyOrder(
            new WindowTally(first, itemDay1), new WindowTally(second, goneDay1));
    assertThat(notices.windowTallies(DAY0.minusDays(9), DAY0.minusDays(1))).isEmpty();

    notices.recordWindowTallies(first, List.of());
    assertThat(notices.windowTallies(DAY0, DAY0.plusDays(1)))
        .containsExactly(new WindowTally(second, goneDay1));
  }

  @Test
  default void aNoticeKeepsRoutesTheStoreDoesNotKnowAndRoutesDeletedLater() throws Exception {
    StatusStore store = store();
    store.declareRoutes(List.of(route(HOME, "Home")));
    NoticeStore notices = notices(store);
    Notice saved = notices.save(incident(id("inc", 1), minute(0, 10, 0)), List.of());

    assertThat(store.deleteRoute(HOME)).isTrue();

    assertThat(notices.find(saved.id())).contains(saved);
    assertThat(saved.affected()).extracting(RouteState::route).containsExactly(HOME, GONE);
  }

  @Test
  default void noticeCallsOnABrokenDatabaseFailWithAStoreException() throws Exception {
    StatusStore store = store();
    NoticeStore notices = notices(store);
    Notice saved = notices.save(incident(id("inc", 1), minute(0, 10, 0)), List.of());
    broken(store);

    Map<String, ThrowingCallable> calls = new LinkedHashMap<>();
    calls.put("current", () -> notices.current(T0));
    calls.put("closedBetween", () -> notices.closedBetween(T0, minute(1, 0, 0), 10));
    calls.put("find", () -> notices.find(saved.id()));
    calls.put("save", () -> notices.save(closed(saved, minute(0, 11, 0)), List.of()));
    calls.put("delete", () -> notices.delete(saved.id(), List.of()));
    calls.put("recordWindowTallies", () -> notices.recordWindowTallies(saved.id(), List.of()));
    calls.put("windowTallies", () -> notices.windowTallies(DAY0, DAY0));
    calls.put("deleteClosedBefore", () -> notices.deleteClosedBefore(T0));
    calls.forEach(
        (method, call) ->
            assertThatThrownBy(call)
                .as(method)
                .isInstanceOf(StoreException.class)
                .satisfies(failure -> assertThat(failure.getMessage()).as(method).isNotBlank()));
  }
}
