package dev.trafficstatus.core.evaluate;

import dev.trafficstatus.core.notice.NewIncident;
import dev.trafficstatus.core.notice.NoticeChange;
import dev.trafficstatus.core.notice.NoticeService;
import dev.trafficstatus.core.objective.ObjectiveAlerts;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.notice.Impact;
import dev.trafficstatus.spi.notice.Notice;
import dev.trafficstatus.spi.notice.NoticeKind;
import dev.trafficstatus.spi.notice.NoticeStatus;
import dev.trafficstatus.spi.notice.NoticeUpdate;
import dev.trafficstatus.spi.notice.RouteState;
import dev.trafficstatus.spi.notice.StateChange;
import dev.trafficstatus.spi.store.Deploy;
import dev.trafficstatus.spi.Health;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Opens, updates and resolves automatic incidents from the routes' states; stateless between runs
 * (everything it needs is in the incidents themselves), so any process can run it next.
 *
 * <ul>
 *   <li>A route failing by its group's threshold that no open incident names opens one
 *       (investigating; impact from the state), or joins the newest open automatic incident one of
 *       whose routes failed less than {@code groupWithin} ago: failures together are one incident.
 *   <li>Each change of an affected route's state adds one automatic update with the figures.
 *   <li>When every affected route has been operational for {@code resolveAfter} the incident is
 *       resolved, unless a person has written to it. No data is not operational: a route that
 *       stopped answering keeps its incident open for a person to close.
 *   <li>Routes inside a running maintenance are not judged: they neither open nor change anything.
 *   <li>Incidents a person opened are theirs: their routes open no automatic incident, and the
 *       evaluator writes nothing to them.
 * </ul>
 */
final class AutoIncidents {

  private final NoticeService service;
  private final IncidentSettings settings;
  private final IncidentWording wording;

  AutoIncidents(NoticeService service, IncidentSettings settings, IncidentWording wording) {
    this.service = service;
    this.settings = settings;
    this.wording = wording;
  }

  /**
   * One evaluation.
   *
   * @param now the current time
   * @param readings the judged routes (shown, not in a running maintenance), by route
   * @param current the notices read for this run, after the maintenance moves
   * @param deploys the deploys within {@code deployWindow} before now, oldest first
   * @param showVersions whether an incident may name the version deployed
   * @param report what was done
   */
  void run(
      Instant now, Map<RouteKey, RouteReading> readings, List<Notice> current,
      List<Deploy> deploys, boolean showVersions, EvaluationReport.Builder report) {
    List<Notice> automatic = new ArrayList<>();
    Set<RouteKey> named = new HashSet<>();
    for (Notice notice : current) {
      // An objective's incident is about a budget, not routes: its alerts open and resolve it.
      if (notice.kind() == NoticeKind.INCIDENT && notice.isOpen() && !ObjectiveAlerts.isObjectiveIncident(notice)) {
        notice.affected().forEach(state -> named.add(state.route()));
        if (notice.automatic()) {
          automatic.add(notice);
        }
      }
    }
    automatic.sort(Comparator.comparing(Notice::createdAt));

    List<RouteReading> newlyFailing = new ArrayList<>();
    for (RouteReading reading : readings.values()) {
      if (failing(reading.group(), reading.state()) && !named.contains(reading.route())) {
        newlyFailing.add(reading);
      }
    }
    newlyFailing.sort(Comparator.comparing(RouteReading::route));

    Notice joined = newlyFailing.isEmpty() ? null : joinable(automatic, readings, now);
    if (!newlyFailing.isEmpty() && joined == null) {
      open(newlyFailing, now, deploys, showVersions);
      report.incidentsOpened++;
    }
    for (Notice incident : automatic) {
      List<RouteReading> changed = changedRoutes(incident, readings);
      List<RouteReading> joining = incident == joined ? newlyFailing : List.of();
      Notice after = incident;
      if (!changed.isEmpty() || !joining.isEmpty()) {
        after = update(incident, changed, joining, readings).orElse(incident);
        report.incidentsUpdated++;
      }
      if (after.isOpen() && resolvable(after, now)) {
        service.change(after.id(), NoticeChange.update(
            NoticeStatus.RESOLVED, wording.resolved(settings.resolveAfter()), List.of(), true));
        report.incidentsResolved++;
      }
    }
  }

  private void open(
      List<RouteReading> failing, Instant now, List<Deploy> deploys, boolean showVersions) {
    List<RouteState> states = new ArrayList<>();
    List<String> names = new ArrayList<>();
    Impact impact = Impact.NONE;
    for (RouteReading reading : failing) {
      states.add(reading.routeState());
      names.add(reading.name());
      impact = worse(impact, impact(reading.state()));
    }
    service.open(
        new NewIncident(
            IncidentWording.title(names),
            NoticeStatus.INVESTIGATING,
            impact,
            wording.body(failing) + afterDeploy(failing, now, deploys, showVersions),
            states,
            now.minus(settings.window()),
            true));
  }

  private Optional<Notice> update(
      Notice incident, List<RouteReading> changed, List<RouteReading> joining,
      Map<RouteKey, RouteReading> readings) {
    List<RouteReading> reported = new ArrayList<>(changed);
    reported.addAll(joining);
    List<RouteState> states = new ArrayList<>();
    reported.forEach(reading -> states.add(reading.routeState()));
    String name = null;
    Impact impact = null;
    if (!incident.handledByPerson()) {
      Impact worst = incident.impact();
      for (RouteReading reading : reported) {
        worst = worse(worst, impact(reading.state()));
      }
      impact = worst == incident.impact() ? null : worst;
      if (!joining.isEmpty()) {
        List<String> names = new ArrayList<>();
        incident.affected().forEach(state -> names.add(nameOf(state.route(), readings)));
        joining.forEach(reading -> names.add(reading.name()));
        name = IncidentWording.title(names);
      }
    }
    return service.change(
        incident.id(),
        new NoticeChange(null, wording.body(reported), states, null, name, impact, null, null, null, true));
  }

  /**
   * The sentence naming the latest deploy of a failing route's service, when it was within
   * {@code deployWindow}: the question every on-call asks first. Empty without one.
   */
  private String afterDeploy(
      List<RouteReading> failing, Instant now, List<Deploy> deploys, boolean showVersions) {
    Set<String> services = new HashSet<>();
    failing.forEach(reading -> services.add(reading.route().service()));
    Deploy latest = null;
    for (Deploy deploy : deploys) {
      Duration since = Duration.between(deploy.at(), now);
      if (services.contains(deploy.service()) && !since.isNegative()
          && since.compareTo(settings.deployWindow()) <= 0
          && (latest == null || deploy.at().isAfter(latest.at()))) {
        latest = deploy;
      }
    }
    return latest == null ? ""
        : "\n" + IncidentWording.afterDeploy(
            showVersions ? latest.version() : null, Duration.between(latest.at(), now));
  }

  /** The affected routes whose state differs from what the incident last said. */
  private static List<RouteReading> changedRoutes(Notice incident, Map<RouteKey, RouteReading> readings) {
    List<RouteReading> changed = new ArrayList<>();
    for (RouteState state : incident.affected()) {
      RouteReading reading = readings.get(state.route());
      if (reading != null && reading.state() != state.state()) {
        changed.add(reading);
      }
    }
    return changed;
  }

  /** The newest open automatic incident one of whose routes failed less than groupWithin ago. */
  private Notice joinable(List<Notice> automatic, Map<RouteKey, RouteReading> readings, Instant now) {
    Notice newest = null;
    for (Notice incident : automatic) {
      Instant lastTrouble = lastTrouble(incident, readings, now);
      if (Duration.between(lastTrouble, now).compareTo(settings.groupWithin()) < 0) {
        newest = incident;
      }
    }
    return newest;
  }

  /** Now while one of its routes fails; else when the last of them stopped failing. */
  private Instant lastTrouble(Notice incident, Map<RouteKey, RouteReading> readings, Instant now) {
    Map<RouteKey, String> groups = new LinkedHashMap<>();
    for (RouteState state : incident.affected()) {
      RouteReading reading = readings.get(state.route());
      String group = reading == null ? "" : reading.group();
      groups.put(state.route(), group);
      Health latest = reading == null ? state.state() : reading.state();
      if (failing(group, latest)) {
        return now;
      }
    }
    Instant last = incident.createdAt();
    for (NoticeUpdate update : incident.updates()) {
      for (StateChange change : update.changes()) {
        String group = groups.getOrDefault(change.route(), "");
        if ((failing(group, change.before()) || failing(group, change.after()))
            && update.createdAt().isAfter(last)) {
          last = update.createdAt();
        }
      }
    }
    return last;
  }

  /** Whether no person took it over and every route has been operational for resolveAfter. */
  private boolean resolvable(Notice incident, Instant now) {
    if (incident.handledByPerson() || incident.affected().isEmpty()) {
      return false;
    }
    Instant cutoff = now.minus(settings.resolveAfter());
    for (RouteState state : incident.affected()) {
      if (state.state() != Health.OPERATIONAL || operationalSince(incident, state.route()).isAfter(cutoff)) {
        return false;
      }
    }
    return true;
  }

  /** When the incident last reported the route operational (updates are newest first). */
  private static Instant operationalSince(Notice incident, RouteKey route) {
    for (NoticeUpdate update : incident.updates()) {
      for (StateChange change : update.changes()) {
        if (change.route().equals(route)) {
          return update.createdAt();
        }
      }
    }
    return incident.createdAt();
  }

  private boolean failing(String group, Health state) {
    return settings.openOn(group).failing(state);
  }

  private static String nameOf(RouteKey route, Map<RouteKey, RouteReading> readings) {
    RouteReading reading = readings.get(route);
    return reading == null ? route.rule() : reading.name();
  }

  /** A degraded route is a minor incident, a partial outage major, a major outage critical. */
  static Impact impact(Health state) {
    return switch (state) {
      case DEGRADED -> Impact.MINOR;
      case PARTIAL_OUTAGE -> Impact.MAJOR;
      case MAJOR_OUTAGE -> Impact.CRITICAL;
      case OPERATIONAL, NO_DATA, MAINTENANCE -> Impact.NONE;
    };
  }

  private static Impact worse(Impact a, Impact b) {
    return b.ordinal() > a.ordinal() ? b : a;
  }
}
