package dev.trafficstatus.spi.page;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A deploy of a new version, marked on the day's squares of its service's routes.
 *
 * @param service the service deployed
 * @param version the version, or null when the page does not show versions ({@code
 *     page.showVersions: false})
 * @param at when the first instance of the version started
 * @param instances how many instances started with it that UTC day
 */
public record DeployMarker(String service, String version, Instant at, int instances) {

  /** Checks the required parts are present. */
  public DeployMarker {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(at, "at");
    if (instances < 1) {
      throw new IllegalArgumentException("a deploy has at least one instance, got " + instances);
    }
  }

  /**
   * The UTC day whose square is marked.
   *
   * @return the day
   */
  public LocalDate day() {
    return LocalDate.ofInstant(at, ZoneOffset.UTC);
  }
}
