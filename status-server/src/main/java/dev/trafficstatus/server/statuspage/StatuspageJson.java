package dev.trafficstatus.server.statuspage;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The objects of Atlassian Statuspage's public API (v2), field for field: written by a mapper that
 * spells record components in snake case ({@link StatuspageWriter}), so {@code createdAt} is
 * {@code created_at}. Nullable fields are written as {@code null}, never left out; times are
 * ISO-8601 text with milliseconds and the page's UTC offset ({@link StatuspageTimes}).
 */
public final class StatuspageJson {

  private StatuspageJson() {}

  /**
   * The page every answer names.
   *
   * @param id stable id of the page
   * @param name the page title
   * @param url the page's absolute URL
   * @param timeZone the page's time zone, such as {@code UTC}
   * @param updatedAt when the figures were read
   */
  public record PageJson(String id, String name, String url, String timeZone, String updatedAt) {}

  /**
   * The page's rolled-up state.
   *
   * @param indicator {@code none}, {@code minor}, {@code major} or {@code critical}
   * @param description such as "All Systems Operational"
   */
  public record StatusJson(String indicator, String description) {}

  /**
   * A route, or a group of routes ({@code group: true} with the ids of its routes).
   *
   * @param id stable id, derived from the route key or the group name
   * @param name the route's or group's name
   * @param status one of {@link ComponentStatus}'s wire names
   * @param createdAt the start of the first day of the page's window with requests
   * @param updatedAt when the state was read
   * @param position 1-based place on the page
   * @param description the route's doc, or null
   * @param showcase whether the page shows it as a card (routes) rather than a heading (groups)
   * @param startDate the first day of the page's window with requests, or null
   * @param groupId the group's id, or null for a group
   * @param pageId the page's id
   * @param group whether this is a group
   * @param onlyShowIfDegraded always false: every route is shown
   * @param components a group's routes' ids; left out for routes
   * @param objectives the service level objectives covering a route (an extra key, which
   *     Statuspage clients ignore); left out for groups and routes without objectives
   */
  public record ComponentJson(
      String id,
      String name,
      String status,
      String createdAt,
      String updatedAt,
      int position,
      String description,
      boolean showcase,
      String startDate,
      String groupId,
      String pageId,
      boolean group,
      boolean onlyShowIfDegraded,
      @JsonInclude(JsonInclude.Include.NON_NULL) List<String> components,
      @JsonInclude(JsonInclude.Include.NON_NULL) List<ObjectiveJson> objectives) {}

  /**
   * An objective covering a route, on its component: figures without requests are null.
   *
   * @param name the objective's name
   * @param indicator {@code availability} or {@code latency}
   * @param targetPercent the target
   * @param attainmentPercent the attainment over the objective's window
   * @param budgetRemainingPercent what is left of the error budget
   * @param currentBurn the burn rate over the last hour
   * @param alerting whether a burn-rate alert fires
   */
  public record ObjectiveJson(
      String name,
      String indicator,
      double targetPercent,
      Double attainmentPercent,
      Double budgetRemainingPercent,
      Double currentBurn,
      boolean alerting) {}

  /**
   * A route whose state an update changed.
   *
   * @param code the route's component id
   * @param name the route's name
   * @param oldStatus its status before, a {@link ComponentStatus} wire name
   * @param newStatus its status with the update
   */
  public record AffectedComponentJson(String code, String name, String oldStatus, String newStatus) {}

  /**
   * One entry of a notice's timeline.
   *
   * @param id the update's id
   * @param status the notice's status with it
   * @param body what people were told
   * @param incidentId the notice's id
   * @param createdAt when it was written
   * @param updatedAt the same: updates are never edited
   * @param displayAt the time shown with it
   * @param affectedComponents routes whose state it changed, or null when none
   * @param deliverNotifications always true: every update goes to the outbox
   */
  public record IncidentUpdateJson(
      String id,
      String status,
      String body,
      String incidentId,
      String createdAt,
      String updatedAt,
      String displayAt,
      List<AffectedComponentJson> affectedComponents,
      boolean deliverNotifications) {}

  /**
   * An incident or a scheduled maintenance.
   *
   * @param id the notice's id
   * @param name its title
   * @param status its status's wire name
   * @param impact its impact's wire name
   * @param createdAt when it was written down
   * @param updatedAt when it last changed
   * @param monitoringAt when it went to monitoring, or null
   * @param resolvedAt when it closed, or null
   * @param startedAt when the trouble or the window began
   * @param shortlink the absolute URL of its page
   * @param pageId the page's id
   * @param incidentUpdates its timeline, newest first
   * @param components the affected routes the page shows, as components
   * @param scheduledFor a maintenance's window start; left out for incidents
   * @param scheduledUntil a maintenance's window end; left out for incidents
   */
  public record IncidentJson(
      String id,
      String name,
      String status,
      String impact,
      String createdAt,
      String updatedAt,
      String monitoringAt,
      String resolvedAt,
      String startedAt,
      String shortlink,
      String pageId,
      List<IncidentUpdateJson> incidentUpdates,
      List<ComponentJson> components,
      @JsonInclude(JsonInclude.Include.NON_NULL) String scheduledFor,
      @JsonInclude(JsonInclude.Include.NON_NULL) String scheduledUntil) {}

  /**
   * {@code summary.json}.
   *
   * @param page the page
   * @param components every route and group
   * @param incidents unresolved incidents
   * @param scheduledMaintenances upcoming and running maintenances
   * @param status the rolled-up state
   */
  public record SummaryJson(
      PageJson page,
      List<ComponentJson> components,
      List<IncidentJson> incidents,
      List<IncidentJson> scheduledMaintenances,
      StatusJson status) {}

  /**
   * {@code status.json}.
   *
   * @param page the page
   * @param status the rolled-up state
   */
  public record StatusEnvelope(PageJson page, StatusJson status) {}

  /**
   * {@code components.json}.
   *
   * @param page the page
   * @param components every route and group
   */
  public record ComponentsEnvelope(PageJson page, List<ComponentJson> components) {}

  /**
   * {@code incidents.json} and {@code incidents/unresolved.json}.
   *
   * @param page the page
   * @param incidents the incidents
   */
  public record IncidentsEnvelope(PageJson page, List<IncidentJson> incidents) {}

  /**
   * The {@code scheduled-maintenances} endpoints.
   *
   * @param page the page
   * @param scheduledMaintenances the maintenances
   */
  public record MaintenancesEnvelope(PageJson page, List<IncidentJson> scheduledMaintenances) {}
}
