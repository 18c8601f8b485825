package dev.trafficstatus.spi;

import java.time.Clock;
import java.util.Optional;

/**
 * What the host gives a plugin when it builds it. Implemented by the server; plugins never
 * implement it except in their own tests.
 */
public interface PluginContext {

  /**
   * The default service name for the routes this process records, from configuration; several
   * services may share one database.
   *
   * @return the service name, never null or blank
   */
  String service();

  /**
   * The identity of this process among all processes writing into the same store. Unique per
   * process start, so two runs never overwrite each other's minute buckets.
   *
   * @return the instance id, never null or blank
   */
  String instance();

  /**
   * The clock every component uses for "now"; tests inject a fixed or stepping one.
   *
   * @return the clock, never null
   */
  Clock clock();

  /**
   * Looks up an object of the host framework, for plugins that integrate with it. The Dropwizard
   * server offers its {@code io.dropwizard.core.setup.Environment} and
   * {@code com.codahale.metrics.MetricRegistry}. A plugin that needs no framework never calls it.
   *
   * @param type the class of the object wanted
   * @param <T> the type of the object wanted
   * @return the object, or empty when this host has none of that type
   */
  <T> Optional<T> host(Class<T> type);
}
