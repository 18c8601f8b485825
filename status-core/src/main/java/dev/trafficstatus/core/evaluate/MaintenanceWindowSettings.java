package dev.trafficstatus.core.evaluate;

import static dev.trafficstatus.spi.InvalidSettingException.text;

import dev.trafficstatus.spi.InvalidSettingException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Planned maintenance ({@code status.maintenance}).
 *
 * @param maxDuration the longest window accepted, from the API and in configuration
 * @param windows the recurring windows, announced {@link #ANNOUNCED_AHEAD} ahead
 * @param excludeFromUptime whether requests inside windows are left out of uptime (shown apart as
 *     "during maintenance"); false keeps them in
 */
public record MaintenanceWindowSettings(
    Duration maxDuration, List<RecurringWindow> windows, boolean excludeFromUptime) {

  /** How far ahead recurring windows are announced. */
  public static final Duration ANNOUNCED_AHEAD = Duration.ofDays(7);

  /** The shortest maximum. */
  public static final Duration MIN_MAX_DURATION = Duration.ofMinutes(1);

  /** The longest maximum. */
  public static final Duration MAX_MAX_DURATION = Duration.ofDays(31);

  /** Checks the bounds, that window names are unique and no window is longer than the maximum. */
  public MaintenanceWindowSettings {
    Objects.requireNonNull(maxDuration, "maxDuration");
    windows = List.copyOf(windows);
    if (maxDuration.compareTo(MIN_MAX_DURATION) < 0 || maxDuration.compareTo(MAX_MAX_DURATION) > 0) {
      throw new InvalidSettingException(
          "maxDuration",
          "must be between " + text(MIN_MAX_DURATION) + " and " + text(MAX_MAX_DURATION) + ", got "
              + text(maxDuration));
    }
    Set<String> names = new HashSet<>();
    for (RecurringWindow window : windows) {
      if (!names.add(window.name())) {
        throw new InvalidSettingException("windows", "must have distinct names; '" + window.name() + "' is twice");
      }
      if (window.rule().length().compareTo(maxDuration) > 0) {
        throw new InvalidSettingException(
            "windows",
            "'" + window.name() + "' lasts " + text(window.rule().length()) + ", longer than maxDuration ("
                + text(maxDuration) + ")");
      }
    }
  }

  /**
   * Windows of at most a day; none recurring; their traffic left out of uptime.
   *
   * @return the defaults
   */
  public static MaintenanceWindowSettings defaults() {
    return new MaintenanceWindowSettings(Duration.ofDays(1), List.of(), true);
  }
}
