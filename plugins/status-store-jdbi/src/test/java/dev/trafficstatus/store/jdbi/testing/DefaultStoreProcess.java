package dev.trafficstatus.store.jdbi.testing;

import dev.trafficstatus.spi.RouteDescriptor;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.store.MinuteBucket;
import dev.trafficstatus.spi.store.StatusStore;
import dev.trafficstatus.store.jdbi.JdbiStoreFactory;
import dev.trafficstatus.testkit.Tallies;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * An app whose configuration names no database: {@code DefaultStoreProcess <service>} starts the
 * store with its defaults in the working directory, writes a minute, stops it, and says "done"
 * with what the store described itself as.
 */
public final class DefaultStoreProcess {

  private DefaultStoreProcess() {}

  /**
   * @param args the service name
   * @throws Exception when the store fails
   */
  public static void main(String[] args) throws Exception {
    StatusStore store =
        new JdbiStoreFactory().build(new TestContext(args[0], "i-1", Clock.systemUTC(), List.of()));
    store.start();
    RouteKey home = new RouteKey(args[0], "/");
    store.declareRoutes(List.of(new RouteDescriptor(home, "Home", "", "Pages")));
    store.writeMinutes(
        List.of(new MinuteBucket(home, Instant.parse("2025-03-01T10:00:00Z"), "i-1", Tallies.of(1, 0, 0, 10))));
    store.stop();
    System.out.println("done " + store.describe());
  }
}
