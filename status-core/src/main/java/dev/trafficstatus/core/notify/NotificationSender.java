package dev.trafficstatus.core.notify;

import static dev.trafficstatus.spi.InvalidSettingException.text;

import dev.trafficstatus.spi.Lifecycle;
import dev.trafficstatus.spi.notify.Notifier;
import dev.trafficstatus.spi.store.Delivery;
import dev.trafficstatus.spi.store.OutboxStore;
import dev.trafficstatus.spi.store.StatusStore;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

/**
 * Hands the outbox's events to the configured notifiers (docs/ARCHITECTURE.md, "Notifications").
 *
 * <p>Every {@code interval}, on its own daemon thread ({@value #THREAD_NAME}), it claims what is
 * due inside {@link StatusStore#runExclusive} (duty {@value #DUTY}), so one process claims at a
 * time: for each receiver that is not still busy, the head of each notice's queue, leased to this
 * process long enough to send the whole batch. Each receiver's batch then goes out on that
 * receiver's own threads ({@link ReceiverLane}), each send cut by {@code timeout}: one slow or hung
 * receiver never holds back another. A process killed mid-send leaves its deliveries leased; when
 * the lease runs out another process claims them and sends them again, with the same idempotency
 * key. It never runs on a request thread and touches nothing of capture.
 */
public final class NotificationSender implements Lifecycle {

  /** The duty's name for {@link StatusStore#runExclusive}. */
  public static final String DUTY = "notifications";

  /** The thread that claims. */
  public static final String THREAD_NAME = "trafficstatus-notify";

  /** Deliveries claimed per receiver and round: the heads of this many notices at most. */
  static final int BATCH = 10;

  /** How long stopping waits beyond the timeout for the sends in progress to be recorded. */
  private static final Duration STOP_GRACE = Duration.ofSeconds(1);

  /** Beyond the retry schedule, how old an event a receiver still gets (one added later). */
  static final Duration CATCH_UP = Duration.ofDays(1);

  private final StatusStore store;
  private final List<Notifier> notifiers;
  private final Map<String, ReceiverLane> lanes = new LinkedHashMap<>();
  private final NotificationSettings settings;
  private final Clock clock;
  private final String owner;
  private final Duration horizon;
  private final System.Logger log;
  private ScheduledExecutorService executor;
  private boolean failing;

  /**
   * @param store the store whose outbox and notices are read
   * @param notifiers the receivers, each with a name of its own
   * @param settings how often, how long, how many times
   * @param links where notices' pages are
   * @param page the page's part of every body ({@code {"id", "name", "url"}}), if any
   * @param clock what "now" is: due times, leases, attempts
   * @param owner who claims, this process's instance id
   * @param random the source of jitter
   * @param log where outages (once each) and dead deliveries are logged
   * @throws IllegalArgumentException when two notifiers share a receiver name
   */
  public NotificationSender(
      StatusStore store,
      List<Notifier> notifiers,
      NotificationSettings settings,
      NoticeLinks links,
      Optional<String> page,
      Clock clock,
      String owner,
      RandomGenerator random,
      System.Logger log) {
    this.store = Objects.requireNonNull(store, "store");
    this.notifiers = List.copyOf(notifiers);
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.owner = Objects.requireNonNull(owner, "owner");
    this.log = Objects.requireNonNull(log, "log");
    RetrySchedule schedule = new RetrySchedule(settings, random);
    this.horizon = schedule.span().plus(CATCH_UP);
    NotificationComposer composer = new NotificationComposer(store, links, page);
    for (Notifier notifier : this.notifiers) {
      String receiver = notifier.receiver();
      if (lanes.containsKey(receiver)) {
        throw new IllegalArgumentException(
            "Two notifiers are both named " + receiver + "; give each its own name"
                + " (status.notifications.notifiers[].name)");
      }
      lanes.put(receiver, new ReceiverLane(notifier, composer, schedule, settings, clock, log));
    }
  }

  /**
   * The receivers' names, in configuration order.
   *
   * @return the names
   */
  public Set<String> receivers() {
    return Collections.unmodifiableSet(lanes.keySet());
  }

  /**
   * Claims what is due now, unless another process is claiming, and sends it on the receivers'
   * threads.
   *
   * @return completes when every batch claimed now is done (sent and recorded, or left to its
   *     lease); already complete when nothing was due, the store keeps no outbox or another
   *     process held the duty
   * @throws dev.trafficstatus.spi.store.StoreException when the store fails; nothing was claimed
   */
  public CompletableFuture<Void> sendDue() {
    Optional<OutboxStore> outbox = store.outbox();
    if (outbox.isEmpty() || lanes.isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    List<CompletableFuture<Void>> batches =
        store.runExclusive(DUTY, () -> claimAndSend(outbox.get())).orElse(List.of());
    return CompletableFuture.allOf(batches.toArray(CompletableFuture[]::new));
  }

  private List<CompletableFuture<Void>> claimAndSend(OutboxStore outbox) {
    Instant now = clock.instant();
    // Long enough for the whole batch to go out one send after another, each cut at the timeout.
    Instant leaseUntil =
        now.plus(settings.timeout().multipliedBy(BATCH + 1)).plus(settings.interval());
    List<CompletableFuture<Void>> batches = new ArrayList<>();
    for (ReceiverLane lane : lanes.values()) {
      if (!lane.reserve()) {
        continue;
      }
      List<Delivery> claimed;
      try {
        claimed =
            outbox.claim(
                Set.of(lane.receiver()), now.minus(horizon), now, leaseUntil, owner, BATCH);
      } catch (RuntimeException storeFailed) {
        lane.release();
        throw storeFailed;
      }
      if (claimed.isEmpty()) {
        lane.release();
      } else {
        batches.add(lane.run(outbox, claimed, leaseUntil));
      }
    }
    return batches;
  }

  /** One scheduled round: a failure is logged once per outage, never thrown. */
  void sendDueQuietly() {
    try {
      sendDue();
      if (failing) {
        failing = false;
        log.log(Level.INFO, "Notifications are claimed again");
      }
    } catch (RuntimeException failure) {
      // Events wait in the outbox; the next round claims them. Log the outage once.
      if (!failing) {
        failing = true;
        log.log(
            Level.WARNING,
            "Cannot claim notifications (" + failure + "); trying again every "
                + text(settings.interval()));
      }
    }
  }

  /**
   * Starts the notifiers, then the thread; the first round runs at once.
   *
   * @throws Exception when a notifier cannot start
   */
  @Override
  public synchronized void start() throws Exception {
    if (executor != null) {
      return;
    }
    for (Notifier notifier : notifiers) {
      notifier.start();
    }
    executor =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, THREAD_NAME);
              thread.setDaemon(true);
              return thread;
            });
    executor.scheduleWithFixedDelay(
        this::sendDueQuietly, 0, settings.interval().toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Stops claiming, lets each receiver finish the send in progress (at most the timeout), then
   * stops the notifiers. Harmless when not started.
   *
   * @throws Exception when a notifier fails to stop
   */
  @Override
  public synchronized void stop() throws Exception {
    if (executor != null) {
      executor.shutdownNow();
      executor.awaitTermination(10, TimeUnit.SECONDS);
      executor = null;
    }
    // Every lane finishes its send in progress at once, within one timeout in all.
    lanes.values().forEach(ReceiverLane::stopTaking);
    long deadline = System.nanoTime() + settings.timeout().toNanos() + STOP_GRACE.toNanos();
    for (ReceiverLane lane : lanes.values()) {
      lane.awaitStopped(deadline);
    }
    Exception first = null;
    for (Notifier notifier : notifiers) {
      try {
        notifier.stop();
      } catch (Exception failed) {
        first = first == null ? failed : first;
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
