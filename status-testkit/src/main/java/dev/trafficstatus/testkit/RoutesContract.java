package dev.trafficstatus.testkit;

import static dev.trafficstatus.testkit.StoreTestData.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficstatus.spi.RouteDescriptor;
import dev.trafficstatus.spi.store.Retention;
import dev.trafficstatus.spi.store.RouteEdit;
import dev.trafficstatus.spi.store.RouteTally;
import dev.trafficstatus.spi.store.StatusStore;
import dev.trafficstatus.spi.store.StoredRoute;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The store contract on routes: declaring, listing, editing, deleting and restoring them, and the
 * restricted flag. Part of {@link StatusStoreContract}, which runs it.
 */
public interface RoutesContract extends StoreUnderTest {

  @Test
  default void declaredRoutesAreListedInKeyOrderWithTheirDescriptors() throws Exception {
    StatusStore store = store();
    store.declareRoutes(List.of(route(ITEM, "Item"), route(API, "Orders"), route(HOME, "Home")));

    assertThat(store.routes())
        .containsExactly(
            new StoredRoute(API, "Orders", "doc of Orders", "Group of api", false, false),
            new StoredRoute(HOME, "Home", "doc of Home", "Group of shop", false, false),
            new StoredRoute(ITEM, "Item", "doc of Item", "Group of shop", false, false));
  }

  @Test
  default void redeclarationTakesTheNewGroupNameAndDocOfRoutesNobodyEdited() throws Exception {
    StatusStore store = store();
    store.declareRoutes(List.of(route(HOME, "Home")));
    store.declareRoutes(List.of(new RouteDescriptor(HOME, "Start", "", "Pages")));
    store.declareRoutes(List.of(new RouteDescriptor(HOME, "Start", "", "Pages")));

    assertThat(store.routes()).containsExactly(new StoredRoute(HOME, "Start", "", "Pages", false, false));
  }

  @Test
  default void editsAndDeletesSurviveRedeclarationAndRestart() throws Exception {
    StatusStore store = store();
    store.declareRoutes(List.of(route(HOME, "Home"), route(ITEM, "Item")));

    assertThat(store.editRoute(HOME, new RouteEdit("Front page", null)))
        .contains(new StoredRoute(HOME, "Front page", "doc of Home", "Group of shop", false, true));
    assertThat(store.deleteRoute(ITEM)).isTrue();

    List<RouteDescriptor> rediscovered =
        List.of(
            new RouteDescriptor(HOME, "home()", "", "HomeResource"),
            new RouteDescriptor(ITEM, "item()", "", "ItemResource"));
    store.declareRoutes(rediscovered);
    List<StoredRoute> expected =
        List.of(
            new StoredRoute(HOME, "Front page", "doc of Home", "HomeResource", false, true),
            new StoredRoute(ITEM, "Item", "doc of Item", "Group of shop", true, false));
    assertThat(store.routes()).isEqualTo(expected);

    StatusStore again = restarted(store);
    again.declareRoutes(rediscovered);
    assertThat(again.routes()).isEqualTo(expected);
    assertThat(again.editRoute(ITEM, new RouteEdit("Back", null))).isEmpty();
  }

  @Test
  default void editingNothingOrAnUnknownOrDeletedRouteChangesNothing() throws Exception {
    StatusStore store = store();
    store.declareRoutes(List.of(route(HOME, "Home"), route(ITEM, "Item")));
    store.deleteRoute(ITEM);

    assertThat(store.editRoute(API, new RouteEdit("Orders", "x"))).isEmpty();
    assertThat(store.editRoute(ITEM, new RouteEdit("Item again", null))).isEmpty();
    assertThat(store.editRoute(HOME, new RouteEdit(null, null)))
        .contains(new StoredRoute(HOME, "Home", "doc of Home", "Group of shop", false, false));
    assertThat(store.editRoute(HOME, new RouteEdit(null, "The shop's front page")))
        .contains(new StoredRoute(HOME, "Home", "The shop's front page", "Group of shop", false, true));
    assertThat(store.deleteRoute(API)).isFalse();
    assertThat(store.deleteRoute(ITEM)).isFalse();
    assertThat(store.routes())
        .containsExactly(
            new StoredRoute(HOME, "Home", "The shop's front page", "Group of shop", false, true),
            new StoredRoute(ITEM, "Item", "doc of Item", "Group of shop", true, false));
  }

  @Test
  default void theLongestEditTheApiAcceptsFitsAndComesBackUnchanged() throws Exception {
    StatusStore store = store();
    store.declareRoutes(List.of(route(HOME, "Home")));
    // Characters outside the BMP take two UTF-16 units: the widest text within the limits.
    String name = "😀".repeat(RouteEdit.MAX_NAME_LENGTH);
    String doc = "𝕕\n".repeat(RouteEdit.MAX_DOC_LENGTH / 2);

    store.editRoute(HOME, new RouteEdit(name, doc));

    assertThat(another(store).routes())
        .containsExactly(new StoredRoute(HOME, name, doc, "Group of shop", false, true));
  }

  @Test
  default void restrictedRoutesAreStoredAsDeclaredAndEveryDeclarationSetsTheFlag() throws Exception {
    StatusStore store = store();
    store.declareRoutes(
        List.of(
            new RouteDescriptor(HOME, "Home", "", "Pages", false),
            new RouteDescriptor(ITEM, "Item", "", "Pages", true)));
    assertThat(store.routes())
        .containsExactly(
            new StoredRoute(HOME, "Home", "", "Pages", false, false, false),
            new StoredRoute(ITEM, "Item", "", "Pages", false, false, true));

    // The host protects HOME from now on, and no longer ITEM, whose name was edited meanwhile.
    assertThat(store.editRoute(ITEM, new RouteEdit("Product", null)))
        .contains(new StoredRoute(ITEM, "Product", "", "Pages", false, true, true));
    store.declareRoutes(
        List.of(
            new RouteDescriptor(HOME, "Home", "", "Pages", true),
            new RouteDescriptor(ITEM, "item()", "", "Pages", false)));

    List<StoredRoute> expected =
        List.of(
            new StoredRoute(HOME, "Home", "", "Pages", false, false, true),
            new StoredRoute(ITEM, "Product", "", "Pages", false, true, false));
    assertThat(store.routes()).isEqualTo(expected);
    assertThat(restarted(store).routes()).isEqualTo(expected);
  }

  @Test
  default void aDeletedRouteIsRestoredAsProtectedAsItsHostLastDeclaredIt() throws Exception {
    StatusStore store = store();
    store.declareRoutes(List.of(new RouteDescriptor(HOME, "Home", "", "Pages", false)));
    store.deleteRoute(HOME);

    store.declareRoutes(List.of(new RouteDescriptor(HOME, "home()", "", "HomeResource", true)));
    assertThat(store.routes())
        .as("deleted: still hidden, its name and group kept")
        .containsExactly(new StoredRoute(HOME, "Home", "", "Pages", true, false, true));

    assertThat(store.restoreRoute(HOME, minute(0, 12, 0))).isTrue();
    assertThat(store.routes()).containsExactly(new StoredRoute(HOME, "Home", "", "Pages", false, false, true));
  }


  @Test
  default void deletingARouteRemovesItsHistoryAndHidesItForGood() throws Exception {
    StatusStore store = store();
    store.declareRoutes(List.of(route(HOME, "Home"), route(ITEM, "Item")));
    store.writeMinutes(
        List.of(
            bucket(HOME, minute(0, 12, 0), "i-1", Tallies.of(5, 0, 0, 10)),
            bucket(ITEM, minute(0, 12, 0), "i-1", Tallies.of(6, 0, 0, 10)),
            bucket(ITEM, minute(1, 12, 0), "i-1", Tallies.of(7, 0, 0, 10))));
    store.maintain(minute(1, 13, 0), Retention.defaults());

    assertThat(store.deleteRoute(ITEM)).isTrue();
    store.declareRoutes(List.of(route(ITEM, "Item")));
    store.writeMinutes(List.of(bucket(ITEM, minute(1, 13, 0), "i-1", Tallies.of(1, 0, 0, 10))));

    assertThat(byRouteAndDay(store.readDays(DAY0, DAY0.plusDays(1))))
        .isEqualTo(Map.of(HOME, Map.of(DAY0, Tallies.of(5, 0, 0, 10))));
    assertThat(store.readSince(T0)).extracting(RouteTally::route).containsExactly(HOME);
    assertThat(store.routes()).filteredOn(StoredRoute::hidden).extracting(StoredRoute::key).containsExactly(ITEM);
    assertThat(store.deleteRoute(ITEM)).isFalse();
  }

  @Test
  default void restoringADeletedRouteShowsItAgainWithoutItsHistoryCountingFromTheNextMinute()
      throws Exception {
    StatusStore store = store();
    store.declareRoutes(List.of(route(HOME, "Home"), route(ITEM, "Item")));
    store.editRoute(ITEM, new RouteEdit("Product", null));
    store.writeMinutes(List.of(bucket(ITEM, minute(0, 12, 0), "i-1", Tallies.of(6, 0, 0, 10))));
    store.deleteRoute(ITEM);

    Instant restoredAt = minute(0, 13, 0).plusSeconds(20);
    assertThat(store.restoreRoute(ITEM, restoredAt)).isTrue();
    assertThat(store.restoreRoute(ITEM, restoredAt)).as("no longer deleted").isFalse();
    assertThat(store.restoreRoute(HOME, restoredAt)).as("never deleted").isFalse();
    assertThat(store.restoreRoute(API, restoredAt)).as("unknown").isFalse();
    assertThat(store.routes())
        .contains(new StoredRoute(ITEM, "Product", "doc of Item", "Group of shop", false, true));
    assertThat(store.readDays(DAY0, DAY0)).isEmpty();

    store.writeMinutes(
        List.of(
            // What a process held in memory from before the delete: the minute of the restore and
            // a bucket from its retry buffer. Neither may bring the deleted history back.
            bucket(ITEM, minute(0, 13, 0), "i-1", Tallies.of(9, 0, 0, 10)),
            bucket(ITEM, minute(0, 12, 0), "i-2", Tallies.of(4, 0, 0, 10)),
            bucket(ITEM, minute(0, 13, 1), "i-1", Tallies.of(2, 1, 0, 10))));
    assertThat(byRouteAndDay(store.readDays(DAY0, DAY0)))
        .isEqualTo(Map.of(ITEM, Map.of(DAY0, Tallies.of(2, 1, 0, 10))));

    StatusStore again = restarted(store);
    again.declareRoutes(List.of(new RouteDescriptor(ITEM, "item()", "", "ItemResource")));
    assertThat(again.routes())
        .contains(new StoredRoute(ITEM, "Product", "doc of Item", "ItemResource", false, true));
  }

  @Test
  default void restoringARouteWhoseHoursAndDaysWereRolledUpBringsNoHistoryBack() throws Exception {
    StatusStore store = store();
    store.declareRoutes(List.of(route(ITEM, "Item")));
    store.writeMinutes(
        List.of(
            bucket(ITEM, minute(0, 12, 0), "i-1", Tallies.of(6, 0, 0, 10)),
            bucket(ITEM, minute(1, 8, 0), "i-1", Tallies.of(3, 0, 0, 10))));
    // Yesterday is rolled up, and so are today's closed hours.
    store.maintain(minute(1, 10, 0), Retention.defaults());
    store.deleteRoute(ITEM);

    assertThat(store.restoreRoute(ITEM, minute(1, 10, 5))).isTrue();

    assertThat(store.readDays(DAY0, DAY0.plusDays(1))).isEmpty();
    assertThat(store.readSince(T0)).isEmpty();
    store.maintain(minute(1, 10, 10), Retention.defaults());
    assertThat(store.readDays(DAY0, DAY0.plusDays(1))).isEmpty();
  }
}
