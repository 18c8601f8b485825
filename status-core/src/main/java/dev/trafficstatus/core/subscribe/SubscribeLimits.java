package dev.trafficstatus.core.subscribe;

import dev.trafficstatus.spi.InvalidSettingException;
import java.time.Duration;
import java.util.Objects;

/**
 * How often the subscribe form may be used, so nobody mails an address over and over through it.
 *
 * @param perAddress confirmation mails to one address within {@code window}; more requests get
 *     the same answer and send nothing
 * @param perClient subscribe requests from one client (IP address) within {@code window}; more
 *     are refused with 429
 * @param window the window both counts run over
 * @param confirmWithin how long a confirmation link works
 */
public record SubscribeLimits(int perAddress, int perClient, Duration window, Duration confirmWithin) {

  /** Two mails per address and ten requests per client an hour; links work for a day. */
  public static final SubscribeLimits DEFAULTS =
      new SubscribeLimits(2, 10, Duration.ofHours(1), Duration.ofDays(1));

  /** Checks the bounds. */
  public SubscribeLimits {
    if (perAddress < 1) {
      throw new InvalidSettingException("perAddress", "must be at least 1, got " + perAddress);
    }
    if (perClient < 1) {
      throw new InvalidSettingException("perClient", "must be at least 1, got " + perClient);
    }
    Objects.requireNonNull(window, "window");
    if (window.isNegative() || window.isZero()) {
      throw new InvalidSettingException("window", "must be positive, got " + InvalidSettingException.text(window));
    }
    Objects.requireNonNull(confirmWithin, "confirmWithin");
    if (confirmWithin.isNegative() || confirmWithin.isZero()) {
      throw new InvalidSettingException(
          "confirmWithin", "must be positive, got " + InvalidSettingException.text(confirmWithin));
    }
  }
}
