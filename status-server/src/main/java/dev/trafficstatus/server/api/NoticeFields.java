package dev.trafficstatus.server.api;

import dev.trafficstatus.server.statuspage.StatuspageIds;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.notice.Impact;
import dev.trafficstatus.spi.notice.NoticeKind;
import dev.trafficstatus.spi.notice.NoticeStatus;
import dev.trafficstatus.spi.notice.RouteState;
import dev.trafficstatus.spi.Health;
import dev.trafficstatus.spi.store.StoredRoute;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads the values of the incident and maintenance API's bodies: statuses, impacts and route states
 * in Statuspage's words, times in ISO-8601 with an offset, routes by component id or slug. Every
 * refusal says which field is wrong and what it takes, quoting the client's value only in its
 * printable form.
 */
final class NoticeFields {

  private final Map<String, RouteKey> routes;

  /**
   * @param stored every route the store knows; deleted ones cannot be named
   */
  NoticeFields(List<StoredRoute> stored) {
    Map<String, RouteKey> byName = new LinkedHashMap<>();
    for (StoredRoute route : stored) {
      if (!route.hidden()) {
        byName.put(StatuspageIds.route(route.key()), route.key());
      }
    }
    for (StoredRoute route : stored) {
      if (!route.hidden()) {
        byName.putIfAbsent(StatuspageIds.routeSlug(route.key()), route.key());
      }
    }
    this.routes = byName;
  }

  static String required(String field, String value) throws ApiRejection {
    if (value == null) {
      throw new ApiRejection(Response.Status.BAD_REQUEST, field + " is required");
    }
    return value;
  }

  static NoticeStatus status(String value, NoticeKind kind) throws ApiRejection {
    String statuses = Arrays.stream(NoticeStatus.values())
        .filter(status -> status.kind() == kind)
        .map(NoticeStatus::wireName)
        .collect(Collectors.joining(", "));
    for (NoticeStatus status : NoticeStatus.values()) {
      if (status.wireName().equals(value) && status.kind() == kind) {
        return status;
      }
    }
    throw new ApiRejection(Response.Status.BAD_REQUEST, "status must be one of " + statuses
        + ", got " + ApiResponses.printable(value));
  }

  static Impact impact(String value) throws ApiRejection {
    for (Impact impact : Impact.values()) {
      if (impact != Impact.MAINTENANCE && impact.wireName().equals(value)) {
        return impact;
      }
    }
    throw new ApiRejection(Response.Status.BAD_REQUEST,
        "impact must be one of none, minor, major, critical, got " + ApiResponses.printable(value));
  }

  /** Times outside these years are typing mistakes, and beyond what stores keep as milliseconds. */
  private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

  static Instant instant(String field, String value) throws ApiRejection {
    if (value == null) {
      return null;
    }
    try {
      Instant instant = OffsetDateTime.parse(value).toInstant();
      if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
        throw new ApiRejection(Response.Status.BAD_REQUEST,
            field + " must be between the years 1970 and 9999, got " + ApiResponses.printable(value));
      }
      return instant;
    } catch (DateTimeParseException unreadable) {
      throw new ApiRejection(Response.Status.BAD_REQUEST, field
          + " must be a time in ISO-8601 with an offset, such as 2025-06-15T10:00:00Z, got "
          + ApiResponses.printable(value));
    }
  }

  /** A time shown with an update: written now or back-dated, never ahead. */
  static Instant displayAt(String value, Instant now) throws ApiRejection {
    Instant displayAt = instant("display_at", value);
    if (displayAt != null && displayAt.isAfter(now)) {
      throw new ApiRejection(Response.Status.BAD_REQUEST, "display_at must not be in the future");
    }
    return displayAt;
  }

  /** Routes and their states: {@code {"<component id or slug>": "partial_outage"}}. */
  List<RouteState> states(Map<String, String> components) throws ApiRejection {
    List<RouteState> states = new ArrayList<>();
    if (components == null) {
      return states;
    }
    for (Map.Entry<String, String> entry : components.entrySet()) {
      states.add(new RouteState(route(entry.getKey()), health(entry.getKey(), entry.getValue())));
    }
    return states;
  }

  /** Routes: {@code ["<component id or slug>", …]}. */
  List<RouteKey> routes(List<String> componentIds) throws ApiRejection {
    if (componentIds == null) {
      return null;
    }
    List<RouteKey> keys = new ArrayList<>(componentIds.size());
    for (String id : componentIds) {
      keys.add(route(id));
    }
    return keys;
  }

  private RouteKey route(String id) throws ApiRejection {
    RouteKey key = id == null ? null : routes.get(id);
    if (key == null) {
      throw new ApiRejection(Response.Status.BAD_REQUEST, "No route has the component id or slug "
          + (id == null ? "null" : ApiResponses.printable(id)) + ": components.json of the"
          + " Statuspage API lists the ids, badges the slugs (<service>-<rule>)");
    }
    return key;
  }

  private static Health health(String id, String value) throws ApiRejection {
    if (value != null) {
      switch (value) {
        case "operational" -> {
          return Health.OPERATIONAL;
        }
        case "degraded_performance" -> {
          return Health.DEGRADED;
        }
        case "partial_outage" -> {
          return Health.PARTIAL_OUTAGE;
        }
        case "major_outage" -> {
          return Health.MAJOR_OUTAGE;
        }
        default -> {
          // refused below
        }
      }
    }
    throw new ApiRejection(Response.Status.BAD_REQUEST, "the status of component "
        + ApiResponses.printable(id) + " must be one of operational, degraded_performance,"
        + " partial_outage, major_outage (under_maintenance is a maintenance's), got "
        + (value == null ? "null" : ApiResponses.printable(value)));
  }
}
