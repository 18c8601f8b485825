package dev.trafficstatus.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficstatus.spi.store.StatusStore;
import dev.trafficstatus.spi.store.StoreException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link StatusStore}: what the core relies on, as a JUnit 5 test class that every
 * store plugin runs against itself. It checks only what the SPI promises, through the SPI: routes,
 * edits, deletes and restores, replace semantics of minute buckets, exact sums over instances,
 * {@link StatusStore#readSince} and {@link StatusStore#readDays}, maintenance (rollups and
 * retention, as reads show them), day versions, the restricted flag, and {@link StoreException}
 * on failure.
 *
 * <p>To run it, subclass it in the plugin's tests and say how to get a store:
 *
 * <pre>{@code
 * class MyStoreTest extends StatusStoreContract {
 *   @Override protected StatusStore newStore() throws Exception { ... a started store, empty database }
 *   @Override protected StatusStore restart(StatusStore store) throws Exception { ... }
 *   @Override protected void breakDatabase(StatusStore store) throws Exception { ... }
 *   // and, when several processes may share the database:
 *   @Override protected StatusStore secondProcess(StatusStore first) throws Exception { ... }
 * }
 * }</pre>
 *
 * <p>The tests are in {@link RoutesContract}, {@link MinuteBucketsContract}, {@link
 * MaintenanceContract}, {@link ExclusiveDutiesContract} and {@link DayVersionsContract}, by concern;
 * this class runs them all.
 * What a store may offer or not has a contract the subclass implements when its store offers it:
 * {@link NoticesContract} ({@link StatusStore#notices()}), {@link OutboxContract} ({@link
 * StatusStore#outbox()}), {@link InstancesContract} ({@link StatusStore#instances()}) and {@link
 * TimeRangesContract} ({@link StatusStore#readBetween}); a store
 * that offers one without running its contract fails {@link
 * #everyCapabilityTheStoreOffersRunsItsContract()}. Every store the contract gets from
 * these methods is stopped after each test. The subclass may add tests of its own, such as what its
 * tables hold, with the data of {@link StoreTestData}. Data is written at fixed instants from
 * {@link StoreTestData#T0} on, and {@code now} is passed to the store explicitly, so no test
 * depends on the wall clock.
 */
public abstract class StatusStoreContract
    implements RoutesContract,
        MinuteBucketsContract,
        MaintenanceContract,
        ExclusiveDutiesContract,
        DayVersionsContract {

  private final List<StatusStore> opened = new ArrayList<>();

  /**
   * A started store on an empty database of its own, created for the current test.
   *
   * @return the store, started
   * @throws Exception when it cannot be built or started
   */
  protected abstract StatusStore newStore() throws Exception;

  /**
   * The store as it runs again after a restart of its process: {@code store} is stopped, and a
   * store on the same database is returned, started (the same object, started again, where that is
   * how the store restarts).
   *
   * @param store a started store from {@link #newStore()}
   * @return the restarted store
   * @throws Exception when it cannot be restarted
   */
  protected abstract StatusStore restart(StatusStore store) throws Exception;

  /**
   * Makes the store's database refuse the store's statements from now on, as a database that lost
   * the store's tables or its connection would (drop the tables, stop the server, or switch a
   * fake's failure on). The contract then expects a {@link StoreException} from every method but
   * {@link StatusStore#ping()}, which may still find the database answering.
   *
   * @param store the started store whose database to break
   * @throws Exception when the database cannot be broken
   */
  protected abstract void breakDatabase(StatusStore store) throws Exception;

  /**
   * A second process on the database of {@code first}: a store with its own connections, started,
   * as another instance of the service would run it. The default returns {@code first} itself, for
   * stores whose database one process alone may use; the tests about processes sharing a database
   * then run both "processes" through that one store. Override it when the store supports several
   * processes.
   *
   * @param first a started store from {@link #newStore()}
   * @return the second process's store, started
   * @throws Exception when it cannot be built or started
   */
  protected StatusStore secondProcess(StatusStore first) throws Exception {
    return first;
  }

  /**
   * A started store on a fresh database; stopped after the test.
   *
   * @return the store
   * @throws Exception when it cannot be started
   */
  @Override
  public final StatusStore store() throws Exception {
    return track(newStore());
  }

  /**
   * {@link #restart(StatusStore)}, and the restarted store is stopped after the test.
   *
   * @param store the store to restart
   * @return the restarted store
   * @throws Exception when it cannot be restarted
   */
  @Override
  public final StatusStore restarted(StatusStore store) throws Exception {
    return track(restart(store));
  }

  /**
   * {@link #secondProcess(StatusStore)}, and that store is stopped after the test.
   *
   * @param first the first process's store
   * @return the second process's store
   * @throws Exception when it cannot be started
   */
  @Override
  public final StatusStore another(StatusStore first) throws Exception {
    return track(secondProcess(first));
  }

  /**
   * {@link #breakDatabase(StatusStore)}.
   *
   * @param store the started store whose database to break
   * @throws Exception when the database cannot be broken
   */
  @Override
  public final void broken(StatusStore store) throws Exception {
    breakDatabase(store);
  }

  private StatusStore track(StatusStore store) {
    if (opened.stream().noneMatch(known -> known == store)) {
      opened.add(store);
    }
    return store;
  }

  @Test
  void everyCapabilityTheStoreOffersRunsItsContract() throws Exception {
    StatusStore store = store();
    if (store.notices().isPresent()) {
      assertThat(this).as("the store offers notices").isInstanceOf(NoticesContract.class);
    }
    if (store.outbox().isPresent()) {
      assertThat(this).as("the store offers an outbox").isInstanceOf(OutboxContract.class);
    }
    if (store.instances().isPresent()) {
      assertThat(this).as("the store offers instances").isInstanceOf(InstancesContract.class);
    }
    if (store.subscribers().isPresent()) {
      assertThat(this).as("the store keeps subscribers").isInstanceOf(SubscribersContract.class);
    }
    boolean ranges;
    try {
      store.readBetween(StoreTestData.T0, StoreTestData.T0.plusSeconds(60));
      ranges = true;
    } catch (UnsupportedOperationException off) {
      ranges = false;
    }
    if (ranges) {
      assertThat(this).as("the store offers readBetween").isInstanceOf(TimeRangesContract.class);
    }
  }

  @AfterEach
  void stopStores() throws Exception {
    Exception failure = null;
    for (StatusStore store : opened) {
      try {
        store.stop();
      } catch (Exception e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    opened.clear();
    if (failure != null) {
      throw failure;
    }
  }
}
