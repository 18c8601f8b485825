package dev.trafficstatus.core.subscribe;

import static dev.trafficstatus.spi.InvalidSettingException.text;

import dev.trafficstatus.spi.InvalidSettingException;
import java.time.Duration;
import java.util.Objects;

/**
 * How often the subscribe form may be used, so nobody mails an address over and over through it
 * ({@code status.notifications.subscribers}); the only judge of these bounds.
 *
 * @param perAddress confirmation mails to one address per {@code addressPeriod}, whoever asks;
 *     more requests get the same answer and send nothing. Counted by the store, so it holds across
 *     every process sharing it (in each process only, with a store that cannot count)
 * @param addressPeriod the period of {@code perAddress}; at most {@code confirmWithin}, since the
 *     count is kept with the waiting subscription
 * @param perClient subscribe requests from one client (IP address) per {@code clientPeriod}; more
 *     are refused with 429. Counted by each process on its own
 * @param clientPeriod the period of {@code perClient}
 * @param confirmWithin how long a confirmation link works
 */
public record SubscribeLimits(
    int perAddress, Duration addressPeriod, int perClient, Duration clientPeriod, Duration confirmWithin) {

  /** The most mails per address and period. */
  public static final int MAX_PER_ADDRESS = 100;

  /** The most requests per client and period. */
  public static final int MAX_PER_CLIENT = 100_000;

  /** The shortest period. */
  public static final Duration MIN_PERIOD = Duration.ofMinutes(1);

  /** The longest period. */
  public static final Duration MAX_PERIOD = Duration.ofDays(1);

  /** Two mails per address and ten requests per client an hour; links work for a day. */
  public static final SubscribeLimits DEFAULTS =
      new SubscribeLimits(2, Duration.ofHours(1), 10, Duration.ofHours(1), Duration.ofDays(1));

  /** Checks the bounds. */
  public SubscribeLimits {
    Objects.requireNonNull(addressPeriod, "addressPeriod");
    Objects.requireNonNull(clientPeriod, "clientPeriod");
    Objects.requireNonNull(confirmWithin, "confirmWithin");
    if (perAddress < 1 || perAddress > MAX_PER_ADDRESS) {
      throw new InvalidSettingException(
          "perAddress", "must be between 1 and " + MAX_PER_ADDRESS + ", got " + perAddress);
    }
    if (perClient < 1 || perClient > MAX_PER_CLIENT) {
      throw new InvalidSettingException(
          "perClient", "must be between 1 and " + MAX_PER_CLIENT + ", got " + perClient);
    }
    if (confirmWithin.isNegative() || confirmWithin.isZero()) {
      throw new InvalidSettingException("confirmWithin", "must be positive, got " + text(confirmWithin));
    }
    within("clientPeriod", clientPeriod, MAX_PERIOD);
    within("addressPeriod", addressPeriod, MAX_PERIOD.compareTo(confirmWithin) < 0 ? MAX_PERIOD : confirmWithin);
  }

  private static void within(String setting, Duration value, Duration max) {
    if (value.compareTo(MIN_PERIOD) < 0 || value.compareTo(max) > 0) {
      throw new InvalidSettingException(
          setting, "must be between " + text(MIN_PERIOD) + " and " + text(max) + ", got " + text(value));
    }
  }
}
