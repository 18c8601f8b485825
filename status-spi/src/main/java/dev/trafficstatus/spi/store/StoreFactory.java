package dev.trafficstatus.spi.store;

import dev.trafficstatus.spi.PluginContext;
import dev.trafficstatus.spi.PluginFactory;

/**
 * Builds the store. Registered in {@code META-INF/services/dev.trafficstatus.spi.store.StoreFactory}.
 * Exactly one store is active per process.
 */
public interface StoreFactory extends PluginFactory {

  /**
   * Builds the store; called once at start-up, on the start-up thread. The store must not touch
   * its database before {@link StatusStore#start()}.
   *
   * @param context what the host offers; never null
   * @return the store, never null
   * @throws IllegalStateException when the configuration cannot work (the message says why)
   */
  StatusStore build(PluginContext context);
}
