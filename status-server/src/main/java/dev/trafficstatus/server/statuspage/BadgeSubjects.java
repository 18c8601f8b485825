package dev.trafficstatus.server.statuspage;

import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.Health;
import dev.trafficstatus.spi.page.RouteGroup;
import dev.trafficstatus.spi.page.RouteStatus;
import dev.trafficstatus.spi.page.StatusPage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What badges can show, by the name in their URL (README, "Badges"): {@code page} (the whole
 * page); a route by its slug, {@code <service>-<rule>} in lower-case letters and digits with every
 * other run of characters a dash ({@code shop-items-id} for {@code /items/{id}} of {@code shop});
 * a group by {@code group-<name>} alike; and any route or group by its Statuspage component id.
 * Slugs follow from the route key alone, so they never change; when two routes' slugs are the
 * same, the first in the page's order has it and the other is reached by its component id.
 */
final class BadgeSubjects {

  /**
   * One thing a badge shows.
   *
   * @param label the badge's label: the route's, group's or page's name
   * @param message its state in words
   * @param color its state's shields.io colour name
   * @param routes the routes its uptime sums
   */
  record Subject(String label, String message, String color, List<RouteKey> routes) {}

  private final Map<String, Subject> byName = new HashMap<>();

  /**
   * @param page the page model
   * @param view its Statuspage projection, for the components' and page's states
   */
  BadgeSubjects(StatusPage page, StatuspageView view) {
    List<RouteKey> all = new ArrayList<>();
    for (RouteGroup group : page.groups()) {
      List<RouteKey> members = new ArrayList<>();
      boolean anyData = false;
      for (RouteStatus route : group.routes()) {
        members.add(route.key());
        String id = StatuspageIds.route(route.key());
        anyData |= route.current().hasData();
        Subject subject = new Subject(route.name(), words(route.current()), color(route.current()),
            List.of(route.key()));
        byName.putIfAbsent(StatuspageIds.routeSlug(route.key()), subject);
        byName.put(id, subject);
      }
      all.addAll(members);
      String groupId = StatuspageIds.group(group.name());
      ComponentStatus status = view.statusOf(groupId);
      Subject subject = anyData
          ? new Subject(group.name(), words(status), color(status), members)
          : new Subject(group.name(), "no data", "lightgrey", members);
      byName.putIfAbsent("group-" + StatuspageIds.slug(group.name()), subject);
      byName.put(groupId, subject);
    }
    String indicator = view.rolledUp().indicator();
    String description = view.rolledUp().description();
    String color = switch (indicator) {
      case "minor" -> "yellow";
      case "major" -> "orange";
      case "critical" -> "red";
      default -> description.equals("Service Under Maintenance") ? "blue" : "brightgreen";
    };
    byName.put("page", new Subject(page.title(), description.toLowerCase(Locale.ROOT), color, all));
  }

  /**
   * The subject a badge's name stands for.
   *
   * @param name the name from the URL
   * @return the subject, or empty when the name stands for nothing the page shows
   */
  Optional<Subject> named(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  private static String words(Health health) {
    return switch (health) {
      case OPERATIONAL -> "operational";
      case DEGRADED -> "degraded performance";
      case PARTIAL_OUTAGE -> "partial outage";
      case MAJOR_OUTAGE -> "major outage";
      case NO_DATA -> "no data";
      case MAINTENANCE -> "under maintenance";
    };
  }

  private static String color(Health health) {
    return switch (health) {
      case OPERATIONAL -> "brightgreen";
      case DEGRADED -> "yellow";
      case PARTIAL_OUTAGE -> "orange";
      case MAJOR_OUTAGE -> "red";
      case NO_DATA -> "lightgrey";
      case MAINTENANCE -> "blue";
    };
  }

  private static String words(ComponentStatus status) {
    return status.wireName().replace('_', ' ');
  }

  private static String color(ComponentStatus status) {
    return switch (status) {
      case OPERATIONAL -> "brightgreen";
      case DEGRADED_PERFORMANCE -> "yellow";
      case PARTIAL_OUTAGE -> "orange";
      case MAJOR_OUTAGE -> "red";
      case UNDER_MAINTENANCE -> "blue";
    };
  }
}
