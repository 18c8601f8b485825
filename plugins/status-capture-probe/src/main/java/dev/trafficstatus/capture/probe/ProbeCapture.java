package dev.trafficstatus.capture.probe;

import dev.trafficstatus.spi.RouteDescriptor;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.capture.Capture;
import dev.trafficstatus.spi.capture.Recorder;
import dev.trafficstatus.spi.capture.RouteRecorder;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
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
import java.util.stream.Collectors;

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

  /** Targets see who is calling in their access logs. */
  private static final String USER_AGENT = "TrafficStatus-Probe";

  /** Redirects followed per attempt at most, as the JDK client's own default. */
  private static final int MAX_REDIRECTS = 5;

  private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

  /** Names listed by {@link #describe()} at most; a urls.cfg may hold hundreds. */
  private static final int NAMES_DESCRIBED = 10;

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
    if (runs.isEmpty()) {
      return "no probes: list them under probes or in a urlsFile";
    }
    long fromFile = runs.stream().filter(run -> run.probe.fromUrlsFile()).count();
    List<io.dropwizard.util.Duration> intervals =
        runs.stream().map(run -> run.probe.interval()).sorted().toList();
    io.dropwizard.util.Duration shortest = intervals.get(0);
    io.dropwizard.util.Duration longest = intervals.get(intervals.size() - 1);
    return runs.size() + (runs.size() == 1 ? " probe" : " probes")
        + (fromFile > 0 ? " (" + fromFile + " from " + urlsFile + ")" : "")
        + ", every " + Probe.text(shortest)
        + (shortest.compareTo(longest) < 0 ? " to " + Probe.text(longest) : "")
        + ", at most " + maxConcurrency + " at a time: "
        + runs.stream()
            .limit(NAMES_DESCRIBED)
            .map(run -> run.probe.name())
            .collect(Collectors.joining(", "))
        + (runs.size() > NAMES_DESCRIBED
            ? " and " + (runs.size() - NAMES_DESCRIBED) + " more"
            : "");
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

  /** A probe and what it needs per round; {@code busy} while it waits for a permit or runs. */
  private static final class ProbeRun {
    final Probe probe;
    final RouteRecorder route;
    final AtomicBoolean busy = new AtomicBoolean();
    private final String authorization;

    ProbeRun(Probe probe, RouteRecorder route) {
      this.probe = probe;
      this.route = route;
      // User info is sent as basic auth, as curl (which Statsig's page used) sends it.
      String userInfo = probe.url().uri().getUserInfo();
      this.authorization =
          userInfo == null
              ? null
              : "Basic "
                  + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
    }

    HttpRequest request(URI target, Duration timeout) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(target)
              .timeout(timeout)
              .header("User-Agent", USER_AGENT)
              .method(probe.method().name(), HttpRequest.BodyPublishers.noBody());
      if (authorization != null && sameOrigin(target, probe.url().uri())) {
        request.header("Authorization", authorization);
      }
      // Plain http would otherwise carry an h2c upgrade offer, which some servers and proxies
      // answer badly; https negotiates HTTP/2 safely through TLS.
      if (target.getScheme().equalsIgnoreCase("http")) {
        request.version(HttpClient.Version.HTTP_1_1);
      }
      return request.build();
    }
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
        URI next = nextHop(response);
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

    /**
     * Where a redirect leads, when this probe follows redirects and this one may be followed: at
     * most {@value ProbeCapture#MAX_REDIRECTS} in a row, never from https to http (as the JDK
     * client's own NORMAL policy). Otherwise null, and the redirect's own status is judged.
     */
    private URI nextHop(HttpResponse<?> response) {
      if (!run.probe.followRedirects()
          || !REDIRECTS.contains(response.statusCode())
          || redirects >= MAX_REDIRECTS) {
        return null;
      }
      String location = response.headers().firstValue("Location").orElse("").strip();
      if (location.isEmpty()) {
        return null;
      }
      URI next;
      try {
        next = current.resolve(new URI(location));
      } catch (URISyntaxException | IllegalArgumentException unusable) {
        return null;
      }
      String scheme = next.getScheme() == null ? "" : next.getScheme().toLowerCase(Locale.ROOT);
      boolean downgrade = current.getScheme().equalsIgnoreCase("https") && scheme.equals("http");
      boolean web = scheme.equals("http") || scheme.equals("https");
      if (!web || next.getHost() == null || downgrade) {
        return null;
      }
      return next;
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

  /** Same scheme, host and port: where the probe's own credentials may go. */
  private static boolean sameOrigin(URI a, URI b) {
    return a.getScheme().equalsIgnoreCase(b.getScheme())
        && a.getHost().equalsIgnoreCase(b.getHost())
        && effectivePort(a) == effectivePort(b);
  }

  private static int effectivePort(URI uri) {
    if (uri.getPort() != -1) {
      return uri.getPort();
    }
    return uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
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
