package dev.trafficstatus.core.evaluate;

import static dev.trafficstatus.spi.InvalidSettingException.text;

import dev.trafficstatus.spi.InvalidSettingException;
import java.time.Duration;
import java.util.Objects;

/**
 * How long closed incidents and maintenances are kept, with what their windows held ({@code
 * status.retention.incidents}): the evaluator deletes older ones, so neither the store nor its own
 * work grows with history.
 *
 * @param incidents how long after closing a notice is kept
 */
public record NoticeRetention(Duration incidents) {

  /** The shortest retention. */
  public static final Duration MIN = Duration.ofDays(1);

  /** Checks the retention. */
  public NoticeRetention {
    Objects.requireNonNull(incidents, "incidents");
    if (incidents.compareTo(MIN) < 0) {
      throw new InvalidSettingException(
          "incidents", "must be at least " + text(MIN) + ", got " + text(incidents));
    }
  }

  /**
   * 400 days, as long as day rows: every square a page shows can still tell its maintenance.
   *
   * @return the default
   */
  public static NoticeRetention defaults() {
    return new NoticeRetention(Duration.ofDays(400));
  }
}
