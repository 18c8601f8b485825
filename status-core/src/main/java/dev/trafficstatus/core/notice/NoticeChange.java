package dev.trafficstatus.core.notice;

import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.notice.Impact;
import dev.trafficstatus.spi.notice.NoticeStatus;
import dev.trafficstatus.spi.notice.RouteState;
import java.time.Instant;
import java.util.List;

/**
 * A change to a notice: an update to its timeline, a change of its fields, or both. A null field
 * stays as it is.
 *
 * @param status the new status (of the notice's kind), or null to keep it
 * @param body the update's text, or null to add no update (a change of fields alone)
 * @param states affected routes whose state the update reports (added to the affected routes when
 *     new), or empty
 * @param displayAt the time shown with the update, or null for now
 * @param name a new title, or null
 * @param impact a new impact, or null
 * @param routes the affected routes replaced by these (states kept where known), or null
 * @param scheduledFor a maintenance's new window start, or null
 * @param scheduledUntil a maintenance's new window end, or null
 * @param automatic whether the evaluator makes it (a person's change marks the notice handled)
 */
public record NoticeChange(
    NoticeStatus status,
    String body,
    List<RouteState> states,
    Instant displayAt,
    String name,
    Impact impact,
    List<RouteKey> routes,
    Instant scheduledFor,
    Instant scheduledUntil,
    boolean automatic) {

  /** Copies the lists. */
  public NoticeChange {
    states = states == null ? List.of() : List.copyOf(states);
    routes = routes == null ? null : List.copyOf(routes);
  }

  /**
   * An update to the timeline alone.
   *
   * @param status the new status, or null to keep it
   * @param body the text
   * @param states route states it reports
   * @param automatic whether the evaluator writes it
   * @return the change
   */
  public static NoticeChange update(
      NoticeStatus status, String body, List<RouteState> states, boolean automatic) {
    return new NoticeChange(status, body, states, null, null, null, null, null, null, automatic);
  }
}
