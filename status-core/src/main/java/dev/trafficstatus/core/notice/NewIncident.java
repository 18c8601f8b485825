package dev.trafficstatus.core.notice;

import dev.trafficstatus.spi.notice.Impact;
import dev.trafficstatus.spi.notice.NoticeStatus;
import dev.trafficstatus.spi.notice.RouteState;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An incident to open.
 *
 * @param name its title
 * @param status its first status, an incident's (investigating when a person says nothing else)
 * @param impact how much it affects the service
 * @param body what people are told first
 * @param affected the routes it affects and their states; may be empty ("Email is delayed")
 * @param startedAt when the trouble began, or null for now
 * @param automatic whether the evaluator opens it from the traffic
 */
public record NewIncident(
    String name,
    NoticeStatus status,
    Impact impact,
    String body,
    List<RouteState> affected,
    Instant startedAt,
    boolean automatic) {

  /** Checks the required parts are present and copies the routes. */
  public NewIncident {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(impact, "impact");
    Objects.requireNonNull(body, "body");
    affected = List.copyOf(affected);
  }
}
