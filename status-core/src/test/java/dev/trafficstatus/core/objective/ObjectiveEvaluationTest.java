package dev.trafficstatus.core.objective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import dev.trafficstatus.core.status.MaintenanceSpans;
import dev.trafficstatus.core.testing.InMemoryStore;
import dev.trafficstatus.spi.RouteDescriptor;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.notice.Notice;
import dev.trafficstatus.spi.notice.NoticeStatus;
import dev.trafficstatus.spi.store.DayBucket;
import dev.trafficstatus.spi.store.LatencyHistogram;
import dev.trafficstatus.spi.store.MinuteBucket;
import dev.trafficstatus.spi.store.Retention;
import dev.trafficstatus.spi.store.Tally;
import dev.trafficstatus.testkit.NoticeTestData;
import dev.trafficstatus.testkit.StoreTestData;
import dev.trafficstatus.testkit.Tallies;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Objectives evaluated from a store's figures: windows, scopes, maintenance, latency. */
class ObjectiveEvaluationTest {

  private static final RouteKey CHECKOUT = new RouteKey("shop", "/checkout");
  private static final RouteKey CART = new RouteKey("shop", "/cart");
  private static final RouteKey ITEM = StoreTestData.ITEM;
  /** 2026-03-31 12:00:20, a Tuesday noon: the 30-day window starts 2026-03-01 00:00. */
  private static final Instant NOW = Instant.parse("2026-03-31T12:00:20Z");

  private final InMemoryStore store = new InMemoryStore();

  ObjectiveEvaluationTest() {
    store.declareRoutes(List.of(
        new RouteDescriptor(CHECKOUT, "Checkout", "", "Shop"),
        new RouteDescriptor(CART, "Cart", "", "Shop"),
        new RouteDescriptor(ITEM, "Items", "", "Catalogue")));
  }

  private void write(RouteKey route, String minute, long success, long failure) {
    store.writeMinutes(List.of(new MinuteBucket(route, Instant.parse(minute), "web-1", Tallies.of(success, failure, 0, 1_000))));
  }

  private List<ObjectiveReading> evaluate(MaintenanceSpans spans, Objective... objectives) {
    return evaluate(BurnPair.defaults(), spans, objectives);
  }

  private List<ObjectiveReading> evaluate(List<BurnPair> pairs, MaintenanceSpans spans, Objective... objectives) {
    ObjectiveSettings settings = new ObjectiveSettings(
        List.of(objectives), pairs, new BigDecimal("0.5"), Duration.ofHours(1));
    return new ObjectiveEvaluation(store, settings, 10).evaluate(NOW, spans, (key, pair) -> false);
  }

  private static Objective availability(String name, ObjectiveScope scope, String target) {
    return new Objective(name, scope, new BigDecimal(target), null, Objective.DEFAULT_WINDOW);
  }

  private static ObjectiveScope route(RouteKey key) {
    return new ObjectiveScope(ScopeKind.ROUTE, key.service(), key.rule());
  }

  @Test
  void thirtyDayWindowIsTheLastThirtyWholeDaysAndTodaysClosedMinutes() {
    write(CHECKOUT, "2026-02-28T23:59:00Z", 0, 500); // the minute before the window: out
    write(CHECKOUT, "2026-03-01T00:00:00Z", 9_990, 10); // its first minute: in
    write(CHECKOUT, "2026-03-20T08:00:00Z", 10_000, 0);
    write(CHECKOUT, "2026-03-31T11:59:00Z", 0, 5); // the last closed minute: in
    write(CHECKOUT, "2026-03-31T12:00:00Z", 0, 700); // the open minute: out

    ObjectiveReading reading = evaluate(MaintenanceSpans.of(List.of()),
        availability("checkout", route(CHECKOUT), "99.9")).get(0);

    // 20,005 counted, 15 bad: budget 20.005, 4.995 left = 24.97 %.
    assertThat(reading.budget().counts()).isEqualTo(new Counts(19_990, 15));
    assertThat(reading.budget().allowed()).isCloseTo(20.005, within(1e-9));
    assertThat(reading.budget().remainingPercent()).hasValueSatisfying(
        v -> assertThat(v).isCloseTo(100.0 * 5.005 / 20.005, within(1e-9)));
    // The last hour holds the 5 bad of 11:59 only: fewer than 10 counted, no verdict.
    assertThat(reading.currentBurn().counts()).isEqualTo(new Counts(0, 5));
    assertThat(reading.pairs()).allSatisfy(pair -> assertThat(pair.state()).isEqualTo(AlertState.NO_DATA));
  }

  @Test
  void aRouteWithoutTrafficHasNoAttainmentAndNoVerdict() {
    write(CART, "2026-03-31T11:30:00Z", 1_000, 0);

    ObjectiveReading reading = evaluate(MaintenanceSpans.of(List.of()),
        availability("checkout", route(CHECKOUT), "99.9")).get(0);

    assertThat(reading.budget().attainmentPercent()).isEmpty();
    assertThat(reading.budget().remainingPercent()).isEmpty();
    assertThat(reading.exhaustion()).isEmpty();
    assertThat(reading.pairs()).extracting(PairReading::state).containsOnly(AlertState.NO_DATA);
  }

  @Test
  void aGroupObjectiveSumsItsRoutesAndTheFastPairFires() {
    // 55 minutes of 1,000 good, then 5 minutes of 100 bad in 1,000 on checkout and cart each:
    // hour: 1,000 bad of 120,000 = 0.833 % = 8.3x at 99.9 %; 5 min: 1,000 of 10,000 = 100x.
    for (int m = 0; m < 60; m++) {
      String minute = Instant.parse("2026-03-31T11:00:00Z").plus(Duration.ofMinutes(m)).toString();
      long bad = m >= 55 ? 100 : 0;
      write(CHECKOUT, minute, 1_000 - bad, bad);
      write(CART, minute, 1_000 - bad, bad);
    }
    write(ITEM, "2026-03-31T11:58:00Z", 0, 50_000); // another group: not counted

    ObjectiveReading reading = evaluate(MaintenanceSpans.of(List.of()),
        availability("shop", new ObjectiveScope(ScopeKind.GROUP, null, "Shop"), "99.9")).get(0);

    assertThat(reading.currentBurn().counts()).isEqualTo(new Counts(119_000, 1_000));
    assertThat(reading.currentBurn().value()).isCloseTo(1_000 / 120_000.0 / 0.001, within(1e-9));
    // 8.3x: neither the 14.4x pair (1 h) nor the 6x pair (6 h: the same 1,000 of 120,000) at 6x?
    // The 6 h window holds the same requests: 8.3x >= 6 and its 30 min: 1,000 of 60,000 = 16.7x.
    assertThat(reading.pairs()).extracting(PairReading::state).containsExactly(
        AlertState.CLEAR, AlertState.FIRING, AlertState.FIRING, AlertState.FIRING);
  }

  @Test
  void maintenanceIsLeftOutOfTheWindowAndTheBurnWindows() {
    // A maintenance of the items route from 10:00 to 11:00 today, during which it failed.
    Instant start = Instant.parse("2026-03-31T10:00:00Z");
    Instant end = Instant.parse("2026-03-31T11:00:00Z");
    Notice maintenance = NoticeTestData.closed(NoticeTestData.updated(
        NoticeTestData.maintenance(NoticeTestData.id("m", 1), start, end),
        NoticeStatus.IN_PROGRESS, start, "Started."), end);
    store.noticeStore().save(maintenance, List.of());
    for (int m = 0; m < 240; m++) {
      Instant minute = Instant.parse("2026-03-31T08:00:00Z").plus(Duration.ofMinutes(m));
      boolean inside = m >= 120 && m < 180;
      write(ITEM, minute.toString(), inside ? 0 : 1_000, inside ? 1_000 : 0);
    }
    // What the evaluator keeps with the maintenance (MaintenanceTallies): the hour's requests.
    store.noticeStore().recordWindowTallies(maintenance.id(), List.of(
        new DayBucket(ITEM, LocalDate.parse("2026-03-31"), Tallies.of(0, 60_000, 0, 1_000))));

    ObjectiveReading reading = evaluate(MaintenanceSpans.of(List.of(maintenance)),
        availability("items", route(ITEM), "99.9")).get(0);

    assertThat(reading.budget().counts()).isEqualTo(new Counts(180_000, 0));
    assertThat(reading.budget().remainingPercent()).hasValue(100.0);
    PairReading sixHours = reading.pairs().get(1);
    assertThat(sixHours.longBurn().counts()).isEqualTo(new Counts(180_000, 0));
    assertThat(sixHours.state()).isEqualTo(AlertState.CLEAR);
  }

  @Test
  void everyWindowCountsTheMinutesOnBothSidesOfTheOtherWindowsStartsOnce() {
    // The windows are read as pieces between their starts (11:55, 11:30, 11:00, 10:00, 06:00,
    // yesterday 12:00, 2026-03-28 12:00 and the objective's 2026-03-01 00:00): a minute on each
    // side of each start, and a maintenance of items from 10:50 to 11:10 across the 1-hour start.
    Instant start = Instant.parse("2026-03-31T10:50:00Z");
    Instant end = Instant.parse("2026-03-31T11:10:00Z");
    Notice maintenance = NoticeTestData.closed(NoticeTestData.updated(
        NoticeTestData.maintenance(NoticeTestData.id("m", 2), start, end),
        NoticeStatus.IN_PROGRESS, start, "Started."), end);
    store.noticeStore().save(maintenance, List.of());
    write(ITEM, "2026-03-01T00:00:00Z", 7, 0); // the objective window's first minute
    write(ITEM, "2026-03-28T11:59:00Z", 0, 1_000); // just before the 3-day window
    write(ITEM, "2026-03-28T12:00:00Z", 3_000, 3); // its first minute
    write(ITEM, "2026-03-29T00:00:00Z", 4_000, 0); // the midnight after it
    write(ITEM, "2026-03-30T12:00:00Z", 70, 7); // the 1-day window's first minute
    write(ITEM, "2026-03-31T06:00:00Z", 60, 6); // the 6-hour window's first minute
    write(ITEM, "2026-03-31T10:00:00Z", 50, 5); // the 2-hour window's first minute
    write(ITEM, "2026-03-31T10:55:00Z", 1_000, 0); // in the maintenance, before 11:00
    write(ITEM, "2026-03-31T11:05:00Z", 500, 500); // in the maintenance, after 11:00
    write(ITEM, "2026-03-31T11:30:00Z", 2_000, 20); // the 30-minute window's first minute
    write(ITEM, "2026-03-31T11:59:00Z", 100, 1); // the last closed minute, in every window
    write(ITEM, "2026-03-31T12:00:00Z", 0, 900); // the open minute: in none
    store.noticeStore().recordWindowTallies(maintenance.id(), List.of(
        new DayBucket(ITEM, LocalDate.parse("2026-03-31"), Tallies.of(1_500, 500, 0, 1_000))));

    ObjectiveReading reading = evaluate(MaintenanceSpans.of(List.of(maintenance)),
        availability("items", route(ITEM), "99.9")).get(0);

    // 30 days: every closed minute, 10,787 good and 1,542 bad, less the maintenance's 1,500 and 500.
    assertThat(reading.budget().counts()).isEqualTo(new Counts(9_287, 1_042));
    // 1 hour: 11:05 (taken out: the maintenance's part after 11:00), 11:30 and 11:59.
    assertThat(reading.currentBurn().counts()).isEqualTo(new Counts(2_100, 21));
    assertThat(reading.pairs()).extracting(pair -> pair.longBurn().counts(), pair -> pair.shortBurn().counts())
        .containsExactly(
            // 1 h and 5 min: 11:59 alone.
            tuple(new Counts(2_100, 21), new Counts(100, 1)),
            // 6 h: 06:00 and 10:00 too, the whole maintenance out; 30 min: 11:30 and 11:59.
            tuple(new Counts(2_210, 32), new Counts(2_100, 21)),
            // 1 day: yesterday's 12:00 too; 2 h: from 10:00.
            tuple(new Counts(2_280, 39), new Counts(2_150, 26)),
            // 3 days: 2026-03-28 12:00 and the midnight after, not 11:59; 6 h as above.
            tuple(new Counts(9_280, 42), new Counts(2_210, 32)));
  }

  @Test
  void aWindowStartingEarlyInAnHourLeavesOutTheMinutesBeforeItsStart() {
    // A 2 h 50 min window starts at 09:10: read as everything from 09:00 less 09:00 to 09:10. A
    // maintenance of items from 09:30 to 10:30 is taken out (read as 09:30 to 10:00 plus 10:00 on).
    Instant start = Instant.parse("2026-03-31T09:30:00Z");
    Instant end = Instant.parse("2026-03-31T10:30:00Z");
    Notice maintenance = NoticeTestData.closed(NoticeTestData.updated(
        NoticeTestData.maintenance(NoticeTestData.id("m", 3), start, end),
        NoticeStatus.IN_PROGRESS, start, "Started."), end);
    store.noticeStore().save(maintenance, List.of());
    write(ITEM, "2026-03-31T09:00:00Z", 100, 10); // before the window
    write(ITEM, "2026-03-31T09:09:00Z", 200, 20); // its last minute before the window
    write(ITEM, "2026-03-31T09:10:00Z", 300, 30); // the window's first minute
    write(ITEM, "2026-03-31T09:30:00Z", 350, 35); // the maintenance's first minute
    write(ITEM, "2026-03-31T10:29:00Z", 400, 40); // its last minute
    write(ITEM, "2026-03-31T10:30:00Z", 500, 50); // the minute after it
    write(ITEM, "2026-03-31T11:59:00Z", 600, 60);
    List<BurnPair> pairs = List.of(
        new BurnPair(BigDecimal.ONE, Duration.ofMinutes(170), Duration.ofMinutes(10), AlertAction.NOTIFY));

    PairReading pair = evaluate(pairs, MaintenanceSpans.of(List.of(maintenance)),
        availability("items", route(ITEM), "99.9")).get(0).pairs().get(0);

    // 09:10, 10:30 and 11:59.
    assertThat(pair.longBurn().counts()).isEqualTo(new Counts(1_400, 140));
    assertThat(pair.shortBurn().counts()).isEqualTo(new Counts(600, 60));
  }

  @Test
  void aBurnWindowStartingInsideADayPastMinuteRetentionLeavesThatDayWholeInTheObjectiveWindow() {
    // 2026-03-28 is past a 2-day minute retention: only its day total is left. The 3-day window
    // starts inside it, at 12:00, so it cannot count any of it; the 30-day window holds the whole day.
    write(ITEM, "2026-03-28T06:00:00Z", 0, 1_000);
    write(ITEM, "2026-03-28T13:00:00Z", 2_000, 0);
    write(ITEM, "2026-03-29T06:00:00Z", 3_000, 0);
    write(ITEM, "2026-03-31T11:00:00Z", 400, 0);
    store.maintain(NOW, new Retention(Duration.ofDays(2), Duration.ofDays(400)));

    ObjectiveReading reading = evaluate(MaintenanceSpans.of(List.of()),
        availability("items", route(ITEM), "99.9")).get(0);

    assertThat(reading.budget().counts()).isEqualTo(new Counts(5_400, 1_000));
    assertThat(reading.pairs().get(3).longBurn().counts()).isEqualTo(new Counts(3_400, 0));
  }

  @Test
  void latencyAttainmentIsWithinTheHistogramsErrorOnALogNormalDistribution() {
    // Seeded log-normal latencies, median 120 ms, sigma 0.8: a long tail past the 300 ms target.
    Random random = new Random(20);
    long[] micros = new long[200_000];
    LatencyHistogram.Builder histogram = LatencyHistogram.builder();
    for (int i = 0; i < micros.length; i++) {
      micros[i] = Math.round(Math.exp(Math.log(120_000) + 0.8 * random.nextGaussian()));
      histogram.record(Duration.ofNanos(micros[i] * 1_000), 1);
    }
    store.writeMinutes(List.of(new MinuteBucket(CHECKOUT, Instant.parse("2026-03-31T11:00:00Z"), "web-1",
        new Tally(micros.length, micros.length, 0, 0, Duration.ofSeconds(60), histogram.build()))));
    Duration threshold = Duration.ofMillis(300);
    Objective objective = new Objective("checkout", route(CHECKOUT), new BigDecimal("99.9"),
        new LatencyTarget(threshold, new BigDecimal("99")), Objective.DEFAULT_WINDOW);

    ObjectiveReading latency = evaluate(MaintenanceSpans.of(List.of()), objective).get(1);

    long truth = Arrays.stream(micros).filter(m -> m <= 300_000).count();
    // The stated error: the share of latencies within 12.5 % of the threshold.
    long near = Arrays.stream(micros).filter(m -> m >= 300_000 / 1.125 && m <= 300_000 * 1.125).count();
    assertThat(latency.indicator()).isEqualTo(Indicator.LATENCY);
    assertThat(latency.budget().attainmentPercent()).hasValueSatisfying(v -> assertThat(v)
        .isCloseTo(100.0 * truth / micros.length, within(100.0 * near / micros.length)));
    // Not trivially exact: some latencies do sit near the threshold.
    assertThat(near).isPositive();
    assertThat(latency.budget().attainmentPercent().get()).isBetween(85.0, 95.0);
  }
}
