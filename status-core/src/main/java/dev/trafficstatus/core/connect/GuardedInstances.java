package dev.trafficstatus.core.connect;

import dev.trafficstatus.spi.store.Deploy;
import dev.trafficstatus.spi.store.InstanceStore;
import dev.trafficstatus.spi.store.StoredInstance;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The started store's instances, failing as an outage would until the store has started ({@link
 * ConnectingStore#instances()}).
 */
final class GuardedInstances implements InstanceStore {
  private final InstanceStore instances;
  private final Runnable requireConnected;

  /**
   * Guards a store part.
   *
   * @param instances the started store's
   * @param requireConnected throws a {@link dev.trafficstatus.spi.store.StoreException} while the
   *     store has not started
   */
  GuardedInstances(InstanceStore instances, Runnable requireConnected) {
    this.instances = Objects.requireNonNull(instances, "instances");
    this.requireConnected = Objects.requireNonNull(requireConnected, "requireConnected");
  }

  @Override
  public void report(StoredInstance instance) {
    requireConnected.run();
    instances.report(instance);
  }

  @Override
  public List<StoredInstance> instances(Instant since, int limit) {
    requireConnected.run();
    return instances.instances(since, limit);
  }

  @Override
  public List<Deploy> deploys(Instant from, Instant to) {
    requireConnected.run();
    return instances.deploys(from, to);
  }
}
