package dev.trafficstatus.bench;

import dev.trafficstatus.spi.PluginContext;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * The plugin context of a host without a framework: what the benchmarks build the store and the
 * renderer with, outside a server.
 *
 * @param service the service routes are recorded under
 * @param instance this process's instance id
 * @param clock the clock
 */
public record BenchContext(String service, String instance, Clock clock) implements PluginContext {

  /** Checks every part is present. */
  public BenchContext {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(instance, "instance");
    Objects.requireNonNull(clock, "clock");
  }

  /** No host objects: the store keeps its pool metrics in a registry of its own. */
  @Override
  public <T> Optional<T> host(Class<T> type) {
    return Optional.empty();
  }
}
