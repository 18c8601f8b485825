package dev.trafficstatus.server.ops;

import com.codahale.metrics.health.HealthCheck;
import dev.trafficstatus.spi.store.StatusStore;

/** Healthy when the store answers. */
public final class StoreHealthCheck extends HealthCheck {

  private final StatusStore store;

  /** @param store the store to ping */
  public StoreHealthCheck(StatusStore store) {
    this.store = store;
  }

  @Override
  protected Result check() {
    store.ping();
    return Result.healthy(store.describe());
  }
}
