package dev.trafficstatus.core.evaluate;

import dev.trafficstatus.core.notice.NoticeService;
import dev.trafficstatus.core.objective.ObjectiveAlerts;
import dev.trafficstatus.core.objective.ObjectiveEvaluation;
import dev.trafficstatus.core.objective.ObjectiveSettings;
import dev.trafficstatus.core.status.HealthPolicy;
import dev.trafficstatus.core.status.MaintenanceSpans;
import dev.trafficstatus.core.status.MaintenanceSpans.Span;
import dev.trafficstatus.core.status.RecentTallies;
import dev.trafficstatus.core.status.ShownRoutes;
import dev.trafficstatus.core.status.SlowRoutes;
import dev.trafficstatus.spi.Lifecycle;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.notice.Notice;
import dev.trafficstatus.spi.store.Deploy;
import dev.trafficstatus.spi.store.InstanceStore;
import dev.trafficstatus.spi.store.NoticeStore;
import dev.trafficstatus.spi.store.StatusStore;
import dev.trafficstatus.spi.store.StoreException;
import dev.trafficstatus.spi.store.StoredRoute;
import dev.trafficstatus.spi.store.Tally;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Turns the traffic into notices, once a minute, in one process at a time across every process
 * sharing the database ({@link StatusStore#runExclusive}, duty {@value #DUTY}): moves maintenances
 * at their windows' edges and announces the configured recurring ones ({@link
 * MaintenanceScheduler}), records what running windows hold ({@link MaintenanceTallies}), opens,
 * updates and resolves automatic incidents ({@link AutoIncidents}), writes an event when a route's
 * state changes ({@link RouteStateEvents}), and judges the objectives' burn-rate alerts ({@link
 * ObjectiveAlerts}). See docs/ARCHITECTURE.md,
 * "Round two".
 *
 * <p>It keeps nothing between runs that matters: each run reads the open notices and the minute
 * figures and writes only what differs, each notice change in one transaction with its outbox
 * events (through {@link NoticeService}). A run that dies half-way leaves whole changes behind, and
 * the next run, in any process, picks up from them. Its cost does not grow with history: it reads
 * the open notices, those closed within the last day or so, and a few minutes of figures (closed
 * notices past retention are deleted by the store's maintenance).
 *
 * <p>It runs on its own daemon thread, {@value #THREAD_NAME}, {@link #PHASE} after each minute by
 * its clock, after every instance has flushed the minute before; tests call {@link
 * #evaluateOnce()} with a clock they move.
 */
public final class Evaluator implements Lifecycle {

  /** The thread's name. */
  public static final String THREAD_NAME = "trafficstatus-evaluator";

  /** The duty's name for {@link StatusStore#runExclusive}. */
  public static final String DUTY = "evaluator";

  /** When in each minute it runs: after flushes, which end by 12 s past the minute. */
  public static final Duration PHASE = Duration.ofSeconds(20);

  /** How long after a window closed its tallies are summed again, for late flushes. */
  static final Duration SETTLE = Duration.ofHours(1);

  private final StatusStore store;
  private final NoticeService notices;
  private final HealthPolicy policy;
  private final ShownRoutes shown;
  private final IncidentSettings incidents;
  private final MaintenanceWindowSettings maintenance;
  private final Clock clock;
  private final System.Logger log;
  private final MaintenanceScheduler scheduler;
  private final AutoIncidents autoIncidents;
  private final RecentTallies recent;
  private final SlowRoutes slow;
  /** Null without objectives. */
  private final ObjectiveAlerts objectiveAlerts;
  /** Null when the store keeps no outbox. */
  private final RouteStateEvents routeEvents;

  private ScheduledExecutorService executor;
  private boolean failing;
  private boolean rangesUnsupportedLogged;
  private boolean routeStatesUnsupportedLogged;

  /**
   * @param store the store (its notices and figures)
   * @param notices the one writer of notices
   * @param policy the page's thresholds
   * @param shown the page's rule for shown routes: incidents name shown routes only
   * @param incidents when the traffic opens incidents
   * @param maintenance the planned maintenance settings
   * @param service this process's service, part of recurring windows' ids
   * @param clock what "now" is
   * @param log where changes (info) and failures (once per outage) are logged
   */
  public Evaluator(
      StatusStore store,
      NoticeService notices,
      HealthPolicy policy,
      ShownRoutes shown,
      IncidentSettings incidents,
      MaintenanceWindowSettings maintenance,
      String service,
      Clock clock,
      System.Logger log) {
    this(store, notices, policy, shown, incidents, maintenance, ObjectiveSettings.defaults(), service, clock, log);
  }

  /**
   * @param store the store (its notices and figures)
   * @param notices the one writer of notices
   * @param policy the page's thresholds
   * @param shown the page's rule for shown routes: incidents name shown routes only
   * @param incidents when the traffic opens incidents
   * @param maintenance the planned maintenance settings
   * @param objectives the objectives whose burn-rate alerts it judges
   * @param service this process's service, part of recurring windows' ids
   * @param clock what "now" is
   * @param log where changes (info) and failures (once per outage) are logged
   */
  public Evaluator(
      StatusStore store,
      NoticeService notices,
      HealthPolicy policy,
      ShownRoutes shown,
      IncidentSettings incidents,
      MaintenanceWindowSettings maintenance,
      ObjectiveSettings objectives,
      String service,
      Clock clock,
      System.Logger log) {
    this.store = Objects.requireNonNull(store, "store");
    this.notices = Objects.requireNonNull(notices, "notices");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.shown = Objects.requireNonNull(shown, "shown");
    this.incidents = Objects.requireNonNull(incidents, "incidents");
    this.maintenance = Objects.requireNonNull(maintenance, "maintenance");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.log = Objects.requireNonNull(log, "log");
    this.scheduler = new MaintenanceScheduler(notices, maintenance, Objects.requireNonNull(service, "service"));
    this.autoIncidents =
        new AutoIncidents(notices, incidents, new IncidentWording(incidents.window(), policy.minimumRequests()));
    this.recent = new RecentTallies(store);
    this.slow = objectives.slowRoutes();
    this.objectiveAlerts = objectives.objectives().isEmpty()
        ? null
        : new ObjectiveAlerts(new ObjectiveEvaluation(store, objectives, policy.minimumRequests()), notices,
            store.outbox(), incidents.enabled());
    this.routeEvents = store.outbox().map(RouteStateEvents::new).orElse(null);
  }

  /**
   * Evaluates once, now, unless another process is evaluating.
   *
   * @return what was done; {@link EvaluationReport#skipped()} when another process held the duty
   *     or the store keeps no notices
   * @throws dev.trafficstatus.spi.store.StoreException when the store fails; what was written
   *     before stays, whole
   */
  public EvaluationReport evaluateOnce() {
    Optional<NoticeStore> kept = store.notices();
    if (kept.isEmpty()) {
      return EvaluationReport.skipped();
    }
    return store
        .runExclusive(DUTY, () -> evaluate(kept.get(), clock.instant()))
        .orElse(EvaluationReport.skipped());
  }

  private EvaluationReport evaluate(NoticeStore kept, Instant now) {
    EvaluationReport.Builder report = new EvaluationReport.Builder();
    Duration lookback = maintenance.maxDuration().plus(SETTLE).plus(SETTLE);
    Map<String, Notice> current = scheduler.run(kept.current(now.minus(lookback)), now, report);
    List<Notice> notices = new ArrayList<>(current.values());
    MaintenanceSpans spans = MaintenanceSpans.of(notices);
    recordTallies(kept, current, spans, now, report);
    Map<RouteKey, RouteReading> readings =
        incidents.enabled() || routeEvents != null ? readings(now, spans) : Map.of();
    if (incidents.enabled()) {
      autoIncidents.run(now, readings, notices, recentDeploys(now), shown.showsVersions(), report);
    }
    if (routeEvents != null) {
      announceStateChanges(now, readings, report);
    }
    if (objectiveAlerts != null) {
      judgeObjectives(now, notices, spans, report);
    }
    return report.build();
  }

  /** Running windows, and windows closed within {@link #SETTLE}, recorded again. */
  private void recordTallies(
      NoticeStore kept, Map<String, Notice> current, MaintenanceSpans spans, Instant now,
      EvaluationReport.Builder report) {
    MaintenanceTallies tallies = new MaintenanceTallies(store, kept);
    Instant settled = now.minus(SETTLE);
    try {
      for (Span span : spans.all()) {
        Notice notice = current.get(span.noticeId());
        if (notice.isOpen() || !notice.updatedAt().isBefore(settled)) {
          report.windowTallies += tallies.record(span, spans.all(), now);
        }
      }
    } catch (UnsupportedOperationException noRanges) {
      if (!rangesUnsupportedLogged) {
        rangesUnsupportedLogged = true;
        log.log(Level.WARNING, "The store cannot sum time ranges ({0}): requests inside maintenance"
            + " windows count in uptime", noRanges.getMessage());
      }
    }
  }

  /** After the incidents, so a failing route's incident is written before its state event. */
  private void announceStateChanges(
      Instant now, Map<RouteKey, RouteReading> readings, EvaluationReport.Builder report) {
    try {
      report.routeStateEvents += routeEvents.run(now, readings);
    } catch (UnsupportedOperationException noStates) {
      if (!routeStatesUnsupportedLogged) {
        routeStatesUnsupportedLogged = true;
        log.log(Level.INFO, "The store keeps no route states ({0}): no route.state_changed events",
            noStates.getMessage());
      }
    }
  }

  private void judgeObjectives(
      Instant now, List<Notice> notices, MaintenanceSpans spans, EvaluationReport.Builder report) {
    try {
      ObjectiveAlerts.Outcome outcome = objectiveAlerts.run(now, notices, spans);
      report.objectiveIncidentsOpened += outcome.opened();
      report.objectiveIncidentsResolved += outcome.resolved();
      report.objectiveEvents += outcome.events();
    } catch (UnsupportedOperationException noRanges) {
      if (!rangesUnsupportedLogged) {
        rangesUnsupportedLogged = true;
        log.log(Level.WARNING, "The store cannot sum time ranges ({0}): objectives are not judged",
            noRanges.getMessage());
      }
    }
  }

  /** The shown routes outside running maintenance, judged over the window. */
  /**
   * The deploys within {@code deployWindow} before now; none when the store keeps no instances or
   * cannot list them now (an incident is opened all the same, without the sentence).
   */
  private List<Deploy> recentDeploys(Instant now) {
    Optional<InstanceStore> instances = store.instances();
    if (instances.isEmpty() || incidents.deployWindow().isZero()) {
      return List.of();
    }
    try {
      return instances.get().deploys(now.minus(incidents.deployWindow()), now.plusMillis(1));
    } catch (StoreException unreadable) {
      return List.of();
    }
  }

  private Map<RouteKey, RouteReading> readings(Instant now, MaintenanceSpans spans) {
    Map<RouteKey, Tally> tallies = recent.read(now.minus(incidents.window()), now, spans);
    Map<RouteKey, RouteReading> readings = new HashMap<>();
    for (StoredRoute route : store.routes()) {
      if (!shown.shows(route) || spans.inProgress(route.key())) {
        continue;
      }
      Tally tally = tallies.getOrDefault(route.key(), Tally.empty());
      readings.put(
          route.key(),
          new RouteReading(route.key(), route.name(), route.group(),
              slow.judge(route, tally, policy.health(tally.success(), tally.failure())), tally));
    }
    return readings;
  }

  private void evaluateQuietly() {
    try {
      EvaluationReport report = evaluateOnce();
      if (failing) {
        failing = false;
        log.log(Level.INFO, "The evaluator works again");
      }
      if (report.changedNotices()) {
        log.log(Level.INFO, "Evaluator: {0}", report);
      }
    } catch (RuntimeException failure) {
      // The next minute's run starts over from what is stored; log the outage once.
      if (!failing) {
        failing = true;
        log.log(Level.WARNING, "The evaluator failed; it tries again every minute", failure);
      }
    }
  }

  /** Starts the thread; the first run is at the next phase. */
  @Override
  public synchronized void start() {
    if (executor != null) {
      return;
    }
    executor =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, THREAD_NAME);
              thread.setDaemon(true);
              return thread;
            });
    scheduleNext(executor);
  }

  private void scheduleNext(ScheduledExecutorService on) {
    on.schedule(
        () -> {
          try {
            evaluateQuietly();
          } finally {
            if (!on.isShutdown()) {
              scheduleNext(on);
            }
          }
        },
        untilNextPhase(clock.millis()),
        TimeUnit.MILLISECONDS);
  }

  /** Milliseconds from an instant to the next {@link #PHASE} past a minute. */
  static long untilNextPhase(long nowMillis) {
    long minute = 60_000L;
    long next = Math.floorDiv(nowMillis, minute) * minute + PHASE.toMillis();
    if (next <= nowMillis) {
      next += minute;
    }
    return next - nowMillis;
  }

  /** Stops the thread, waiting for a run in progress a little. */
  @Override
  public synchronized void stop() throws InterruptedException {
    if (executor != null) {
      executor.shutdownNow();
      executor.awaitTermination(10, TimeUnit.SECONDS);
      executor = null;
    }
  }
}
