package dev.trafficstatus.core.status;

import dev.trafficstatus.spi.InvalidSettingException;
import dev.trafficstatus.spi.Health;

/**
 * Turns successes and failures into a state.
 *
 * <p>Uptime is {@code successes / (successes + failures)}; ignored requests count neither way.
 * Fewer counted requests than {@code minimumRequests} give {@link Health#NO_DATA}: a day with two
 * requests, one failed, is not an outage. Otherwise the state is the first threshold the uptime is
 * not below. The defaults suit real traffic: one failure in 10,000 (99.99 %) is operational, one in
 * 500 (99.8 %) degraded, one in 50 (98 %) a partial outage, and below 90 % a major outage.
 *
 * @param degradedBelow uptime percent below which a period is degraded
 * @param partialOutageBelow uptime percent below which a period is a partial outage
 * @param majorOutageBelow uptime percent below which a period is a major outage
 * @param minimumRequests successes plus failures needed for a verdict
 */
public record HealthPolicy(
    double degradedBelow, double partialOutageBelow, double majorOutageBelow, long minimumRequests) {

  /** Checks the thresholds are percentages in falling order. */
  public HealthPolicy {
    if (!(degradedBelow >= 0 && degradedBelow <= 100)) {
      throw new InvalidSettingException(
          "degradedBelow", "must be a percentage from 0 to 100, got " + degradedBelow);
    }
    if (!(partialOutageBelow >= 0 && partialOutageBelow <= degradedBelow)) {
      throw new InvalidSettingException(
          "partialOutageBelow",
          "must be from 0 to degradedBelow (degradedBelow >= partialOutageBelow >= majorOutageBelow),"
              + " got " + partialOutageBelow + " with degradedBelow " + degradedBelow);
    }
    if (!(majorOutageBelow >= 0 && majorOutageBelow <= partialOutageBelow)) {
      throw new InvalidSettingException(
          "majorOutageBelow",
          "must be from 0 to partialOutageBelow (degradedBelow >= partialOutageBelow >="
              + " majorOutageBelow), got " + majorOutageBelow + " with partialOutageBelow "
              + partialOutageBelow);
    }
    if (minimumRequests < 1) {
      throw new InvalidSettingException("minimumRequests", "must be at least 1, got " + minimumRequests);
    }
  }

  /**
   * Degraded below 99.9 %, partial outage below 99 %, major outage below 90 %, at least 10
   * counted requests.
   *
   * @return the defaults
   */
  public static HealthPolicy defaults() {
    return new HealthPolicy(99.9, 99.0, 90.0, 10);
  }

  /**
   * The uptime of a period.
   *
   * @param successes requests that succeeded
   * @param failures requests that failed
   * @return the percentage, or null when both are zero
   */
  public static Double uptimePercent(long successes, long failures) {
    long counted = successes + failures;
    return counted == 0 ? null : 100.0 * successes / counted;
  }

  /**
   * The state of a period.
   *
   * @param successes requests that succeeded
   * @param failures requests that failed
   * @return the state
   */
  public Health health(long successes, long failures) {
    if (successes + failures < minimumRequests) {
      return Health.NO_DATA;
    }
    double uptime = uptimePercent(successes, failures);
    if (uptime < majorOutageBelow) {
      return Health.MAJOR_OUTAGE;
    }
    if (uptime < partialOutageBelow) {
      return Health.PARTIAL_OUTAGE;
    }
    if (uptime < degradedBelow) {
      return Health.DEGRADED;
    }
    return Health.OPERATIONAL;
  }
}
