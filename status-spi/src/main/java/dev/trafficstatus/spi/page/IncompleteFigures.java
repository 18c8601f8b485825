package dev.trafficstatus.spi.page;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * A service some of whose instances stopped reporting: its figures lack what those counted since.
 * Instances that stopped cleanly are not silent. Only counts are public, never which instances.
 *
 * @param service the service
 * @param silent how many of its instances have not reported for {@code silentFor} or longer
 * @param instances how many instances it has: those reporting and the silent ones
 * @param silentFor how long the most recently heard of the silent instances has been silent
 */
public record IncompleteFigures(String service, int silent, int instances, Duration silentFor) {

  /** Checks the counts fit and the parts are present. */
  public IncompleteFigures {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(silentFor, "silentFor");
    if (silent < 1 || instances < silent) {
      throw new IllegalArgumentException(
          "need 1 <= silent <= instances, got " + silent + " of " + instances);
    }
  }

  /**
   * What the page says, such as "figures incomplete: 2 of 12 instances have not reported for 5
   * minutes".
   *
   * @return the sentence, without the service's name
   */
  public String text() {
    long minutes = Math.max(1, silentFor.toMinutes());
    return String.format(
        Locale.ROOT,
        "figures incomplete: %d of %d %s not reported for %d %s",
        silent,
        instances,
        instances == 1 ? "instance has" : silent == 1 ? "instances has" : "instances have",
        minutes,
        minutes == 1 ? "minute" : "minutes");
  }
}
