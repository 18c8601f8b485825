package dev.trafficstatus.testkit;

import static dev.trafficstatus.testkit.StoreTestData.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficstatus.spi.store.HourVersions;
import dev.trafficstatus.spi.store.Retention;
import dev.trafficstatus.spi.store.StatusStore;
import dev.trafficstatus.spi.store.Tally;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link StatusStore#hourVersions}, part of {@link TimeRangesContract}: a store
 * that keeps hour versions moves an hour's version (or leaves the hour out) whenever a range of
 * {@link StatusStore#readBetween} inside it or holding it could read differently: a write into it,
 * also a late one after its rollup, a write after a rollup that forgot the earlier writes (the
 * version must not come back to an earlier value), minutes past retention, a route's history
 * deleted. Hours nothing touched keep theirs. A store that keeps none says so every time.
 */
public interface HourVersionsContract extends StoreUnderTest {

  /** The hours of {@link StoreTestData#DAY0} and the day after. */
  private static Optional<HourVersions> versions(StatusStore store) {
    return store.hourVersions(minute(0, 0, 0), minute(2, 0, 0));
  }

  /**
   * A store that keeps no versions says so every time; one that does keeps them every time.
   *
   * @param store the store
   * @param earlier an earlier answer of the store
   * @return the versions now, or null when the store keeps none
   */
  private static HourVersions versionsLike(StatusStore store, Optional<HourVersions> earlier) {
    Optional<HourVersions> now = versions(store);
    assertThat(now.isPresent()).as("hour versions are kept always or never").isEqualTo(earlier.isPresent());
    return now.orElse(null);
  }

  @Test
  default void aWriteMovesTheVersionOfItsHourAndOfNoOtherHour() throws Exception {
    StatusStore store = store();
    store.declareRoutes(List.of(route(HOME, "Home")));
    store.writeMinutes(List.of(bucket(HOME, minute(0, 10, 5), "i-1", Tallies.of(5, 0, 0, 10))));
    Optional<HourVersions> before = versions(store);
    if (before.isEmpty()) {
      assertThat(versionsLike(store, before)).isNull();
      return;
    }
    assertThat(versionsLike(store, before).unchangedSince(before.get(), minute(0, 0, 0), minute(2, 0, 0)))
        .as("nothing happened").isTrue();

    store.writeMinutes(List.of(bucket(HOME, minute(0, 12, 59), "i-2", Tallies.of(1, 1, 0, 10))));
    HourVersions after = versionsLike(store, before);

    assertThat(after.unchangedSince(before.get(), minute(0, 12, 0))).as("the hour written to").isFalse();
    assertThat(after.unchangedSince(before.get(), minute(0, 10, 0))).as("an hour written to before").isTrue();
    assertThat(after.unchangedSince(before.get(), minute(0, 13, 0))).as("the next hour").isTrue();
  }

  @Test
  default void aWriteAfterARollupNeverBringsBackAnEarlierVersion() throws Exception {
    StatusStore store = store();
    store.declareRoutes(List.of(route(HOME, "Home")));
    Tally first = Tallies.of(50, 2, 1, 400);
    store.writeMinutes(List.of(bucket(HOME, minute(0, 12, 0), "i-1", first)));
    Optional<HourVersions> written = versions(store);
    if (written.isEmpty()) {
      assertThat(versionsLike(store, written)).isNull();
      return;
    }
    Map<?, Tally> read = byRoute(store.readBetween(minute(0, 12, 0), minute(0, 12, 30)));

    // The rollup forgets the first write's bookkeeping; the same instance writes the hour again.
    store.maintain(minute(0, 14, 0), Retention.defaults());
    HourVersions rolledUp = versionsLike(store, written);
    Tally late = Tallies.of(7, 3, 0, 900);
    store.writeMinutes(List.of(bucket(HOME, minute(0, 12, 10), "i-1", late)));
    HourVersions again = versionsLike(store, written);

    assertThat(again.unchangedSince(written.get(), minute(0, 12, 0))).as("written again after the rollup").isFalse();
    assertThat(again.unchangedSince(rolledUp, minute(0, 12, 0))).as("written after the rollup").isFalse();
    assertThat(read).isEqualTo(Map.of(HOME, first));
    assertThat(byRoute(store.readBetween(minute(0, 12, 0), minute(0, 12, 30))))
        .isEqualTo(Map.of(HOME, first.plus(late)));
  }

  @Test
  default void minutesPastRetentionMoveTheVersionsOfTheirHours() throws Exception {
    StatusStore store = store();
    store.declareRoutes(List.of(route(HOME, "Home")));
    store.writeMinutes(List.of(bucket(HOME, minute(0, 12, 0), "i-1", Tallies.of(5, 0, 0, 10))));
    store.maintain(minute(2, 1, 0), Retention.defaults());
    Optional<HourVersions> rolledUp = versions(store);
    if (rolledUp.isEmpty()) {
      assertThat(versionsLike(store, rolledUp)).isNull();
      return;
    }
    assertThat(byRoute(store.readBetween(minute(0, 12, 0), minute(0, 13, 0))))
        .isEqualTo(Map.of(HOME, Tallies.of(5, 0, 0, 10)));

    // Two days of minutes kept, a week later: DAY0's minutes are gone, only its day rows are read.
    store.maintain(minute(0, 1, 0).plus(Duration.ofDays(7)), new Retention(Duration.ofDays(2), Duration.ofDays(400)));
    HourVersions pruned = versionsLike(store, rolledUp);

    assertThat(pruned.unchangedSince(rolledUp.get(), minute(0, 12, 0))).as("an hour whose minutes are gone").isFalse();
    assertThat(store.readBetween(minute(0, 12, 0), minute(0, 13, 0))).isEmpty();
  }

  @Test
  default void deletingARouteMovesTheVersionsOfTheHoursItHadFiguresIn() throws Exception {
    StatusStore store = store();
    store.declareRoutes(List.of(route(HOME, "Home"), route(ITEM, "Item")));
    // Figures only in minutes of hours never rolled up, on a day maintenance never saw.
    store.writeMinutes(List.of(
        bucket(HOME, minute(0, 12, 0), "i-1", Tallies.of(5, 0, 0, 10)),
        bucket(ITEM, minute(0, 12, 1), "i-1", Tallies.of(6, 0, 0, 10))));
    Optional<HourVersions> before = versions(store);
    if (before.isEmpty()) {
      assertThat(versionsLike(store, before)).isNull();
      return;
    }

    store.deleteRoute(ITEM);
    HourVersions deleted = versionsLike(store, before);
    store.restoreRoute(ITEM, minute(0, 12, 3));
    HourVersions restored = versionsLike(store, before);

    // A reader that kept the hour's sums sees the change even though the routes read the same.
    assertThat(deleted.unchangedSince(before.get(), minute(0, 12, 0))).as("the deleted route's hour").isFalse();
    assertThat(restored.unchangedSince(before.get(), minute(0, 12, 0))).as("after the restore").isFalse();
    assertThat(byRoute(store.readBetween(minute(0, 12, 0), minute(0, 13, 0))))
        .isEqualTo(Map.of(HOME, Tallies.of(5, 0, 0, 10)));
  }

  @Test
  default void everyHourARangeTouchesHasAVersionOrIsLeftOut() throws Exception {
    StatusStore store = store();
    store.declareRoutes(List.of(route(HOME, "Home")));
    Instant from = minute(0, 22, 30);
    Optional<HourVersions> versions = store.hourVersions(from, minute(1, 1, 1));
    if (versions.isEmpty()) {
      return;
    }

    assertThat(versions.get().versions().keySet())
        .allSatisfy(hour -> assertThat(hour).isBetween(minute(0, 22, 0), minute(1, 1, 0)))
        .contains(minute(0, 22, 0), minute(1, 1, 0));
  }
}
