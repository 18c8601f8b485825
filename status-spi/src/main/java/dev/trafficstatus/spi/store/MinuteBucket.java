package dev.trafficstatus.spi.store;

import dev.trafficstatus.spi.RouteKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The requests one process recorded for one route in one UTC minute.
 *
 * @param route the route
 * @param minute the start of the minute, truncated to the minute
 * @param instance the process that recorded them ({@link dev.trafficstatus.spi.PluginContext#instance()})
 * @param tally the counts and latencies
 */
public record MinuteBucket(RouteKey route, Instant minute, String instance, Tally tally) {

  /** Checks every part is present and the minute is whole. */
  public MinuteBucket {
    Objects.requireNonNull(route, "route");
    Objects.requireNonNull(minute, "minute");
    Objects.requireNonNull(instance, "instance");
    Objects.requireNonNull(tally, "tally");
    if (!minute.truncatedTo(ChronoUnit.MINUTES).equals(minute)) {
      throw new IllegalArgumentException("minute must be truncated to the minute: " + minute);
    }
    if (instance.isBlank()) {
      throw new IllegalArgumentException("instance must not be blank");
    }
  }
}
