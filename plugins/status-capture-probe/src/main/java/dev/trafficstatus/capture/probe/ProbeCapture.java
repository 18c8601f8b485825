package dev.trafficstatus.capture.probe;

import dev.trafficstatus.spi.RouteDescriptor;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.capture.Capture;
import dev.trafficstatus.spi.capture.Recorder;
import dev.trafficstatus.spi.capture.RouteRecorder;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Runs the probes: each on its own jittered schedule, at most {@code maxConcurrency} requests in
 * flight, every answer judged against the probe's expected codes and recorded on its route.
 *
 * <p>Threads: one scheduler thread decides when probes are due and enforces their deadlines; the
 * JDK HTTP client sends asynchronously on a small pool of its own. No thread ever blocks on a
 * target, so one slow target cannot delay the others beyond the concurrency bound.
 *
 * <p>A due probe waits in a queue for a permit of the {@link Semaphore}; a probe still waiting or
 * in flight when its next round comes skips that round (counted, not queued twice), so a slow
 * target never builds a backlog.
 *
 * <p>Redirects are followed here rather than by the client: the JDK 17 client, following a
 * redirect of a request that has a timeout, now and then fails the redirected request
 * ("fixed content-length: …, bytes received: 0"); and following them here keeps credentials from
 * the probe's URL away from other origins.
 */
final class ProbeCapture implements Capture {

  private static final System.Logger LOG = System.getLogger(ProbeCapture.class.getName());

  /** How long {@link #stop()} waits for its threads to end. */
  private static final Duration STOP_WAIT = Duration.ofSeconds(5);

  private final List<ProbeRun> runs;
  private final int maxConcurrency;
  private final String urlsFile;
  private final Recorder recorder;
  private final Semaphore permits;
  private final Queue<ProbeRun> waiting = new ConcurrentLinkedQueue<>();
  private final Set<Attempt> inFlight = ConcurrentHashMap.newKeySet();
  private final LongAdder skippedRounds = new LongAdder();
  private final AtomicBoolean skipLogged = new AtomicBoolean();
  private final AtomicBoolean started = new AtomicBoolean();
  private volatile boolean stopped;
  private volatile ScheduledThreadPoolExecutor scheduler;
  private volatile ExecutorService httpThreads;
  private volatile HttpClient client;

  /**
   * Declares one route per probe; starts nothing.
   *
   * @param probes the probes, names unique
   * @param maxConcurrency the most requests in flight at once
   * @param urlsFile the urls.cfg path, for {@link #describe()}; null when none
   * @param service the service the routes belong to
   * @param recorder where answers are recorded
   */
  ProbeCapture(
      List<Probe> probes, int maxConcurrency, String urlsFile, String service, Recorder recorder) {
    this.maxConcurrency = maxConcurrency;
    this.urlsFile = urlsFile;
    this.recorder = recorder;
    this.permits = new Semaphore(maxConcurrency);
    this.runs =
        probes.stream()
            .map(
                probe ->
                    new ProbeRun(
                        probe,
                        recorder.route(
                            new RouteDescriptor(
                                new RouteKey(service, probe.rule()),
                                probe.name(),
                                probe.doc(),
                                ProbeCaptureFactory.GROUP))))
            .toList();
  }

  @Override
  public String describe() {
    return ProbeSummary.describe(runs, urlsFile, maxConcurrency);
  }

  @Override
  public void start() {
    if (runs.isEmpty()) {
      return;
    }
    if (stopped || !started.compareAndSet(false, true)) {
      throw new IllegalStateException("a probe capture starts once");
    }
    ScheduledThreadPoolExecutor timer =
        new ScheduledThreadPoolExecutor(1, daemon("trafficstatus-probe-scheduler"));
    timer.setRemoveOnCancelPolicy(true);
    httpThreads = Executors.newCachedThreadPool(daemon("trafficstatus-probe-http"));
    client =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .executor(httpThreads)
            .build();
    scheduler = timer;
    for (ProbeRun run : runs) {
      timer.schedule(
          () -> round(run),
          Jitter.first(run.probe.interval().toJavaDuration(), ThreadLocalRandom.current())
              .toNanos(),
          TimeUnit.NANOSECONDS);
    }
  }

  /**
   * Stops scheduling, cancels the requests in flight (nothing is recorded for them: their target
   * did not fail, we hung up) and waits a bounded time for the threads to end.
   */
  @Override
  public void stop() throws InterruptedException {
    stopped = true;
    ScheduledThreadPoolExecutor timer = scheduler;
    if (timer == null) {
      return;
    }
    timer.shutdownNow();
    for (Attempt attempt : List.copyOf(inFlight)) {
      attempt.abandon();
    }
    httpThreads.shutdownNow();
    long deadline = System.nanoTime() + STOP_WAIT.toNanos();
    boolean ended =
        timer.awaitTermination(STOP_WAIT.toNanos(), TimeUnit.NANOSECONDS)
            && httpThreads.awaitTermination(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
    if (!ended) {
      LOG.log(
          Level.WARNING,
          "Probe threads were still running " + STOP_WAIT.toSeconds() + "s"
              + " after stopping; they are daemon threads and end with the process");
    }
  }

  /** One round of a probe, on the scheduler thread: plans the next round, then queues this one. */
  private void round(ProbeRun run) {
    if (stopped) {
      return;
    }
    try {
      // Planned first, so nothing that goes wrong below can end the probe's schedule.
      scheduler.schedule(
          () -> round(run),
          Jitter.next(run.probe.interval().toJavaDuration(), ThreadLocalRandom.current())
              .toNanos(),
          TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException stopping) {
      return;
    }
    try {
      if (!run.busy.compareAndSet(false, true)) {
        skipped(run);
        return;
      }
      waiting.add(run);
      dispatch();
    } catch (RuntimeException bug) {
      recorder.failed(bug);
    }
  }

  private void skipped(ProbeRun run) {
    skippedRounds.increment();
    if (skipLogged.compareAndSet(false, true)) {
      LOG.log(
          Level.WARNING,
          "Probe '" + run.probe.name() + "' skipped a round: its previous attempt was still waiting"
              + " for a free slot or running. Further skips are only counted; raise maxConcurrency"
              + " (now " + maxConcurrency + ") or shorten timeouts.");
    }
  }

  /**
   * Sends waiting probes while permits last. Called after a probe was queued and after an attempt
   * released its permit, from any thread; a permit taken with nothing left to send is given back
   * and the queue looked at again, so a probe queued meanwhile is never stranded.
   */
  private void dispatch() {
    while (!stopped && !waiting.isEmpty() && permits.tryAcquire()) {
      ProbeRun next = waiting.poll();
      if (next == null) {
        permits.release();
        continue;
      }
      send(next);
    }
  }

  private void send(ProbeRun run) {
    Attempt attempt = new Attempt(run);
    inFlight.add(attempt);
    try {
      attempt.deadline(
          scheduler.schedule(
              attempt::timedOut, run.probe.timeout().toNanoseconds(), TimeUnit.NANOSECONDS));
      attempt.sendTo(run.probe.url().uri());
    } catch (RejectedExecutionException stopping) {
      attempt.abandon();
    } catch (RuntimeException bug) {
      attempt.settle(() -> recorder.failed(bug));
    }
  }

  /** Rounds skipped because the probe's previous attempt was still waiting or running. */
  long skippedRounds() {
    return skippedRounds.sum();
  }

  private static ThreadFactory daemon(String name) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /**
   * One request of one probe. It ends exactly once, whichever comes first: the answer, the
   * deadline, or {@link ProbeCapture#stop()}; the first settles it, the others find it settled.
   */
  private final class Attempt {
    private final ProbeRun run;
    private final long startedNanos = System.nanoTime();
    private final AtomicBoolean settled = new AtomicBoolean();
    private volatile URI current;
    private volatile int redirects;
    private volatile CompletableFuture<?> call;
    private volatile Future<?> deadline;

    Attempt(ProbeRun run) {
      this.run = run;
    }

    /**
     * Sends the request, or the next one of a redirect chain, with what is left of the timeout.
     * The body is read and dropped: the connection can be reused, and a target that answers its
     * headers quickly but its body slowly still runs into the deadline.
     */
    void sendTo(URI target) {
      Duration left =
          Duration.ofNanos(
              startedNanos + run.probe.timeout().toNanoseconds() - System.nanoTime());
      if (left.isZero() || left.isNegative()) {
        timedOut();
        return;
      }
      current = target;
      CompletableFuture<HttpResponse<Void>> sent =
          client.sendAsync(run.request(target, left), HttpResponse.BodyHandlers.discarding());
      call(sent);
      sent.whenComplete(this::answered);
    }

    private void call(CompletableFuture<?> sent) {
      call = sent;
      if (settled.get()) {
        sent.cancel(true);
      }
    }

    void deadline(Future<?> timer) {
      deadline = timer;
      if (settled.get()) {
        timer.cancel(false);
      }
    }

    /** The client's completion: an answer, or why there was none. */
    void answered(HttpResponse<Void> response, Throwable error) {
      long latency = System.nanoTime() - startedNanos;
      if (error == null) {
        int status = response.statusCode();
        URI next = Redirects.next(run.probe, current, redirects, response);
        if (next != null) {
          redirects++;
          try {
            sendTo(next);
          } catch (RuntimeException cannotFollow) {
            settle(() -> recorder.failed(cannotFollow));
          }
          return;
        }
        settle(
            () -> {
              if (run.probe.expects(status)) {
                run.route.recordSuccess(latency);
              } else {
                run.route.recordFailure(latency);
              }
            });
        return;
      }
      Throwable cause = unwrap(error);
      if (cause instanceof IOException) {
        // Refused, reset, unresolvable, TLS failure, or the client's own timeout: the target
        // gave no answer, which is what a probe exists to notice.
        settle(() -> run.route.recordFailure(latency));
      } else if (cause instanceof CancellationException) {
        // Only this class cancels, and only after settling: nothing left to do.
        settle(() -> {});
      } else {
        settle(() -> recorder.failed(cause));
      }
    }

    /** The deadline passed without an answer: a failure, and the request is called off. */
    void timedOut() {
      long latency = System.nanoTime() - startedNanos;
      settle(() -> run.route.recordFailure(latency));
      cancelCall();
    }

    /** Stopping: the attempt ends unrecorded. */
    void abandon() {
      settle(() -> {});
      cancelCall();
    }

    void settle(Runnable outcome) {
      if (!settled.compareAndSet(false, true)) {
        return;
      }
      inFlight.remove(this);
      Future<?> timer = deadline;
      if (timer != null) {
        timer.cancel(false);
      }
      try {
        if (!stopped) {
          outcome.run();
        }
      } catch (RuntimeException broken) {
        // The pipeline threw; it must not take the probe's permit or schedule with it.
        recorder.failed(broken);
      } finally {
        run.busy.set(false);
        permits.release();
      }
      dispatch();
    }

    private void cancelCall() {
      CompletableFuture<?> sent = call;
      if (sent != null) {
        sent.cancel(true);
      }
    }
  }

  private static Throwable unwrap(Throwable error) {
    Throwable cause = error;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }
}
