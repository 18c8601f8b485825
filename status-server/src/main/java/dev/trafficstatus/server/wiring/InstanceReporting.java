package dev.trafficstatus.server.wiring;

import dev.trafficstatus.core.connect.ConnectingStore;
import dev.trafficstatus.core.fleet.InstanceReporter;
import dev.trafficstatus.core.flush.Flusher;
import dev.trafficstatus.server.config.StatusFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;

/**
 * This process's row in the store's instance table, wired to the flusher (a report after each
 * flush the store accepted) and to the store (the start is reported once it has connected).
 */
final class InstanceReporting {

  private InstanceReporting() {}

  /**
   * The reporter, listening to the flusher and the store; started and stopped as a lifecycle.
   *
   * @param config the {@code status:} block: {@code version} wins over the manifest's
   * @param manifestVersion the host app's {@code Implementation-Version}, or null
   * @param service the service this process records under
   * @param instance this process's instance id
   * @param store the store
   * @param flusher the flusher
   * @param clock what "now" is
   * @return the reporter
   */
  static InstanceReporter wire(
      StatusFactory config,
      String manifestVersion,
      String service,
      String instance,
      ConnectingStore store,
      Flusher flusher,
      Clock clock) {
    String version = config.getVersion() != null ? config.getVersion() : manifestVersion;
    InstanceReporter reporter =
        new InstanceReporter(
            store, instance, service, hostName(), version, clock,
            Slf4jSystemLogger.of(InstanceReporter.class));
    flusher.whenFlushed(reporter::flushed);
    store.whenConnected(reporter::storeStarted);
    return reporter;
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException noName) {
      return "unknown";
    }
  }
}
