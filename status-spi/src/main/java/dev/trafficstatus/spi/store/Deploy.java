package dev.trafficstatus.spi.store;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A version of a service started for the first time: its deploy.
 *
 * @param service the service
 * @param version the version
 * @param at when the first instance of that version started
 * @param instances how many instances started with that version on that UTC day, at least 1
 */
public record Deploy(String service, String version, Instant at, int instances) {

  /** Checks every part is present and the count is positive. */
  public Deploy {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(at, "at");
    if (instances < 1) {
      throw new IllegalArgumentException("a deploy has at least one instance, got " + instances);
    }
  }

  /**
   * The UTC day of the deploy.
   *
   * @return the day
   */
  public LocalDate day() {
    return LocalDate.ofInstant(at, ZoneOffset.UTC);
  }
}
