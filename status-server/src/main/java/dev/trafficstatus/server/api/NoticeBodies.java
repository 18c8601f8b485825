package dev.trafficstatus.server.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The bodies the incident and maintenance API reads, in Statuspage's field names. Each is all a
 * client may send to its call: anything else is refused (no mass assignment). Routes are named by
 * their Statuspage component id (as {@code /api/v2/components.json} lists them) or by their slug
 * ({@code <service>-<rule>}, as badges name them).
 */
final class NoticeBodies {

  private NoticeBodies() {}

  /**
   * {@code POST <api>/incidents}.
   *
   * @param name the title
   * @param status investigating (the default), identified, monitoring or resolved
   * @param impact none, minor (the default), major or critical
   * @param body what people are told first
   * @param components affected routes and their states (operational, degraded_performance,
   *     partial_outage, major_outage); none for an incident of no route
   * @param startedAt when the trouble began (ISO-8601 with an offset), or null for now
   */
  record NewIncidentBody(
      String name,
      String status,
      String impact,
      String body,
      Map<String, String> components,
      @JsonProperty("started_at") String startedAt) {}

  /**
   * {@code POST <api>/maintenances}.
   *
   * @param name the title
   * @param scheduledFor the window's start
   * @param scheduledUntil the window's end
   * @param body what people are told
   * @param componentIds the routes it affects; none for the whole service
   * @param backdatedReason why a window entirely in the past is recorded after the fact
   */
  record NewMaintenanceBody(
      String name,
      @JsonProperty("scheduled_for") String scheduledFor,
      @JsonProperty("scheduled_until") String scheduledUntil,
      String body,
      @JsonProperty("component_ids") List<String> componentIds,
      @JsonProperty("backdated_reason") String backdatedReason) {}

  /**
   * {@code POST <api>/incidents/<id>/updates} and {@code …/maintenances/<id>/updates}.
   *
   * @param status the new status, or null to keep it
   * @param body the update's text
   * @param components routes whose state changes (incidents only)
   * @param displayAt the time shown with the update, or null for now
   */
  record UpdateBody(
      String status,
      String body,
      Map<String, String> components,
      @JsonProperty("display_at") String displayAt) {}

  /**
   * {@code PATCH <api>/incidents/<id>}: fields to change; null keeps a field.
   *
   * @param name a new title
   * @param impact a new impact
   * @param componentIds the affected routes, replacing the present ones
   */
  record IncidentEditBody(
      String name, String impact, @JsonProperty("component_ids") List<String> componentIds) {}

  /**
   * {@code PATCH <api>/maintenances/<id>}: fields to change; null keeps a field.
   *
   * @param name a new title
   * @param scheduledFor a new window start
   * @param scheduledUntil a new window end
   * @param componentIds the affected routes, replacing the present ones
   */
  record MaintenanceEditBody(
      String name,
      @JsonProperty("scheduled_for") String scheduledFor,
      @JsonProperty("scheduled_until") String scheduledUntil,
      @JsonProperty("component_ids") List<String> componentIds) {}

  /**
   * {@code POST …/resolve}, {@code …/complete}, {@code …/cancel}.
   *
   * @param body the closing update's text, or null for the standard one
   */
  record CloseBody(String body) {}
}
