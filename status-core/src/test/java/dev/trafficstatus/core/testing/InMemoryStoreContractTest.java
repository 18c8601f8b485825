package dev.trafficstatus.core.testing;

import dev.trafficstatus.spi.store.StatusStore;
import dev.trafficstatus.testkit.InstancesContract;
import dev.trafficstatus.testkit.NoticesContract;
import dev.trafficstatus.testkit.OutboxContract;
import dev.trafficstatus.testkit.SubscribersContract;
import dev.trafficstatus.testkit.StatusStoreContract;
import dev.trafficstatus.testkit.TimeRangesContract;

/**
 * The core's fake store keeps the store contract, so core tests that run against it see what a real
 * store would do. Its "database" is the object itself: a restart stops and starts it, a second
 * process shares it (the contract's default), and breaking it switches {@link InMemoryStore#down}
 * on. Day versions are on, so the contract checks them too.
 */
class InMemoryStoreContractTest extends StatusStoreContract
    implements NoticesContract,
        OutboxContract,
        TimeRangesContract,
        SubscribersContract,
        InstancesContract {

  @Override
  protected StatusStore newStore() {
    InMemoryStore store = new InMemoryStore();
    store.keepDayVersions(true);
    return store;
  }

  @Override
  protected StatusStore restart(StatusStore store) throws Exception {
    store.stop();
    store.start();
    return store;
  }

  @Override
  protected void breakDatabase(StatusStore store) {
    ((InMemoryStore) store).down(true);
  }
}
