package dev.trafficstatus.testkit;

import static dev.trafficstatus.testkit.StoreTestData.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficstatus.spi.store.DayVersions;
import dev.trafficstatus.spi.store.Retention;
import dev.trafficstatus.spi.store.StatusStore;
import dev.trafficstatus.spi.store.Tally;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The store contract on {@link StatusStore#dayVersions}: a store that keeps day versions moves a
 * day's version (or leaves the day out) whenever its figures change, whatever changed them: a late
 * write, the rollup of that write, a deleted route, days past retention. A store that keeps none
 * says so every time. Part of {@link StatusStoreContract}, which runs it.
 */
public interface DayVersionsContract extends StoreUnderTest {

  /** The versions of {@link StoreTestData#DAY0} and the day after, or none when the store keeps none. */
  private static Optional<DayVersions> versions(StatusStore store) {
    return store.dayVersions(DAY0, DAY0.plusDays(1));
  }

  /**
   * A store that keeps no versions says so every time; one that does keeps them every time.
   *
   * @param store the store
   * @param earlier an earlier answer of the store
   * @return the versions now, or null when the store keeps none
   */
  private static DayVersions versionsLike(StatusStore store, Optional<DayVersions> earlier) {
    Optional<DayVersions> now = versions(store);
    assertThat(now.isPresent()).as("day versions are kept always or never").isEqualTo(earlier.isPresent());
    return now.orElse(null);
  }

  @Test
  default void aLateWriteToARolledUpDayMovesItsVersionAndSoDoesItsRollup() throws Exception {
    StatusStore store = store();
    store.declareRoutes(List.of(route(HOME, "Home")));
    Tally onTime = Tallies.of(50, 2, 1, 400);
    store.writeMinutes(List.of(bucket(HOME, minute(0, 12, 0), "i-1", onTime)));
    Instant nextMorning = minute(1, 1, 0);
    store.maintain(nextMorning, Retention.defaults());
    Optional<DayVersions> rolledUp = versions(store);
    if (rolledUp.isEmpty()) {
      assertThat(versionsLike(store, rolledUp)).isNull();
      return;
    }
    Map<LocalDate, Tally> read = Map.of(DAY0, onTime);
    assertThat(byRouteAndDay(store.readDays(DAY0, DAY0))).isEqualTo(Map.of(HOME, read));

    Tally late = Tallies.of(7, 3, 0, 900);
    store.writeMinutes(List.of(bucket(HOME, minute(0, 23, 59), "i-2", late)));
    DayVersions afterWrite = versionsLike(store, rolledUp);
    store.maintain(nextMorning.plusSeconds(600), Retention.defaults());
    DayVersions afterRollup = versionsLike(store, rolledUp);

    assertThat(afterWrite.unchangedSince(rolledUp.get(), DAY0)).as("after the late write").isFalse();
    assertThat(afterRollup.unchangedSince(rolledUp.get(), DAY0)).as("after its rollup").isFalse();
    assertThat(byRouteAndDay(store.readDays(DAY0, DAY0)))
        .isEqualTo(Map.of(HOME, Map.of(DAY0, onTime.plus(late))));
  }

  @Test
  default void aDayWithoutFiguresThatGetsSomeMovesItsVersion() throws Exception {
    StatusStore store = store();
    store.declareRoutes(List.of(route(HOME, "Home")));
    Optional<DayVersions> empty = versions(store);
    if (empty.isEmpty()) {
      assertThat(versionsLike(store, empty)).isNull();
      return;
    }

    store.writeMinutes(List.of(bucket(HOME, minute(0, 12, 0), "i-1", Tallies.of(5, 0, 0, 10))));
    DayVersions written = versionsLike(store, empty);
    store.maintain(minute(1, 1, 0), Retention.defaults());
    DayVersions rolledUp = versionsLike(store, empty);

    assertThat(written.unchangedSince(empty.get(), DAY0)).isFalse();
    assertThat(rolledUp.unchangedSince(empty.get(), DAY0)).isFalse();
  }

  @Test
  default void deletingARouteMovesTheVersionsOfTheDaysItHadFiguresOn() throws Exception {
    StatusStore store = store();
    store.declareRoutes(List.of(route(HOME, "Home"), route(ITEM, "Item")));
    store.writeMinutes(
        List.of(
            bucket(HOME, minute(0, 12, 0), "i-1", Tallies.of(5, 0, 0, 10)),
            bucket(ITEM, minute(0, 12, 0), "i-1", Tallies.of(6, 0, 0, 10))));
    store.maintain(minute(2, 1, 0), Retention.defaults());
    Optional<DayVersions> before = versions(store);
    if (before.isEmpty()) {
      assertThat(versionsLike(store, before)).isNull();
      return;
    }

    store.deleteRoute(ITEM);
    DayVersions deleted = versionsLike(store, before);
    store.restoreRoute(ITEM, minute(2, 2, 0));
    DayVersions restored = versionsLike(store, before);

    assertThat(deleted.unchangedSince(before.get(), DAY0)).isFalse();
    assertThat(restored.unchangedSince(before.get(), DAY0)).isFalse();
    assertThat(byRouteAndDay(store.readDays(DAY0, DAY0)))
        .isEqualTo(Map.of(HOME, Map.of(DAY0, Tallies.of(5, 0, 0, 10))));
  }

  @Test
  default void aDayPastRetentionMovesItsVersion() throws Exception {
    StatusStore store = store();
    store.declareRoutes(List.of(route(HOME, "Home")));
    store.writeMinutes(List.of(bucket(HOME, minute(0, 12, 0), "i-1", Tallies.of(5, 0, 0, 10))));
    store.maintain(minute(2, 1, 0), Retention.defaults());
    Optional<DayVersions> kept = versions(store);
    if (kept.isEmpty()) {
      assertThat(versionsLike(store, kept)).isNull();
      return;
    }

    store.maintain(minute(0, 1, 0).plus(Duration.ofDays(402)), Retention.defaults());
    DayVersions expired = versionsLike(store, kept);

    assertThat(expired.unchangedSince(kept.get(), DAY0)).isFalse();
    assertThat(store.readDays(DAY0, DAY0)).isEmpty();
  }
}
