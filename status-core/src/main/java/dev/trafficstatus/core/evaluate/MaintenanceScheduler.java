package dev.trafficstatus.core.evaluate;

import dev.trafficstatus.core.evaluate.WindowRule.Occurrence;
import dev.trafficstatus.core.notice.NewMaintenance;
import dev.trafficstatus.core.notice.NoticeChange;
import dev.trafficstatus.core.notice.NoticeIds;
import dev.trafficstatus.core.notice.NoticeService;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.notice.Notice;
import dev.trafficstatus.spi.notice.NoticeKind;
import dev.trafficstatus.spi.notice.NoticeStatus;
import dev.trafficstatus.spi.notice.RouteState;
import dev.trafficstatus.spi.store.ConcurrentChangeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Moves maintenances at their windows' edges (scheduled → in progress → completed, each with an
 * automatic update) and announces the configured recurring windows {@link
 * MaintenanceWindowSettings#ANNOUNCED_AHEAD} ahead.
 *
 * <p>A recurring window's runs have ids derived from the service, the window's name and the run's
 * start, so every process announces the same notice: a second announcement finds it there. A run
 * already announced follows a change of the window's end or routes while it has not begun (and no
 * person has written to it); a run whose start is no longer configured is cancelled before it
 * begins. Windows another service configured on the same database (other names) are left alone.
 */
final class MaintenanceScheduler {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private final NoticeService service;
  private final MaintenanceWindowSettings settings;
  private final String serviceName;

  MaintenanceScheduler(NoticeService service, MaintenanceWindowSettings settings, String serviceName) {
    this.service = service;
    this.settings = settings;
    this.serviceName = serviceName;
  }

  /**
   * Moves and announces what is due.
   *
   * @param current the notices read for this run
   * @param now the current time
   * @param report what was done
   * @return the notices after the changes, by id
   */
  Map<String, Notice> run(List<Notice> current, Instant now, EvaluationReport.Builder report) {
    Map<String, Notice> byId = new LinkedHashMap<>();
    current.forEach(notice -> byId.put(notice.id(), notice));
    for (Notice notice : current) {
      if (notice.kind() == NoticeKind.MAINTENANCE && notice.isOpen()) {
        move(notice, now, report).ifPresent(moved -> byId.put(moved.id(), moved));
      }
    }
    announce(byId, now, report);
    return byId;
  }

  private Optional<Notice> move(Notice notice, Instant now, EvaluationReport.Builder report) {
    boolean ended = !now.isBefore(notice.scheduledUntil());
    if (ended) {
      report.maintenancesCompleted++;
      return change(notice, NoticeStatus.COMPLETED,
          "The maintenance window ended at " + TIME.format(notice.scheduledUntil()) + ".");
    }
    if (notice.status() == NoticeStatus.SCHEDULED && !now.isBefore(notice.scheduledFor())) {
      report.maintenancesStarted++;
      return change(notice, NoticeStatus.IN_PROGRESS,
          "The maintenance window has begun; it ends at " + TIME.format(notice.scheduledUntil()) + ".");
    }
    return Optional.empty();
  }

  private Optional<Notice> change(Notice notice, NoticeStatus status, String body) {
    return service.change(notice.id(), NoticeChange.update(status, body, List.of(), true));
  }

  private void announce(Map<String, Notice> byId, Instant now, EvaluationReport.Builder report) {
    Set<String> names = new HashSet<>();
    Set<String> configured = new HashSet<>();
    Instant until = now.plus(MaintenanceWindowSettings.ANNOUNCED_AHEAD);
    for (RecurringWindow window : settings.windows()) {
      names.add(window.name());
      // Runs a little beyond the horizon count as configured, so none flips at its edge.
      for (Occurrence run : window.rule().occurrences(now, until.plus(settings.maxDuration()))) {
        String id = id(window, run);
        configured.add(id);
        if (run.start().isBefore(until)) {
          announce(window, run, id, byId, report);
        }
      }
    }
    for (Notice notice : List.copyOf(byId.values())) {
      if (notice.kind() == NoticeKind.MAINTENANCE
          && notice.automatic()
          && notice.status() == NoticeStatus.SCHEDULED
          && names.contains(notice.name())
          && !configured.contains(notice.id())
          && notice.scheduledFor().isAfter(now)) {
        report.maintenancesCompleted++;
        change(notice, NoticeStatus.COMPLETED, "This window is no longer planned: cancelled.")
            .ifPresent(cancelled -> byId.put(cancelled.id(), cancelled));
      }
    }
  }

  private void announce(
      RecurringWindow window, Occurrence run, String id, Map<String, Notice> byId,
      EvaluationReport.Builder report) {
    Notice known = byId.get(id);
    if (known == null) {
      Optional<Notice> stored = service.find(id);
      if (stored.isPresent()) {
        // Announced before and closed since (ended early or cancelled by a person): stays closed.
        return;
      }
      String body =
          window.body().isBlank()
              ? "Planned maintenance (" + window.rule().text() + "), until "
                  + TIME.format(run.end()) + "."
              : window.body();
      try {
        byId.put(id, service.schedule(
            new NewMaintenance(id, window.name(), window.routes(), run.start(), run.end(), body,
                null, true)));
        report.maintenancesAnnounced++;
      } catch (ConcurrentChangeException announcedMeanwhile) {
        // Another process announced the same run since it was looked up: it is there, as wanted.
        service.find(id).ifPresent(there -> byId.put(id, there));
      }
      return;
    }
    if (known.status() == NoticeStatus.SCHEDULED
        && !known.handledByPerson()
        && (!known.scheduledUntil().equals(run.end()) || !routes(known).equals(Set.copyOf(window.routes())))) {
      service.change(id,
              new NoticeChange(null, null, List.of(), null, null, null, window.routes(), null, run.end(), true))
          .ifPresent(changed -> byId.put(id, changed));
    }
  }

  private static Set<RouteKey> routes(Notice notice) {
    Set<RouteKey> routes = new HashSet<>();
    for (RouteState state : notice.affected()) {
      routes.add(state.route());
    }
    return routes;
  }

  /** The same window run gets the same id in every process of the service. */
  private String id(RecurringWindow window, Occurrence run) {
    return NoticeIds.derived("maintenance window\n" + serviceName + "\n" + window.name() + "\n" + run.start());
  }
}
