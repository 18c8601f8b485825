package dev.trafficstatus.server.ops;

import com.codahale.metrics.health.HealthCheck;
import dev.trafficstatus.spi.store.StatusStore;
import dev.trafficstatus.spi.store.StoreException;

/**
 * Whether the store answers. When not critical (the bundle's default) a store that does not answer
 * leaves the check healthy, with a message that says so: the host's health stays green.
 */
public final class StoreHealthCheck extends HealthCheck {

  private final StatusStore store;
  private final boolean critical;

  /**
   * @param store the store to ping
   * @param critical whether a store that does not answer makes the check unhealthy
   */
  public StoreHealthCheck(StatusStore store, boolean critical) {
    this.store = store;
    this.critical = critical;
  }

  @Override
  protected Result check() {
    try {
      store.ping();
    } catch (StoreException down) {
      return HealthResults.degraded(
          critical,
          "the status store does not answer (" + down.getMessage()
              + "); counts wait in memory and are written when it does");
    }
    return HealthResults.fine(critical, store.describe());
  }
}
