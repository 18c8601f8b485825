package dev.trafficstatus.server.statuspage;

import dev.trafficstatus.server.statuspage.StatuspageJson.AffectedComponentJson;
import dev.trafficstatus.server.statuspage.StatuspageJson.ComponentJson;
import dev.trafficstatus.server.statuspage.StatuspageJson.IncidentJson;
import dev.trafficstatus.server.statuspage.StatuspageJson.IncidentUpdateJson;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.notice.Notice;
import dev.trafficstatus.spi.notice.NoticeKind;
import dev.trafficstatus.spi.notice.NoticeUpdate;
import dev.trafficstatus.spi.notice.RouteState;
import dev.trafficstatus.spi.notice.StateChange;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A notice as Statuspage's incident object (with {@code scheduled_for} and {@code scheduled_until}
 * for maintenances). Which affected routes appear, and as which components, is the caller's: the
 * public API shows only the routes its page shows, the authenticated API and notifications all
 * (a route the page does not show has no group, position 0, and the notice's time as its own).
 */
public final class NoticeCodec {

  /** How an affected route appears: as a component, or not at all (null). */
  @FunctionalInterface
  public interface Components {

    /**
     * The component of an affected route.
     *
     * @param route the route, with the state the notice last gave it
     * @param asOf when the notice last changed, as text: what a route the page does not show was
     *     last heard of
     * @return its component, or null to leave it out
     */
    ComponentJson of(RouteState route, String asOf);
  }

  private final String pageId;
  private final String pageUrl;
  private final StatuspageTimes times;
  private final Components components;

  /**
   * @param pageId the page's id
   * @param pageUrl the page's absolute URL, for short links; null when unknown
   * @param zone the page's time zone
   * @param components how affected routes appear
   */
  public NoticeCodec(String pageId, String pageUrl, ZoneId zone, Components components) {
    this(pageId, pageUrl, new StatuspageTimes(zone), components);
  }

  NoticeCodec(String pageId, String pageUrl, StatuspageTimes times, Components components) {
    this.pageId = Objects.requireNonNull(pageId, "pageId");
    this.pageUrl = pageUrl;
    this.times = Objects.requireNonNull(times, "times");
    this.components = Objects.requireNonNull(components, "components");
  }

  /**
   * Components for every affected route: those a lookup knows, the others named by their rule.
   *
   * @param pageId the page's id
   * @param known the components of routes the page shows (or null for none)
   * @param names route names where known, else null
   * @return components that leave no route out
   */
  public static Components everyRoute(
      String pageId, Function<RouteKey, ComponentJson> known, Function<RouteKey, String> names) {
    return (state, asOf) -> {
      ComponentJson shown = known.apply(state.route());
      if (shown != null) {
        return shown;
      }
      String name = names.apply(state.route());
      return new ComponentJson(
          StatuspageIds.route(state.route()),
          name != null ? name : state.route().rule(),
          ComponentStatus.of(state.state()).wireName(),
          asOf,
          asOf,
          0,
          null,
          false,
          null,
          null,
          pageId,
          false,
          false,
          null,
          null);
    };
  }

  /**
   * The incident object.
   *
   * @param notice an incident or a maintenance
   * @return its JSON
   */
  public IncidentJson incident(Notice notice) {
    String asOf = times.format(notice.updatedAt());
    List<ComponentJson> affected = new ArrayList<>(notice.affected().size());
    for (RouteState state : notice.affected()) {
      ComponentJson component = components.of(state, asOf);
      if (component != null) {
        affected.add(component);
      }
    }
    List<IncidentUpdateJson> updates = new ArrayList<>(notice.updates().size());
    for (NoticeUpdate update : notice.updates()) {
      updates.add(update(notice, update));
    }
    boolean maintenance = notice.kind() == NoticeKind.MAINTENANCE;
    return new IncidentJson(
        notice.id(),
        notice.name(),
        notice.status().wireName(),
        notice.impact().wireName(),
        times.format(notice.createdAt()),
        times.format(notice.updatedAt()),
        times.format(notice.monitoringAt()),
        times.format(notice.resolvedAt()),
        times.format(notice.startedAt()),
        pageUrl == null ? null : pageUrl + "/incidents/" + notice.id(),
        pageId,
        updates,
        affected,
        maintenance ? times.format(notice.scheduledFor()) : null,
        maintenance ? times.format(notice.scheduledUntil()) : null);
  }

  private IncidentUpdateJson update(Notice notice, NoticeUpdate update) {
    List<AffectedComponentJson> changed = new ArrayList<>(update.changes().size());
    for (StateChange change : update.changes()) {
      ComponentJson component =
          components.of(new RouteState(change.route(), change.after()), times.format(update.createdAt()));
      if (component != null) {
        changed.add(new AffectedComponentJson(
            component.id(),
            component.name(),
            ComponentStatus.of(change.before()).wireName(),
            ComponentStatus.of(change.after()).wireName()));
      }
    }
    String created = times.format(update.createdAt());
    return new IncidentUpdateJson(
        update.id(),
        update.status().wireName(),
        update.body(),
        notice.id(),
        created,
        created,
        times.format(update.displayAt()),
        changed.isEmpty() ? null : changed,
        true);
  }
}
