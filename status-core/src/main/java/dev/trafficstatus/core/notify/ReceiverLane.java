package dev.trafficstatus.core.notify;

import static dev.trafficstatus.spi.InvalidSettingException.text;

import dev.trafficstatus.spi.notify.Notification;
import dev.trafficstatus.spi.notify.Notifier;
import dev.trafficstatus.spi.notify.SendResult;
import dev.trafficstatus.spi.store.Delivery;
import dev.trafficstatus.spi.store.DeliveryAttempt;
import dev.trafficstatus.spi.store.DeliveryAttempt.Outcome;
import dev.trafficstatus.spi.store.EventType;
import dev.trafficstatus.spi.store.OutboxStore;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One receiver's own threads: a driver that works through the receiver's claimed deliveries one at
 * a time, and a worker that makes each send, which the driver stops waiting for after the timeout.
 * A receiver that hangs holds up only its own lane; a send that ignores being interrupted costs a
 * worker thread, which is abandoned and replaced, never the lane.
 *
 * <p>Each delivery ends in one attempt recorded in the outbox: delivered, retried at the
 * schedule's next time, dead, or skipped (the receiver's filters leave it out, its notice was
 * deleted, route state changes are off). A delivery that is not recorded (the store failed, the
 * process stops) is claimed again when its lease runs out, and sent again with the same id.
 */
final class ReceiverLane {

  private final Notifier notifier;
  private final NotificationComposer composer;
  private final RetrySchedule schedule;
  private final NotificationSettings settings;
  private final Clock clock;
  private final System.Logger log;
  private final ExecutorService driver;
  private final AtomicBoolean busy = new AtomicBoolean();
  private volatile ExecutorService worker;
  private volatile boolean stopping;
  /** Whether the receiver's last attempt failed; read and written on the driver thread only. */
  private boolean failing;

  /**
   * @param notifier the receiver
   * @param composer turns events into notifications
   * @param schedule when to retry
   * @param settings the timeout, and whether route state changes are sent
   * @param clock what "now" is
   * @param log where a receiver's failures (once per outage) and dead deliveries are logged
   */
  ReceiverLane(
      Notifier notifier,
      NotificationComposer composer,
      RetrySchedule schedule,
      NotificationSettings settings,
      Clock clock,
      System.Logger log) {
    this.notifier = Objects.requireNonNull(notifier, "notifier");
    this.composer = Objects.requireNonNull(composer, "composer");
    this.schedule = Objects.requireNonNull(schedule, "schedule");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.log = Objects.requireNonNull(log, "log");
    this.driver = Executors.newSingleThreadExecutor(named(""));
    this.worker = Executors.newSingleThreadExecutor(named("-send"));
  }

  /**
   * The receiver's name.
   *
   * @return the name
   */
  String receiver() {
    return notifier.receiver();
  }

  /**
   * Reserves the lane for a batch, unless it still works on the last one.
   *
   * @return whether the caller may now claim for this receiver and {@link #run} the batch
   */
  boolean reserve() {
    return !stopping && busy.compareAndSet(false, true);
  }

  /** Gives back a reservation that found nothing to send. */
  void release() {
    busy.set(false);
  }

  /**
   * Sends a reserved batch on the lane's threads.
   *
   * @param outbox where attempts are recorded
   * @param batch the claimed deliveries, at most one per notice
   * @param leaseUntil until when the claim holds: no send starts that could outlast it
   * @return completes when the batch is done; never exceptionally
   */
  CompletableFuture<Void> run(OutboxStore outbox, List<Delivery> batch, Instant leaseUntil) {
    try {
      return CompletableFuture.runAsync(
          () -> {
            try {
              for (Delivery delivery : batch) {
                if (stopping
                    || !clock.instant().plus(settings.timeout()).isBefore(leaseUntil)
                    || !deliver(outbox, delivery)) {
                  // What is left is claimed again, by any process, when the lease runs out.
                  return;
                }
              }
            } finally {
              busy.set(false);
            }
          },
          driver);
    } catch (RejectedExecutionException stopped) {
      busy.set(false);
      return CompletableFuture.completedFuture(null);
    }
  }

  /** One delivery, start to record; false when the lane should stop this batch. */
  private boolean deliver(OutboxStore outbox, Delivery delivery) {
    Instant at = clock.instant();
    Optional<Notification> notification;
    try {
      notification = composer.compose(delivery.event());
    } catch (RuntimeException storeFailed) {
      log.log(Level.DEBUG, "Cannot read the notice of event {0}: {1}", delivery.event().id(), storeFailed);
      return false;
    }
    if (notification.isEmpty()) {
      return record(outbox, skipped(delivery, at, "its notice was deleted before it was sent"));
    }
    if (delivery.event().type() == EventType.ROUTE_STATE_CHANGED && !settings.routeStateChanges()) {
      return record(
          outbox,
          skipped(delivery, at, "route state changes are off (status.notifications.routeStateChanges)"));
    }
    SendResult result;
    try {
      if (!notifier.wants(notification.get())) {
        return record(outbox, skipped(delivery, at, "left out by the receiver's events or routes"));
      }
      result = sendWithin(notification.get());
    } catch (InterruptedException stopped) {
      Thread.currentThread().interrupt();
      return false;
    } catch (RuntimeException broken) {
      // The class only: a message may quote a URL that carries a secret.
      result = SendResult.retry(0, "the notifier failed: " + broken.getClass().getName());
    }
    return record(outbox, attempt(delivery, at, result));
  }

  /** Sends on the worker and waits at most the timeout. */
  private SendResult sendWithin(Notification notification) throws InterruptedException {
    Future<SendResult> sending = worker.submit(() -> notifier.send(notification));
    try {
      SendResult result = sending.get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
      return result != null ? result : SendResult.retry(0, "the notifier returned no result");
    } catch (TimeoutException late) {
      sending.cancel(true);
      // The send may ignore the interrupt: leave its thread behind rather than queue behind it.
      ExecutorService stuck = worker;
      worker = Executors.newSingleThreadExecutor(named("-send"));
      stuck.shutdownNow();
      return SendResult.retry(0, "no answer within " + text(settings.timeout()));
    } catch (ExecutionException failed) {
      return SendResult.retry(0, "the send failed: " + failed.getCause().getClass().getName());
    } catch (InterruptedException stopped) {
      sending.cancel(true);
      throw stopped;
    }
  }

  private DeliveryAttempt attempt(Delivery delivery, Instant at, SendResult result) {
    int number = delivery.attempts() + 1;
    String eventId = delivery.event().id();
    String receiver = delivery.receiver();
    return switch (result.outcome()) {
      case DELIVERED -> {
        if (failing) {
          failing = false;
          log.log(Level.INFO, "Notifications reach {0} again", receiver);
        }
        yield new DeliveryAttempt(
            eventId, receiver, number, at, Outcome.DELIVERED, result.responseCode(), "", null);
      }
      case RETRY -> {
        Optional<Instant> next = schedule.nextAttempt(number, clock.instant(), result.retryAfter());
        if (next.isEmpty()) {
          yield dead(delivery, number, at, result, "gave up after " + number + " attempts");
        }
        if (!failing) {
          failing = true;
          log.log(
              Level.WARNING,
              "Notifications to {0} fail ({1}); each is tried again, up to {2} times",
              receiver, describe(result), settings.maxAttempts());
        }
        yield new DeliveryAttempt(
            eventId, receiver, number, at, Outcome.RETRY, result.responseCode(), result.error(),
            next.get());
      }
      case REFUSED -> dead(delivery, number, at, result, "refused by the receiver");
    };
  }

  private DeliveryAttempt dead(Delivery delivery, int number, Instant at, SendResult result, String why) {
    log.log(
        Level.WARNING,
        "Event {0} ({1}) is not delivered to {2}: {3} ({4})",
        delivery.event().id(), delivery.event().type().wireName(), delivery.receiver(), why,
        describe(result));
    return new DeliveryAttempt(
        delivery.event().id(), delivery.receiver(), number, at, Outcome.DEAD, result.responseCode(),
        result.error(), null);
  }

  private static String describe(SendResult result) {
    return (result.responseCode() > 0 ? result.responseCode() + " " : "") + result.error();
  }

  private static DeliveryAttempt skipped(Delivery delivery, Instant at, String why) {
    return new DeliveryAttempt(
        delivery.event().id(), delivery.receiver(), delivery.attempts() + 1, at, Outcome.SKIPPED, 0,
        why, null);
  }

  /** Records an attempt; false when the store failed (the delivery is claimed again later). */
  private boolean record(OutboxStore outbox, DeliveryAttempt attempt) {
    try {
      outbox.record(attempt);
      return true;
    } catch (RuntimeException storeFailed) {
      log.log(
          Level.DEBUG, "Cannot record the attempt of event {0} for {1}: {2}", attempt.eventId(),
          attempt.receiver(), storeFailed);
      return false;
    }
  }

  /** Takes no more batches; the batch in progress ends after its current send. */
  void stopTaking() {
    stopping = true;
    driver.shutdown();
  }

  /**
   * Waits for the send in progress until a deadline, then interrupts it. What was not recorded is
   * claimed again when its lease runs out.
   *
   * @param deadline when to stop waiting, by {@link System#nanoTime()}
   * @throws InterruptedException when interrupted while waiting
   */
  void awaitStopped(long deadline) throws InterruptedException {
    if (!driver.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
      driver.shutdownNow();
    }
    worker.shutdownNow();
  }

  private java.util.concurrent.ThreadFactory named(String suffix) {
    String name = "trafficstatus-notify-" + notifier.receiver() + suffix;
    return task -> {
      Thread thread = new Thread(task, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
