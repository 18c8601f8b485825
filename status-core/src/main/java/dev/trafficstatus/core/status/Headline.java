package dev.trafficstatus.core.status;

import dev.trafficstatus.spi.notice.Notice;
import dev.trafficstatus.spi.notice.NoticeKind;
import dev.trafficstatus.spi.Health;
import dev.trafficstatus.spi.page.RouteStatus;
import java.util.List;

/**
 * The page's overall state: the worst of the shown routes' current states and of the open
 * incidents' impacts (critical reads as a major outage, major as a partial outage, minor as
 * degraded), so an open critical incident reads as a major outage even after the traffic
 * recovered. A major outage of only some routes reads as a partial outage; routes without data do
 * not count. A maintenance in progress with nothing worse reads as "Service Under Maintenance".
 */
final class Headline {

  private Headline() {}

  /**
   * The overall state.
   *
   * @param routes the shown routes
   * @param notices the page's notices, open and closed
   * @param maintenanceInProgress whether any maintenance is running now
   * @return the state; {@link Health#NO_DATA} when nothing gives one
   */
  static Health overall(List<RouteStatus> routes, List<Notice> notices, boolean maintenanceInProgress) {
    Health worst = fromRoutes(routes);
    for (Notice notice : notices) {
      if (notice.isOpen() && notice.kind() == NoticeKind.INCIDENT) {
        worst = worse(worst, fromImpact(notice));
      }
    }
    if (maintenanceInProgress) {
      worst = worse(worst, Health.MAINTENANCE);
    }
    return worst;
  }

  /**
   * The headline text of an overall state.
   *
   * @param overall the state
   * @return the text, as Statsig's and Statuspage's pages word it
   */
  static String text(Health overall) {
    return switch (overall) {
      case OPERATIONAL -> "All Systems Operational";
      case DEGRADED -> "Degraded Performance";
      case PARTIAL_OUTAGE -> "Partial Outage";
      case MAJOR_OUTAGE -> "Major Outage";
      case NO_DATA -> "No Data Yet";
      case MAINTENANCE -> "Service Under Maintenance";
    };
  }

  private static Health fromRoutes(List<RouteStatus> routes) {
    Health worst = Health.NO_DATA;
    int withData = 0;
    int major = 0;
    for (RouteStatus route : routes) {
      Health current = route.current();
      if (!current.hasData()) {
        continue;
      }
      withData++;
      if (current == Health.MAJOR_OUTAGE) {
        major++;
      }
      worst = worse(worst, current);
    }
    if (worst == Health.MAJOR_OUTAGE && major < withData) {
      return Health.PARTIAL_OUTAGE;
    }
    return worst;
  }

  private static Health fromImpact(Notice incident) {
    return switch (incident.impact()) {
      case CRITICAL -> Health.MAJOR_OUTAGE;
      case MAJOR -> Health.PARTIAL_OUTAGE;
      case MINOR -> Health.DEGRADED;
      case NONE, MAINTENANCE -> Health.NO_DATA;
    };
  }

  private static Health worse(Health a, Health b) {
    return severity(b) > severity(a) ? b : a;
  }

  /** Planned work is worse than all operational and better than any trouble; no data is least. */
  static int severity(Health health) {
    return switch (health) {
      case NO_DATA -> 0;
      case OPERATIONAL -> 1;
      case MAINTENANCE -> 2;
      case DEGRADED -> 3;
      case PARTIAL_OUTAGE -> 4;
      case MAJOR_OUTAGE -> 5;
    };
  }
}
