package dev.trafficstatus.server.plugin;

import dev.trafficstatus.spi.Lifecycle;
import io.dropwizard.lifecycle.Managed;

/**
 * Drives an SPI {@link Lifecycle} from Dropwizard's lifecycle: started before the server accepts
 * requests, stopped after it stopped accepting them, in reverse order.
 *
 * @param lifecycle what to drive
 */
public record ManagedLifecycle(Lifecycle lifecycle) implements Managed {

  @Override
  public void start() throws Exception {
    lifecycle.start();
  }

  @Override
  public void stop() throws Exception {
    lifecycle.stop();
  }
}
