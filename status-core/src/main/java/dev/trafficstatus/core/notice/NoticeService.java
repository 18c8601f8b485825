package dev.trafficstatus.core.notice;

import static dev.trafficstatus.spi.InvalidSettingException.text;

import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.notice.Impact;
import dev.trafficstatus.spi.notice.Notice;
import dev.trafficstatus.spi.notice.NoticeKind;
import dev.trafficstatus.spi.notice.NoticeStatus;
import dev.trafficstatus.spi.notice.NoticeUpdate;
import dev.trafficstatus.spi.notice.RouteState;
import dev.trafficstatus.spi.notice.StateChange;
import dev.trafficstatus.spi.Health;
import dev.trafficstatus.spi.store.ConcurrentChangeException;
import dev.trafficstatus.spi.store.EventType;
import dev.trafficstatus.spi.store.NoticeStore;
import dev.trafficstatus.spi.store.OutboxEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The one place notices change: people's changes through the API and the evaluator's alike. Each
 * operation builds the new notice (ids, times from its clock, status transitions, the update at the
 * head of the timeline), writes the outbox events it causes in the same store transaction, and
 * saves with the version it read; when someone else saved in between it reads the notice again and
 * re-applies the change, a few times, before it gives up ({@link ConcurrentChangeException}).
 *
 * <p>A person's update marks the notice handled by a person, after which the evaluator no longer
 * resolves it on its own (docs/ARCHITECTURE.md, "Round two").
 */
public final class NoticeService {

  private static final int ATTEMPTS = 3;

  private final NoticeStore store;
  private final Clock clock;
  private final NoticeIds ids;
  private final NoticePayloads payloads;
  private final Duration maxMaintenance;

  /**
   * @param store where notices are kept
   * @param clock what "now" is
   * @param ids where ids come from
   * @param payloads writes what each outbox event carries
   * @param maxMaintenance the longest maintenance window accepted
   */
  public NoticeService(
      NoticeStore store,
      Clock clock,
      NoticeIds ids,
      NoticePayloads payloads,
      Duration maxMaintenance) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.ids = Objects.requireNonNull(ids, "ids");
    this.payloads = Objects.requireNonNull(payloads, "payloads");
    this.maxMaintenance = Objects.requireNonNull(maxMaintenance, "maxMaintenance");
  }

  /**
   * One notice.
   *
   * @param id its id
   * @return the notice, or empty
   */
  public Optional<Notice> find(String id) {
    return store.find(id);
  }

  /**
   * Opens an incident.
   *
   * @param request what to open
   * @return the incident as stored
   * @throws InvalidNoticeException when the request cannot be honoured
   */
  public Notice open(NewIncident request) {
    if (request.status().kind() != NoticeKind.INCIDENT) {
      throw new InvalidNoticeException(
          "status must be one of investigating, identified, monitoring, resolved, postmortem");
    }
    if (request.impact() == Impact.MAINTENANCE) {
      throw new InvalidNoticeException("impact must be one of none, minor, major, critical");
    }
    Instant now = clock.instant();
    Instant started = request.startedAt() != null ? request.startedAt() : now;
    if (started.isAfter(now)) {
      throw new InvalidNoticeException("startedAt must not be in the future");
    }
    List<StateChange> changes = new ArrayList<>();
    for (RouteState state : request.affected()) {
      changes.add(new StateChange(state.route(), Health.OPERATIONAL, state.state()));
    }
    NoticeUpdate first =
        valid(() -> new NoticeUpdate(
            ids.next(), request.status(), request.body(), now, now, request.automatic(), changes));
    Notice incident =
        valid(() -> new Notice(
            ids.next(),
            NoticeKind.INCIDENT,
            request.name(),
            request.status(),
            request.impact(),
            request.automatic(),
            !request.automatic(),
            now,
            started,
            now,
            request.status() == NoticeStatus.MONITORING ? now : null,
            request.status().isOpen() ? null : now,
            null,
            null,
            distinct(request.affected()),
            List.of(first),
            0));
    List<EventType> types = new ArrayList<>(List.of(EventType.INCIDENT_OPENED));
    if (!incident.isOpen()) {
      types.add(EventType.INCIDENT_RESOLVED);
    }
    return store.save(incident, events(types, incident));
  }

  /**
   * Announces a maintenance. Its status follows from its window: scheduled before it, in progress
   * within it; a window entirely past is recorded as completed when a reason is given.
   *
   * @param request what to announce
   * @return the maintenance as stored
   * @throws InvalidNoticeException when the window is not acceptable
   * @throws ConcurrentChangeException when a notice already has the requested id
   */
  public Notice schedule(NewMaintenance request) {
    Instant now = clock.instant();
    checkWindow(request.scheduledFor(), request.scheduledUntil());
    boolean past = !request.scheduledUntil().isAfter(now);
    if (past && (request.backdatedReason() == null || request.backdatedReason().isBlank())) {
      throw new InvalidNoticeException(
          "the window lies entirely in the past; give backdatedReason to record a maintenance"
              + " after the fact");
    }
    NoticeStatus status =
        past
            ? NoticeStatus.COMPLETED
            : now.isBefore(request.scheduledFor()) ? NoticeStatus.SCHEDULED : NoticeStatus.IN_PROGRESS;
    String body =
        past ? request.body() + (request.body().isBlank() ? "" : "\n\n")
            + "Recorded after the fact: " + request.backdatedReason()
            : request.body();
    List<RouteState> affected = new ArrayList<>();
    for (RouteKey route : request.routes()) {
      affected.add(new RouteState(route, Health.OPERATIONAL));
    }
    NoticeUpdate first =
        valid(() -> new NoticeUpdate(ids.next(), status, body, now, now, request.automatic(), List.of()));
    Notice maintenance =
        valid(() -> new Notice(
            request.id() != null ? request.id() : ids.next(),
            NoticeKind.MAINTENANCE,
            request.name(),
            status,
            Impact.MAINTENANCE,
            request.automatic(),
            !request.automatic(),
            now,
            request.scheduledFor(),
            now,
            null,
            status.isOpen() ? null : now,
            request.scheduledFor(),
            request.scheduledUntil(),
            distinct(affected),
            List.of(first),
            0));
    List<EventType> types = new ArrayList<>(List.of(EventType.MAINTENANCE_SCHEDULED));
    if (status == NoticeStatus.IN_PROGRESS) {
      types.add(EventType.MAINTENANCE_STARTED);
    } else if (status == NoticeStatus.COMPLETED) {
      types.add(EventType.MAINTENANCE_COMPLETED);
    }
    return store.save(maintenance, events(types, maintenance));
  }

  /**
   * Changes a notice: adds an update to its timeline, changes its fields, or both.
   *
   * @param id the notice's id
   * @param change what to change; an automatic change that reports only route states or a status
   *     the notice already has changes nothing (another run made it first)
   * @return the notice as stored, or empty when there is no notice by that id
   * @throws InvalidNoticeException when the change cannot be made
   * @throws ConcurrentChangeException when others kept changing it meanwhile
   */
  public Optional<Notice> change(String id, NoticeChange change) {
    return saveChanged(id, notice -> apply(notice, change));
  }

  /**
   * Deletes a notice written by mistake, with its timeline. Nobody is notified.
   *
   * @param id the notice's id
   * @return whether a notice was deleted
   */
  public boolean delete(String id) {
    return store.delete(id, List.of());
  }

  private Optional<Notice> saveChanged(String id, UnaryOperator<Notice> changer) {
    ConcurrentChangeException last = null;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Optional<Notice> stored = store.find(id);
      if (stored.isEmpty()) {
        return Optional.empty();
      }
      Notice before = stored.get();
      Notice after = changer.apply(before);
      if (after == before) {
        return Optional.of(before);
      }
      try {
        return Optional.of(store.save(after, events(eventTypes(before, after), after)));
      } catch (ConcurrentChangeException raced) {
        last = raced;
      }
    }
    throw last;
  }

  private Notice apply(Notice notice, NoticeChange change) {
    Instant now = clock.instant();
    NoticeStatus status = change.status() != null ? change.status() : notice.status();
    if (status.kind() != notice.kind()) {
      throw new InvalidNoticeException(
          "status " + status.wireName() + " is not a status of "
              + (notice.kind() == NoticeKind.INCIDENT ? "an incident" : "a maintenance"));
    }
    Impact impact = change.impact() != null ? change.impact() : notice.impact();
    if ((impact == Impact.MAINTENANCE) != (notice.kind() == NoticeKind.MAINTENANCE)) {
      throw new InvalidNoticeException(
          notice.kind() == NoticeKind.INCIDENT
              ? "impact must be one of none, minor, major, critical"
              : "a maintenance's impact is maintenance");
    }
    Instant scheduledFor = notice.scheduledFor();
    Instant scheduledUntil = notice.scheduledUntil();
    if (change.scheduledFor() != null || change.scheduledUntil() != null) {
      if (notice.kind() != NoticeKind.MAINTENANCE) {
        throw new InvalidNoticeException("only a maintenance has a window");
      }
      scheduledFor = change.scheduledFor() != null ? change.scheduledFor() : scheduledFor;
      scheduledUntil = change.scheduledUntil() != null ? change.scheduledUntil() : scheduledUntil;
      checkWindow(scheduledFor, scheduledUntil);
    }
    Map<RouteKey, Health> states = new LinkedHashMap<>();
    notice.affected().forEach(state -> states.put(state.route(), state.state()));
    if (change.routes() != null) {
      Map<RouteKey, Health> kept = new LinkedHashMap<>();
      for (RouteKey route : change.routes()) {
        kept.put(route, states.getOrDefault(route, Health.OPERATIONAL));
      }
      states.clear();
      states.putAll(kept);
    }
    List<StateChange> changes = new ArrayList<>();
    for (RouteState reported : change.states()) {
      Health before = states.getOrDefault(reported.route(), Health.OPERATIONAL);
      states.put(reported.route(), reported.state());
      if (before != reported.state()) {
        changes.add(new StateChange(reported.route(), before, reported.state()));
      }
    }
    boolean statusChanged = status != notice.status();
    if (staleAutomatic(notice, change, statusChanged, changes)) {
      return notice;
    }
    if (change.body() == null && (statusChanged || !changes.isEmpty())) {
      throw new InvalidNoticeException("a change of status or of route states needs a body");
    }
    List<NoticeUpdate> updates = new ArrayList<>(notice.updates());
    if (change.body() != null) {
      Instant displayAt = change.displayAt() != null ? change.displayAt() : now;
      updates.add(
          0,
          valid(() -> new NoticeUpdate(
              ids.next(), status, change.body(), now, displayAt, change.automatic(), changes)));
    }
    List<RouteState> affected = new ArrayList<>();
    states.forEach((route, state) -> affected.add(new RouteState(route, state)));
    Instant monitoringAt =
        status == NoticeStatus.MONITORING && notice.monitoringAt() == null ? now : notice.monitoringAt();
    Instant resolvedAt = status.isOpen() ? null : notice.isOpen() ? now : notice.resolvedAt();
    boolean handled = notice.handledByPerson() || !change.automatic();
    Instant from = scheduledFor;
    Instant until = scheduledUntil;
    return valid(() -> new Notice(
        notice.id(),
        notice.kind(),
        change.name() != null ? change.name() : notice.name(),
        status,
        impact,
        notice.automatic(),
        handled,
        notice.createdAt(),
        notice.kind() == NoticeKind.MAINTENANCE ? from : notice.startedAt(),
        now,
        monitoringAt,
        resolvedAt,
        from,
        until,
        affected,
        updates,
        notice.version()));
  }

  /**
   * Whether an automatic change reports route states or a status that the notice already has: the
   * evaluator's news is old when another run made the same change first (a change retried after a
   * concurrent save, or a person resolved the incident first), and is then dropped, not repeated.
   */
  private static boolean staleAutomatic(
      Notice notice, NoticeChange change, boolean statusChanged, List<StateChange> changes) {
    return change.automatic()
        && (change.status() != null || !change.states().isEmpty())
        && !statusChanged
        && changes.isEmpty()
        && (change.name() == null || change.name().equals(notice.name()))
        && (change.impact() == null || change.impact() == notice.impact())
        && change.routes() == null
        && change.scheduledFor() == null
        && change.scheduledUntil() == null;
  }

  /** What a change from one state of a notice to another tells the notifiers. */
  private static List<EventType> eventTypes(Notice before, Notice after) {
    if (after.kind() == NoticeKind.INCIDENT) {
      return List.of(
          before.isOpen() && !after.isOpen()
              ? EventType.INCIDENT_RESOLVED
              : EventType.INCIDENT_UPDATED);
    }
    if (before.isOpen() && !after.isOpen()) {
      return List.of(EventType.MAINTENANCE_COMPLETED);
    }
    if (before.status() != NoticeStatus.IN_PROGRESS && after.status() == NoticeStatus.IN_PROGRESS) {
      return List.of(EventType.MAINTENANCE_STARTED);
    }
    return List.of(EventType.MAINTENANCE_UPDATED);
  }

  private List<OutboxEvent> events(List<EventType> types, Notice notice) {
    List<OutboxEvent> events = new ArrayList<>(types.size());
    for (EventType type : types) {
      events.add(
          new OutboxEvent(
              ids.next(), type, notice.id(), notice.updatedAt(), payloads.payload(type, notice)));
    }
    return events;
  }

  private void checkWindow(Instant from, Instant until) {
    if (!until.isAfter(from)) {
      throw new InvalidNoticeException("scheduledUntil must be after scheduledFor");
    }
    if (Duration.between(from, until).compareTo(maxMaintenance) > 0) {
      throw new InvalidNoticeException(
          "a maintenance window may last at most " + text(maxMaintenance)
              + " (status.maintenance.maxDuration)");
    }
  }

  /** The affected routes without repeats, the last state given for a route winning. */
  private static List<RouteState> distinct(List<RouteState> states) {
    Map<RouteKey, RouteState> byRoute = new LinkedHashMap<>();
    states.forEach(state -> byRoute.put(state.route(), state));
    return List.copyOf(byRoute.values());
  }

  /** Builds a record, turning what its checks refuse into a refusal the API passes on. */
  private static <T> T valid(java.util.function.Supplier<T> build) {
    try {
      return build.get();
    } catch (InvalidNoticeException refused) {
      throw refused;
    } catch (IllegalArgumentException refused) {
      throw new InvalidNoticeException(refused.getMessage());
    }
  }
}
