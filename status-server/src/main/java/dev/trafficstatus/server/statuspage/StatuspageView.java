package dev.trafficstatus.server.statuspage;

import dev.trafficstatus.server.statuspage.StatuspageJson.ComponentJson;
import dev.trafficstatus.server.statuspage.StatuspageJson.ComponentsEnvelope;
import dev.trafficstatus.server.statuspage.StatuspageJson.IncidentJson;
import dev.trafficstatus.server.statuspage.StatuspageJson.IncidentsEnvelope;
import dev.trafficstatus.server.statuspage.StatuspageJson.MaintenancesEnvelope;
import dev.trafficstatus.server.statuspage.StatuspageJson.ObjectiveJson;
import dev.trafficstatus.server.statuspage.StatuspageJson.PageJson;
import dev.trafficstatus.server.statuspage.StatuspageJson.StatusEnvelope;
import dev.trafficstatus.server.statuspage.StatuspageJson.StatusJson;
import dev.trafficstatus.server.statuspage.StatuspageJson.SummaryJson;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.notice.Impact;
import dev.trafficstatus.spi.notice.Notice;
import dev.trafficstatus.spi.notice.NoticeKind;
import dev.trafficstatus.spi.notice.NoticeStatus;
import dev.trafficstatus.spi.page.DayStatus;
import dev.trafficstatus.spi.Health;
import dev.trafficstatus.spi.page.RouteGroup;
import dev.trafficstatus.spi.page.RouteStatus;
import dev.trafficstatus.spi.page.StatusPage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The Statuspage API's answers, projected from one page model: the routes the page shows as
 * components (each group a component with its routes), the notices it tells about as incidents
 * and scheduled maintenances. Never reads a store; built once per version of the page's figures.
 *
 * <p>A route's component status follows from its state on the page ({@link ComponentStatus}), so
 * the API and the page never disagree. {@code status.indicator} is the worst of the components' statuses and the open incidents'
 * impacts (README, "The Statuspage API"): a degraded route or a minor incident is {@code minor}
 * ("Minor Service Outage"), a partial outage or a major incident {@code major} ("Partial System
 * Outage"), a major outage or a critical incident {@code critical} ("Major Service Outage");
 * otherwise {@code none}: "Service Under Maintenance" while a maintenance runs, else "All Systems
 * Operational".
 */
public final class StatuspageView {

  /** The most notices a list of all incidents or all maintenances holds, as Statuspage's. */
  static final int LIST_LIMIT = 50;

  private static final String[] DESCRIPTIONS = {
    "All Systems Operational", "Minor Service Outage", "Partial System Outage", "Major Service Outage"
  };
  private static final String[] INDICATORS = {"none", "minor", "major", "critical"};

  private final PageJson page;
  private final List<ComponentJson> components;
  private final Map<RouteKey, ComponentJson> byRoute;
  private final Map<String, ComponentJson> byId;
  private final Map<String, ComponentStatus> statuses;
  private final StatusPage model;
  private final NoticeCodec codec;
  private final StatusJson status;

  /**
   * @param model the page model
   * @param pageId the page's id
   * @param url the page's absolute URL
   */
  public StatuspageView(StatusPage model, String pageId, String url) {
    this.model = model;
    StatuspageTimes times = new StatuspageTimes(model.zone());
    String updated = times.format(model.generatedAt());
    this.page = new PageJson(pageId, model.title(), url, model.zone().getId(), updated);
    this.components = new ArrayList<>();
    this.byRoute = new HashMap<>();
    this.byId = new HashMap<>();
    this.statuses = new HashMap<>();
    int position = 0;
    int worstRoute = 0;
    for (RouteGroup group : model.groups()) {
      String groupId = StatuspageIds.group(group.name());
      int headingAt = components.size();
      components.add(null);
      position++;
      int headingPosition = position;
      ComponentStatus worst = ComponentStatus.OPERATIONAL;
      List<String> children = new ArrayList<>(group.routes().size());
      for (RouteStatus route : group.routes()) {
        ComponentStatus state = ComponentStatus.of(route.current());
        worst = worst.worse(state);
        worstRoute = Math.max(worstRoute, state.severity());
        String firstDay = firstDayWithRequests(route);
        ComponentJson component = new ComponentJson(
            StatuspageIds.route(route.key()),
            route.name(),
            state.wireName(),
            firstDay == null ? updated : times.startOf(LocalDate.parse(firstDay)),
            updated,
            ++position,
            route.doc().isEmpty() ? null : route.doc(),
            true,
            firstDay,
            groupId,
            pageId,
            false,
            false,
            null,
            objectives(model, route));
        components.add(component);
        byRoute.put(route.key(), component);
        byId.put(component.id(), component);
        statuses.put(component.id(), state);
        children.add(component.id());
      }
      ComponentJson heading = new ComponentJson(groupId, group.name(), worst.wireName(), updated, updated,
          headingPosition, null, false, null, null, pageId, true, false, children, null);
      components.set(headingAt, heading);
      byId.put(groupId, heading);
      statuses.put(groupId, worst);
    }
    this.codec = new NoticeCodec(pageId, url, times, (state, asOf) -> byRoute.get(state.route()));
    this.status = status(worstRoute, model.notices(), maintenanceActive(model));
  }

  /** The objectives covering a route, or null (the key left out) when none does. */
  private static List<ObjectiveJson> objectives(StatusPage model, RouteStatus route) {
    List<ObjectiveJson> objectives = model.objectivesOf(route.key()).stream()
        .map(objective -> new ObjectiveJson(objective.name(), objective.indicator(), objective.targetPercent(),
            objective.attainmentPercent(), objective.remainingPercent(), objective.currentBurn(),
            objective.alerting()))
        .toList();
    return objectives.isEmpty() ? null : objectives;
  }

  private static String firstDayWithRequests(RouteStatus route) {
    for (DayStatus day : route.days()) {
      if (day.requests() > 0) {
        return day.day().toString();
      }
    }
    return null;
  }

  private static boolean running(Notice notice) {
    return notice.status() == NoticeStatus.IN_PROGRESS || notice.status() == NoticeStatus.VERIFYING;
  }

  /** Whether the page reads "Service Under Maintenance": a maintenance runs, nothing is worse. */
  private static boolean maintenanceActive(StatusPage model) {
    return model.overall() == Health.MAINTENANCE;
  }

  private static StatusJson status(int worstRoute, List<Notice> notices, boolean maintenance) {
    int level = worstRoute;
    for (Notice notice : notices) {
      if (notice.kind() == NoticeKind.INCIDENT && notice.isOpen()) {
        level = Math.max(level, level(notice.impact()));
      }
    }
    String description = level == 0 && maintenance ? "Service Under Maintenance" : DESCRIPTIONS[level];
    return new StatusJson(INDICATORS[level], description);
  }

  private static int level(Impact impact) {
    return switch (impact) {
      case NONE, MAINTENANCE -> 0;
      case MINOR -> 1;
      case MAJOR -> 2;
      case CRITICAL -> 3;
    };
  }

  /**
   * The page object.
   *
   * @return the page
   */
  public PageJson page() {
    return page;
  }

  /**
   * A component by id: a route's or a group's.
   *
   * @param id the id
   * @return the component, or null
   */
  public ComponentJson component(String id) {
    return byId.get(id);
  }

  /**
   * A component's status by id.
   *
   * @param id a route's or a group's id
   * @return the status, or null when no component has the id
   */
  public ComponentStatus statusOf(String id) {
    return statuses.get(id);
  }

  /**
   * The rolled-up state.
   *
   * @return the indicator and its description
   */
  public StatusJson rolledUp() {
    return status;
  }

  /**
   * {@code summary.json}.
   *
   * @return the summary
   */
  public SummaryJson summary() {
    return new SummaryJson(page, components, incidents(Notice::isOpen, false),
        maintenances(Notice::isOpen, false), status);
  }

  /**
   * {@code status.json}.
   *
   * @return the page and its state
   */
  public StatusEnvelope status() {
    return new StatusEnvelope(page, status);
  }

  /**
   * {@code components.json}.
   *
   * @return every route and group
   */
  public ComponentsEnvelope components() {
    return new ComponentsEnvelope(page, components);
  }

  /**
   * {@code incidents.json}: the most recent incidents the page tells about.
   *
   * @return at most {@value #LIST_LIMIT} incidents, newest first
   */
  public IncidentsEnvelope incidents() {
    return new IncidentsEnvelope(page, incidents(notice -> true, true));
  }

  /**
   * {@code incidents/unresolved.json}.
   *
   * @return the open incidents, newest first
   */
  public IncidentsEnvelope unresolved() {
    return new IncidentsEnvelope(page, incidents(Notice::isOpen, false));
  }

  /**
   * {@code scheduled-maintenances.json}: the most recent maintenances the page tells about.
   *
   * @return at most {@value #LIST_LIMIT}, latest window first
   */
  public MaintenancesEnvelope maintenances() {
    return new MaintenancesEnvelope(page, maintenances(notice -> true, true));
  }

  /**
   * {@code scheduled-maintenances/upcoming.json}.
   *
   * @return maintenances whose window has not begun, soonest first
   */
  public MaintenancesEnvelope upcoming() {
    List<Notice> upcoming = notices(NoticeKind.MAINTENANCE,
        notice -> notice.status() == NoticeStatus.SCHEDULED);
    upcoming.sort(Comparator.comparing(Notice::scheduledFor).thenComparing(Notice::id));
    return new MaintenancesEnvelope(page, upcoming.stream().map(codec::incident).toList());
  }

  /**
   * {@code scheduled-maintenances/active.json}.
   *
   * @return maintenances whose window is running (in progress or verifying)
   */
  public MaintenancesEnvelope active() {
    return new MaintenancesEnvelope(page, maintenances(StatuspageView::running, false));
  }

  private List<IncidentJson> incidents(Predicate<Notice> which, boolean limited) {
    List<Notice> incidents = notices(NoticeKind.INCIDENT, which);
    incidents.sort(Comparator.comparing(Notice::createdAt).reversed().thenComparing(Notice::id));
    return (limited ? incidents.stream().limit(LIST_LIMIT) : incidents.stream())
        .map(codec::incident).toList();
  }

  private List<IncidentJson> maintenances(Predicate<Notice> which, boolean limited) {
    List<Notice> maintenances = notices(NoticeKind.MAINTENANCE, which);
    maintenances.sort(Comparator.comparing(Notice::scheduledFor).reversed().thenComparing(Notice::id));
    return (limited ? maintenances.stream().limit(LIST_LIMIT) : maintenances.stream())
        .map(codec::incident).toList();
  }

  private List<Notice> notices(NoticeKind kind, Predicate<Notice> which) {
    List<Notice> chosen = new ArrayList<>();
    for (Notice notice : model.notices()) {
      if (notice.kind() == kind && which.test(notice)) {
        chosen.add(notice);
      }
    }
    return chosen;
  }
}
