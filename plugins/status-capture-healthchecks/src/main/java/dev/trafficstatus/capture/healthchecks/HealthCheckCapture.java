package dev.trafficstatus.capture.healthchecks;

import com.codahale.metrics.health.HealthCheckRegistry;
import dev.trafficstatus.spi.RouteDescriptor;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.capture.Capture;
import dev.trafficstatus.spi.capture.Recorder;
import dev.trafficstatus.spi.capture.RouteRecorder;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * Runs the selected health checks once per round and records each on a route of its own, declared
 * the first time the check is seen.
 *
 * <p>Threads: one scheduler thread starts a round every interval ({@link #runRound()}, which tests
 * call directly) and ends the checks that outlast their timeout; at most {@code maxConcurrency}
 * pool threads run the checks. A round only hands checks to the pool, so neither a slow check nor
 * a full pool ever delays the round or the other checks' deadlines. All are daemon threads with
 * names of their own; pool threads end when idle.
 *
 * <p>A check that outlasts its timeout is a failure, and its thread is interrupted. A check still
 * waiting for a thread or running when its next round comes skips that round (logged once, then
 * counted) rather than running twice; if by then it has been running longer than its timeout,
 * that round is a failure too, so a check that hangs for good reads as down, not as no data.
 */
final class HealthCheckCapture implements Capture {

  private static final System.Logger LOG = System.getLogger(HealthCheckCapture.class.getName());

  private static final String RULE_PREFIX = "healthcheck:";

  /** Names listed by {@link #describe()} at most. */
  private static final int NAMES_DESCRIBED = 10;

  /** How long {@link #stop()} waits for its threads to end, in seconds. */
  private static final long STOP_WAIT_SECONDS = 5;

  private final HealthCheckRegistry registry;
  private final CheckSelection selection;
  private final CheckSchedule schedule;
  private final String service;
  private final Recorder recorder;
  private final ScheduledThreadPoolExecutor scheduler;
  private final ThreadPoolExecutor checkThreads;
  private final Map<String, CheckRun> runs = new ConcurrentHashMap<>();
  private final Set<String> unusableNames = ConcurrentHashMap.newKeySet();
  private final LongAdder skippedRounds = new LongAdder();
  private final AtomicBoolean skipLogged = new AtomicBoolean();
  private final AtomicBoolean started = new AtomicBoolean();
  private volatile boolean stopped;

  /**
   * Prepares the threads (none runs before the first check) and declares nothing yet.
   *
   * @param registry where the checks are
   * @param selection which checks run
   * @param schedule when they run
   * @param service the service the routes belong to
   * @param recorder where results are recorded
   */
  HealthCheckCapture(
      HealthCheckRegistry registry,
      CheckSelection selection,
      CheckSchedule schedule,
      String service,
      Recorder recorder) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.selection = Objects.requireNonNull(selection, "selection");
    this.schedule = Objects.requireNonNull(schedule, "schedule");
    this.service = Objects.requireNonNull(service, "service");
    this.recorder = Objects.requireNonNull(recorder, "recorder");
    this.scheduler = schedule.schedulerThread();
    this.checkThreads = schedule.checkThreads();
  }

  @Override
  public String describe() {
    String which =
        selection.include().isEmpty()
            ? "every health check of the host but " + HealthCheckCaptureFactory.BUNDLE_PREFIX + "*"
                + (selection.exclude().isEmpty() ? "" : " and " + sorted(selection.exclude()))
            : "the health checks " + sorted(selection.include());
    List<String> selected = registry.getNames().stream().filter(selection::runs).toList();
    return which
        + ", every " + schedule.interval()
        + ", each within " + schedule.timeout()
        + ", at most " + schedule.maxConcurrency() + " at a time ("
        + (selected.isEmpty()
            ? "none registered yet"
            : selected.size() + " now: "
                + selected.stream().limit(NAMES_DESCRIBED).collect(Collectors.joining(", "))
                + (selected.size() > NAMES_DESCRIBED
                    ? " and " + (selected.size() - NAMES_DESCRIBED) + " more"
                    : ""))
        + ")";
  }

  /**
   * Declares the routes of the checks registered now, so the page lists them from the start, and
   * runs a round every interval, the first one interval from now.
   */
  @Override
  public void start() {
    if (stopped || !started.compareAndSet(false, true)) {
      throw new IllegalStateException("a health check capture starts once");
    }
    for (String name : registry.getNames()) {
      if (selection.runs(name)) {
        runFor(name);
      }
    }
    long every = schedule.interval().toNanoseconds();
    scheduler.scheduleAtFixedRate(this::runRound, every, every, TimeUnit.NANOSECONDS);
  }

  /**
   * Stops the rounds, interrupts the checks still running (nothing is recorded for them: the
   * check did not fail, we stopped it) and waits a bounded time for the threads to end.
   */
  @Override
  public void stop() throws InterruptedException {
    stopped = true;
    scheduler.shutdownNow();
    checkThreads.shutdownNow();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STOP_WAIT_SECONDS);
    boolean ended =
        scheduler.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)
            && checkThreads.awaitTermination(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
    if (!ended) {
      LOG.log(
          Level.WARNING,
          "Health check threads were still running " + STOP_WAIT_SECONDS + "s after stopping (a"
              + " check that ignores interruption); they are daemon threads and end with the"
              + " process");
    }
  }

  /**
   * One round: hands every selected check that is not still busy from an earlier round to the
   * pool, declaring the routes of checks seen for the first time. Never waits for a check. Called
   * by the schedule every interval; tests call it directly.
   */
  void runRound() {
    if (stopped) {
      return;
    }
    for (String name : registry.getNames()) {
      // One check's trouble must not cost the others their round, nor the schedule its future.
      try {
        if (selection.runs(name)) {
          CheckRun run = runFor(name);
          if (run != null) {
            run.due();
          }
        }
      } catch (RuntimeException bug) {
        recorder.failed(bug);
      }
    }
  }

  /** Rounds skipped because the check was still waiting for a thread or running. */
  long skippedRounds() {
    return skippedRounds.sum();
  }

  /** The check's run, declaring its route on first sight; null when its name cannot be shown. */
  private CheckRun runFor(String name) {
    CheckRun known = runs.get(name);
    if (known != null) {
      return known;
    }
    if (!CheckSelection.recordable(name)) {
      if (unusableNames.add(name)) {
        LOG.log(
            Level.WARNING,
            "Health check '" + CheckSelection.printable(name) + "' is not recorded: a name on"
                + " the status page is 1 to " + CheckSelection.NAME_LIMIT + " characters, not"
                + " blank, without control characters");
      }
      return null;
    }
    return runs.computeIfAbsent(
        name,
        n ->
            new CheckRun(
                n,
                recorder.route(
                    new RouteDescriptor(
                        new RouteKey(service, RULE_PREFIX + n),
                        n,
                        "",
                        HealthCheckCaptureFactory.GROUP))));
  }

  private void skipped(CheckRun run) {
    skippedRounds.increment();
    if (skipLogged.compareAndSet(false, true)) {
      LOG.log(
          Level.WARNING,
          "Health check '" + run.name + "' skipped a round: its previous run was still waiting for"
              + " a free thread or running. Further skips are only counted; raise maxConcurrency"
              + " (now " + schedule.maxConcurrency() + ") or shorten the timeout.");
    }
  }

  /** Records on a route without letting a broken pipeline take a thread or a round with it. */
  private void record(Runnable verdict) {
    try {
      verdict.run();
    } catch (RuntimeException broken) {
      recorder.failed(broken);
    }
  }

  private static String sorted(Set<String> names) {
    return names.stream().sorted().collect(Collectors.joining(", "));
  }

  /** How a check's run ended. */
  private enum Outcome {
    HEALTHY,
    UNHEALTHY,
    /** Unregistered between the round listing it and its run: nothing to say about it. */
    GONE
  }

  /** One check and what it needs per round; {@code busy} while it waits for a thread or runs. */
  private final class CheckRun {
    final String name;
    final RouteRecorder route;
    final AtomicBoolean busy = new AtomicBoolean();
    volatile Attempt current;

    CheckRun(String name, RouteRecorder route) {
      this.name = name;
      this.route = route;
    }

    /** This check's turn in a round. */
    void due() {
      if (!busy.compareAndSet(false, true)) {
        Attempt running = current;
        if (running != null) {
          running.overdueRound();
        }
        skipped(this);
        return;
      }
      Attempt attempt = new Attempt(this);
      current = attempt;
      try {
        attempt.task(checkThreads.submit(attempt::run));
      } catch (RejectedExecutionException stopping) {
        current = null;
        busy.set(false);
      }
    }
  }

  /**
   * One run of one check. Its verdict is recorded exactly once, whichever comes first: the check's
   * result or its deadline; stopping records none.
   */
  private final class Attempt {
    private final CheckRun run;
    private final AtomicBoolean settled = new AtomicBoolean();
    private volatile long startedNanos;
    private volatile boolean running;
    private volatile Future<?> task;
    private volatile Future<?> deadline;

    Attempt(CheckRun run) {
      this.run = run;
    }

    void task(Future<?> submitted) {
      task = submitted;
    }

    /** On a pool thread: runs the check and records its result, unless the deadline came first. */
    void run() {
      Outcome outcome = Outcome.UNHEALTHY;
      try {
        if (stopped) {
          settled.set(true);
          return;
        }
        startedNanos = System.nanoTime();
        running = true;
        deadline =
            scheduler.schedule(
                this::timedOut, schedule.timeout().toNanoseconds(), TimeUnit.NANOSECONDS);
        outcome = check();
      } catch (RejectedExecutionException stopping) {
        settled.set(true);
      } finally {
        // Also after an Error thrown by the check: it counts as unhealthy. The check is free to
        // run again before its verdict is recorded, so whoever sees the verdict may run it again.
        long took = System.nanoTime() - startedNanos;
        running = false;
        Future<?> timer = deadline;
        if (timer != null) {
          timer.cancel(false);
        }
        run.current = null;
        run.busy.set(false);
        Outcome result = outcome;
        settle(
            () -> {
              switch (result) {
                case HEALTHY -> run.route.recordSuccess(took);
                case UNHEALTHY -> run.route.recordFailure(took);
                case GONE -> {}
              }
            });
      }
    }

    /**
     * The registry runs the check and turns what it throws into an unhealthy result; the result's
     * message is never looked at.
     */
    private Outcome check() {
      try {
        return registry.runHealthCheck(run.name).isHealthy() ? Outcome.HEALTHY : Outcome.UNHEALTHY;
      } catch (NoSuchElementException unregistered) {
        return Outcome.GONE;
      } catch (RuntimeException thrown) {
        return Outcome.UNHEALTHY;
      }
    }

    /** On the scheduler thread: the check outlasted its timeout. */
    void timedOut() {
      long took = System.nanoTime() - startedNanos;
      settle(() -> run.route.recordFailure(took));
      Future<?> submitted = task;
      if (submitted != null) {
        submitted.cancel(true);
      }
    }

    /** A round found this run still going: past its timeout, that round fails too. */
    void overdueRound() {
      if (!running || stopped) {
        return;
      }
      long took = System.nanoTime() - startedNanos;
      if (took > schedule.timeout().toNanoseconds()) {
        record(() -> run.route.recordFailure(took));
      }
    }

    private void settle(Runnable verdict) {
      if (settled.compareAndSet(false, true) && !stopped) {
        record(verdict);
      }
    }
  }
}
