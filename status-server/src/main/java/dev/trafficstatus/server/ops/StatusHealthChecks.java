package dev.trafficstatus.server.ops;

import com.codahale.metrics.health.HealthCheckRegistry;
import dev.trafficstatus.core.flush.Flusher;
import dev.trafficstatus.spi.store.StatusStore;
import java.time.Clock;
import java.time.Duration;

/** Registers the bundle's health checks, named {@code trafficstatus-*}. */
public final class StatusHealthChecks {

  /** The check that the store answers. */
  public static final String STORE = "trafficstatus-store";

  /** The check that flushes do not lag. */
  public static final String FLUSH = "trafficstatus-flush";

  private StatusHealthChecks() {}

  /**
   * Registers both checks.
   *
   * @param checks the host's registry
   * @param store the store
   * @param flusher the flusher
   * @param flushInterval the flush interval
   * @param critical whether the checks may turn unhealthy ({@code status.healthChecks.critical})
   * @param clock what "now" is
   */
  public static void register(
      HealthCheckRegistry checks,
      StatusStore store,
      Flusher flusher,
      Duration flushInterval,
      boolean critical,
      Clock clock) {
    checks.register(STORE, new StoreHealthCheck(store, critical));
    checks.register(FLUSH, new FlushHealthCheck(flusher, clock, flushInterval, critical));
  }
}
