package dev.trafficstatus.core.fleet;

import static dev.trafficstatus.spi.InvalidSettingException.text;

import dev.trafficstatus.spi.InvalidSettingException;
import java.time.Duration;
import java.util.Objects;

/**
 * When an instance counts as silent ({@code status.instances}).
 *
 * @param silentAfter how long an instance that has not stopped cleanly may go without reporting
 *     before its service's figures are marked incomplete. Every instance reports after each flush,
 *     once per flush interval at a phase of its own that is the same for each of its reports, so
 *     two intervals without a report mean a flush was missed and the next is late too
 * @param forgetAfter how long a silent instance is counted at most: one that died for good (a host
 *     taken away, a process killed and not started again on the same host) stops counting then
 */
public record InstanceSettings(Duration silentAfter, Duration forgetAfter) {

  /** The shortest silence noticed: two of the shortest flush intervals. */
  public static final Duration MIN_SILENT_AFTER = Duration.ofSeconds(2);

  /** The longest silence before it is noticed, and the longest time a silent one is counted. */
  public static final Duration MAX = Duration.ofDays(7);

  /** Checks the bounds: silence is noticed before it is forgotten. */
  public InstanceSettings {
    Objects.requireNonNull(silentAfter, "silentAfter");
    Objects.requireNonNull(forgetAfter, "forgetAfter");
    if (silentAfter.compareTo(MIN_SILENT_AFTER) < 0 || silentAfter.compareTo(MAX) > 0) {
      throw new InvalidSettingException(
          "silentAfter",
          "must be between " + text(MIN_SILENT_AFTER) + " and " + text(MAX) + ", got "
              + text(silentAfter));
    }
    if (forgetAfter.compareTo(silentAfter) <= 0 || forgetAfter.compareTo(MAX) > 0) {
      throw new InvalidSettingException(
          "forgetAfter",
          "must be longer than silentAfter (" + text(silentAfter) + ") and at most " + text(MAX)
              + ", got " + text(forgetAfter));
    }
  }

  /** The default of {@code forgetAfter}. */
  public static final Duration DEFAULT_FORGET_AFTER = Duration.ofHours(1);

  /**
   * Silent after two flush intervals; forgotten after an hour.
   *
   * @param flushInterval the flush interval ({@code status.flush.interval})
   * @return the defaults
   */
  public static InstanceSettings defaults(Duration flushInterval) {
    return new InstanceSettings(silentAfterDefault(flushInterval), DEFAULT_FORGET_AFTER);
  }

  /**
   * The default of {@code silentAfter}: two flush intervals.
   *
   * @param flushInterval the flush interval
   * @return the duration
   */
  public static Duration silentAfterDefault(Duration flushInterval) {
    return flushInterval.multipliedBy(2);
  }
}
