package dev.trafficstatus.core.status;

import dev.trafficstatus.spi.notice.Notice;
import dev.trafficstatus.spi.store.DayBucket;
import dev.trafficstatus.spi.store.DayVersions;
import dev.trafficstatus.spi.store.Deploy;
import dev.trafficstatus.spi.store.RouteTally;
import dev.trafficstatus.spi.store.StoredInstance;
import dev.trafficstatus.spi.store.StoredRoute;
import dev.trafficstatus.spi.store.WindowTally;
import dev.trafficstatus.spi.page.ObjectiveStatus;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the store held for the longest window ({@link PageSettings#maxDays()}) at one instant: every
 * shorter window is a slice of it. Immutable.
 *
 * @param ticket the read's place in the order reads started: a read that started later has a
 *     higher ticket, and figures are only ever replaced by figures of a higher ticket
 * @param historyTicket the ticket of the read that read the days before yesterday kept here (for a
 *     store without day versions; otherwise {@code ticket})
 * @param readAt when the read started
 * @param historyReadAt when the days before yesterday kept here were read (for a store without day
 *     versions; otherwise {@code readAt})
 * @param routes every route the store knows
 * @param dayBuckets tallies per route and day of the longest window ending on {@code readAt}'s day
 * @param recent tallies per route over the current window before {@code readAt}, without the
 *     minutes of maintenances that ended within it (see {@link RecentTallies})
 * @param notices open notices and those closed within the page's past-notice days, newest first
 * @param windowTallies what maintenance windows held per route and day, on the days of {@code
 *     dayBuckets}
 * @param versions the store's day versions, taken before the days were read; {@link
 *     DayVersions#NONE} when the store keeps none
 * @param instances the instances heard from lately (within {@code instances.forgetAfter})
 * @param deploys the deploys within the longest window
 * @param objectives the objectives evaluated at {@code readAt}
 */
record Figures(
    long ticket,
    long historyTicket,
    Instant readAt,
    Instant historyReadAt,
    List<StoredRoute> routes,
    List<DayBucket> dayBuckets,
    List<RouteTally> recent,
    List<Notice> notices,
    List<WindowTally> windowTallies,
    DayVersions versions,
    List<StoredInstance> instances,
    List<Deploy> deploys,
    List<ObjectiveStatus> objectives) {

  Figures {
    Objects.requireNonNull(readAt, "readAt");
    Objects.requireNonNull(historyReadAt, "historyReadAt");
    routes = List.copyOf(routes);
    dayBuckets = List.copyOf(dayBuckets);
    recent = List.copyOf(recent);
    notices = List.copyOf(notices);
    windowTallies = List.copyOf(windowTallies);
    Objects.requireNonNull(versions, "versions");
    instances = List.copyOf(instances);
    deploys = List.copyOf(deploys);
    objectives = List.copyOf(objectives);
  }
}
