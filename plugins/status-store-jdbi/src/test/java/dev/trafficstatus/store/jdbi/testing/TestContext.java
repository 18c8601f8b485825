package dev.trafficstatus.store.jdbi.testing;

import dev.trafficstatus.spi.PluginContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * A plugin context as a host without a framework offers it, optionally with host objects.
 *
 * @param service the default service name
 * @param instance this process's instance id
 * @param clock the clock
 * @param hostObjects what {@link #host(Class)} finds, by type
 */
public record TestContext(String service, String instance, Clock clock, List<Object> hostObjects)
    implements PluginContext {

  /** Copies the host objects. */
  public TestContext {
    hostObjects = List.copyOf(hostObjects);
  }

  /**
   * A context with no host objects, like the tests of a plugin outside a server.
   *
   * @param instance the instance id
   * @return the context
   */
  public static TestContext bare(String instance) {
    return new TestContext("test-service", instance, Clock.systemUTC(), List.of());
  }

  @Override
  public <T> Optional<T> host(Class<T> type) {
    return hostObjects.stream().filter(type::isInstance).map(type::cast).findFirst();
  }
}
