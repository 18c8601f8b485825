package dev.trafficstatus.core.objective;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficstatus.core.status.MaintenanceSpans;
import dev.trafficstatus.core.testing.InMemoryStore;
import dev.trafficstatus.spi.RouteDescriptor;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.notice.Notice;
import dev.trafficstatus.spi.notice.NoticeStatus;
import dev.trafficstatus.spi.store.MinuteBucket;
import dev.trafficstatus.spi.store.Retention;
import dev.trafficstatus.testkit.NoticeTestData;
import dev.trafficstatus.testkit.StoreTestData;
import dev.trafficstatus.testkit.Tallies;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An evaluation that keeps the pieces of closed hours between evaluations (a store with hour
 * versions) gives the readings of a fresh one, which reads everything again, whatever happened between the
 * two: new minutes, late writes into kept hours, rollups and pruning, deleted and restored routes,
 * time moving by a minute, an hour or a day; and a minute after the last it reads only the current
 * hour and a minute per start.
 */
class KeptWindowsTest {

  private static final RouteKey CHECKOUT = new RouteKey("shop", "/checkout");
  private static final RouteKey CART = new RouteKey("shop", "/cart");
  private static final RouteKey ITEM = StoreTestData.ITEM;
  private static final List<RouteKey> ROUTES = List.of(CHECKOUT, CART, ITEM);
  private static final Instant START = Instant.parse("2026-03-31T12:31:20Z");

  private final InMemoryStore store = new InMemoryStore();
  private final ObjectiveSettings settings = new ObjectiveSettings(
      List.of(
          new Objective("checkout", new ObjectiveScope(ScopeKind.ROUTE, CHECKOUT.service(), CHECKOUT.rule()),
              new BigDecimal("99.9"), null, Objective.DEFAULT_WINDOW),
          new Objective("shop", new ObjectiveScope(ScopeKind.GROUP, null, "Shop"),
              new BigDecimal("99"), null, Duration.ofDays(7)),
          new Objective("items", new ObjectiveScope(ScopeKind.ROUTE, ITEM.service(), ITEM.rule()),
              new BigDecimal("99.5"), new LatencyTarget(Duration.ofMillis(300), new BigDecimal("99")),
              Objective.DEFAULT_WINDOW)),
      BurnPair.defaults(), new BigDecimal("0.5"), Duration.ofHours(1));

  KeptWindowsTest() {
    store.keepDayVersions(true);
    store.declareRoutes(List.of(
        new RouteDescriptor(CHECKOUT, "Checkout", "", "Shop"),
        new RouteDescriptor(CART, "Cart", "", "Shop"),
        new RouteDescriptor(ITEM, "Items", "", "Catalogue")));
  }

  private void write(RouteKey route, Instant minute, String instance, long success, long failure, long micros) {
    store.writeMinutes(List.of(new MinuteBucket(
        route, minute.truncatedTo(ChronoUnit.MINUTES), instance, Tallies.of(success, failure, 0, micros))));
  }

  private List<ObjectiveReading> fresh(Instant now, MaintenanceSpans spans) {
    return new ObjectiveEvaluation(store, settings, 10).evaluate(now, spans, (key, pair) -> false);
  }

  /**
   * A walk of 400 evaluations, each compared with a fresh evaluation (nothing kept, every piece
   * read; ObjectiveEvaluationTest holds that to hand-computed whole windows). With 2 days kept, the
   * 3-day burn windows and the 7-day objective start inside days whose minutes are gone, and late
   * writes land in such days (folded into them by the next maintenance).
   */
  @ParameterizedTest(name = "{0} days of minutes kept")
  @ValueSource(ints = {7, 2})
  void keptPiecesGiveTheReadingsOfAWholeReadWhateverHappensBetweenEvaluations(int minuteDays) {
    Retention retention = new Retention(Duration.ofDays(minuteDays), Duration.ofDays(400));
    Random random = new Random(20261130);
    // 35 days of history, an hour in five, rolled up and pruned past the minutes kept.
    for (Instant minute = START.minus(Duration.ofDays(35)); minute.isBefore(START); minute = minute.plus(Duration.ofMinutes(293))) {
      for (RouteKey route : ROUTES) {
        write(route, minute, "web-1", random.nextInt(1_000), random.nextInt(3), 50_000 + random.nextInt(400_000));
      }
    }
    store.maintain(START, retention);
    Notice maintenance = NoticeTestData.closed(NoticeTestData.updated(
        NoticeTestData.maintenance(NoticeTestData.id("m", 1), START.plus(Duration.ofHours(2)), START.plus(Duration.ofHours(3))),
        NoticeStatus.IN_PROGRESS, START.plus(Duration.ofHours(2)), "Started."), START.plus(Duration.ofHours(3)));
    store.noticeStore().save(maintenance, List.of());
    MaintenanceSpans spans = MaintenanceSpans.of(List.of(maintenance));

    ObjectiveEvaluation kept = new ObjectiveEvaluation(store, settings, 10);
    Instant now = START;
    int deletedAt = -1;
    for (int step = 0; step < 400; step++) {
      int move = random.nextInt(100);
      Duration by = move < 85 ? Duration.ofMinutes(1)
          : move < 90 ? Duration.ofMinutes(7)
          : move < 95 ? Duration.ofMinutes(61)
          : Duration.ofDays(1).plusMinutes(13);
      now = now.plus(by);
      Instant closed = now.truncatedTo(ChronoUnit.MINUTES).minus(1, ChronoUnit.MINUTES);
      for (RouteKey route : ROUTES) {
        write(route, closed, "web-1", 200 + random.nextInt(800), random.nextInt(10) == 0 ? 40 : 0,
            50_000 + random.nextInt(600_000));
      }
      int event = random.nextInt(100);
      if (event < 12) {
        // A late write into any minute of the last three days, from an instance that was cut off.
        Instant late = now.minus(Duration.ofMinutes(2 + random.nextInt(3 * 24 * 60)));
        write(ROUTES.get(random.nextInt(3)), late, "web-" + (2 + random.nextInt(3)), 100, 25, 900_000);
      } else if (event < 16) {
        store.maintain(now, retention);
      } else if (event < 18 && deletedAt < 0) {
        store.deleteRoute(CART);
        deletedAt = step;
      }
      if (deletedAt >= 0 && step - deletedAt == 5) {
        store.restoreRoute(CART, now);
        deletedAt = -1;
      }

      List<ObjectiveReading> readings = kept.evaluate(now, spans, (key, pair) -> false);

      assertThat(readings).as("step %d at %s", step, now).isEqualTo(fresh(now, spans));
    }
  }

  @Test
  void aMinuteAfterTheLastAnEvaluationReadsTheCurrentHourAndAMinutePerStartAndWhatChanged() {
    for (Instant minute = START.minus(Duration.ofDays(31)); minute.isBefore(START); minute = minute.plus(Duration.ofMinutes(37))) {
      write(CHECKOUT, minute, "web-1", 1_000, 1, 100_000);
    }
    ObjectiveEvaluation kept = new ObjectiveEvaluation(store, settings, 10);
    MaintenanceSpans none = MaintenanceSpans.of(List.of());
    kept.evaluate(START, none, (key, pair) -> false);
    store.rangesReadSinceAsked();

    Instant next = START.plus(Duration.ofMinutes(1));
    write(CHECKOUT, START, "web-1", 1_000, 0, 100_000); // the minute that closed meanwhile
    kept.evaluate(next, none, (key, pair) -> false);

    // 12:32: the windows start at 12:27, 12:02 (in the current hour: read), 11:32, 10:32, 06:32,
    // yesterday's and three days ago's 12:32, and at midnight 30 and 7 days ago (kept whole). The
    // five starts inside an hour before the current one add one minute each to what was kept.
    Instant currentHour = next.truncatedTo(ChronoUnit.HOURS);
    List<List<Instant>> read = store.rangesReadSinceAsked();
    assertThat(read).allSatisfy(range -> assertThat(
        range.get(1).isAfter(currentHour) || Duration.between(range.get(0), range.get(1)).equals(Duration.ofMinutes(1)))
        .as("%s is in the current hour or a minute long", range).isTrue());
    assertThat(read).filteredOn(range -> !range.get(1).isAfter(currentHour)).hasSize(5);

    // A late write at 10:45 changes hour 10: the pieces holding it are read again, and it counts.
    kept.evaluate(next.plus(Duration.ofMinutes(1)), none, (key, pair) -> false);
    Instant later = next.plus(Duration.ofMinutes(2));
    long before = twoHourWindow(fresh(later, none)).bad();
    write(CHECKOUT, Instant.parse("2026-03-31T10:45:00Z"), "web-2", 0, 77, 100_000);
    store.rangesReadSinceAsked();
    List<ObjectiveReading> readings = kept.evaluate(later, none, (key, pair) -> false);

    assertThat(twoHourWindow(readings).bad()).isEqualTo(before + 77);
    assertThat(readings).isEqualTo(fresh(later, none));
    assertThat(store.rangesReadSinceAsked()).anySatisfy(range -> assertThat(range).containsExactly(
        Instant.parse("2026-03-31T10:00:00Z"), Instant.parse("2026-03-31T11:00:00Z")));
  }

  @Test
  void aRouteDeletedAndRestoredBetweenTwoEvaluationsCountsNoneOfItsDeletedHistory() {
    // The cart's figures are all in closed hours not rolled up yet (the jdbi store moves day
    // versions only for days where the route has hour or day rows). Deleted and restored within a
    // minute, the visible routes read the same before and after, and no hour version moved.
    for (Instant minute = START.minus(Duration.ofHours(5)); minute.isBefore(START.truncatedTo(ChronoUnit.MINUTES));
        minute = minute.plus(Duration.ofMinutes(7))) {
      write(CART, minute, "web-1", 500, 50, 100_000);
      write(CHECKOUT, minute, "web-1", 500, 0, 100_000);
    }
    ObjectiveEvaluation kept = new ObjectiveEvaluation(store, settings, 10);
    MaintenanceSpans none = MaintenanceSpans.of(List.of());
    kept.evaluate(START, none, (key, pair) -> false);

    Instant next = START.plus(Duration.ofMinutes(1));
    assertThat(store.deleteRoute(CART)).isTrue();
    assertThat(store.restoreRoute(CART, START)).isTrue();
    List<ObjectiveReading> readings = kept.evaluate(next, none, (key, pair) -> false);

    // The shop objective covers the cart: with its history gone, its 2-hour window has no failures.
    assertThat(readings.get(1).pairs().get(2).shortBurn().counts().bad()).isZero();
    assertThat(readings).isEqualTo(fresh(next, none));
  }

  @Test
  void aKeptPieceIsNotExtendedAcrossADayWhoseMinutesAreGone() {
    // 2 days of minutes kept; a 3-day objective starts at midnight three days ago, inside the same
    // day as the 3-day burn window's start: the objective's first piece [that midnight, the next)
    // and the burn window's minutes [that midnight, its start) share their start.
    Retention twoDays = new Retention(Duration.ofDays(2), Duration.ofDays(400));
    ObjectiveSettings threeDays = new ObjectiveSettings(
        List.of(new Objective("checkout", new ObjectiveScope(ScopeKind.ROUTE, CHECKOUT.service(), CHECKOUT.rule()),
            new BigDecimal("99.9"), null, Duration.ofDays(3))),
        BurnPair.defaults(), new BigDecimal("0.5"), Duration.ofHours(1));
    Instant midnight = Instant.parse("2026-03-31T00:00:00Z");
    for (Instant minute = midnight.minus(Duration.ofDays(5)); minute.isBefore(midnight); minute = minute.plus(Duration.ofMinutes(30))) {
      write(CHECKOUT, minute, "web-1", 100, 1, 100_000);
    }
    store.maintain(midnight, twoDays);
    ObjectiveEvaluation kept = new ObjectiveEvaluation(store, threeDays, 10);
    MaintenanceSpans none = MaintenanceSpans.of(List.of());
    kept.evaluate(midnight.plusSeconds(80), none, (key, pair) -> false);

    // A late write into that day, whose minutes are gone: the objective's first piece is read
    // again; the kept minutes before the burn window's start, still valid, must not stand for it.
    write(CHECKOUT, Instant.parse("2026-03-28T05:00:00Z"), "web-2", 0, 80, 100_000);
    Instant later = midnight.plusSeconds(140);
    List<ObjectiveReading> readings = kept.evaluate(later, none, (key, pair) -> false);

    assertThat(readings).isEqualTo(new ObjectiveEvaluation(store, threeDays, 10).evaluate(later, none, (key, pair) -> false));
    assertThat(readings.get(0).budget().counts().bad()).isGreaterThanOrEqualTo(80);
  }

  /** The checkout objective's 2-hour window (the 3x pair's short window), as counted. */
  private static Counts twoHourWindow(List<ObjectiveReading> readings) {
    return readings.get(0).pairs().get(2).shortBurn().counts();
  }
}
