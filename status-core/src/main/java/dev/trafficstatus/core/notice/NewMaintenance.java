package dev.trafficstatus.core.notice;

import dev.trafficstatus.spi.RouteKey;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A maintenance to announce.
 *
 * @param id its id, or null for a new random one (a recurring window's is derived, so every
 *     process names it alike)
 * @param name its title
 * @param routes the routes it affects; empty for the whole service
 * @param scheduledFor the window's start
 * @param scheduledUntil the window's end
 * @param body what people are told
 * @param backdatedReason why a window entirely in the past is recorded (an unannounced maintenance
 *     after the fact), or null: without one such a window is refused
 * @param automatic whether it comes from the configured recurring windows
 */
public record NewMaintenance(
    String id,
    String name,
    List<RouteKey> routes,
    Instant scheduledFor,
    Instant scheduledUntil,
    String body,
    String backdatedReason,
    boolean automatic) {

  /** Checks the required parts are present and copies the routes. */
  public NewMaintenance {
    Objects.requireNonNull(name, "name");
    routes = List.copyOf(routes);
    Objects.requireNonNull(scheduledFor, "scheduledFor");
    Objects.requireNonNull(scheduledUntil, "scheduledUntil");
    Objects.requireNonNull(body, "body");
  }
}
