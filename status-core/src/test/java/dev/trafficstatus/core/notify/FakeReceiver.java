package dev.trafficstatus.core.notify;

import dev.trafficstatus.spi.notify.Notification;
import dev.trafficstatus.spi.notify.Notifier;
import dev.trafficstatus.spi.notify.SendResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Predicate;

/**
 * A receiver that keeps what it got, for the sender's tests: it answers as told (up, down with a
 * 503, refusing with a 410) or hangs, ignoring interrupts, until released.
 */
final class FakeReceiver implements Notifier {

  /** How it answers. */
  enum Mode {
    UP,
    DOWN,
    REFUSING,
    HANGING
  }

  private final String name;
  private final List<Notification> received;
  private final CountDownLatch release = new CountDownLatch(1);
  private final CountDownLatch hung = new CountDownLatch(1);
  private volatile Mode mode = Mode.UP;
  private volatile Predicate<Notification> wants = n -> true;
  private int calls;

  FakeReceiver(String name) {
    this(name, new ArrayList<>());
  }

  /**
   * @param name the receiver's name
   * @param received where what it takes goes: one endpoint that several processes' notifiers call
   */
  FakeReceiver(String name, List<Notification> received) {
    this.name = name;
    this.received = received;
  }

  void mode(Mode mode) {
    this.mode = mode;
  }

  void wants(Predicate<Notification> wants) {
    this.wants = wants;
  }

  /** Lets hanging sends return. */
  void release() {
    release.countDown();
  }

  /** Waits until a send hangs. */
  boolean awaitHung(java.time.Duration bound) throws InterruptedException {
    return hung.await(bound.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  /** What it took (delivered), in the order it took them. */
  List<Notification> received() {
    synchronized (received) {
      return List.copyOf(received);
    }
  }

  /** The ids it took, in order. */
  List<String> receivedIds() {
    return received().stream().map(Notification::id).toList();
  }

  /** How often send was called. */
  synchronized int calls() {
    return calls;
  }

  @Override
  public String receiver() {
    return name;
  }

  @Override
  public String describe() {
    return name + " (in memory)";
  }

  @Override
  public boolean wants(Notification notification) {
    return wants.test(notification);
  }

  @Override
  public SendResult send(Notification notification) {
    synchronized (this) {
      calls++;
    }
    switch (mode) {
      case UP -> {
        synchronized (received) {
          received.add(notification);
        }
        return SendResult.delivered(200);
      }
      case DOWN -> {
        return SendResult.retry(503, "Service Unavailable");
      }
      case REFUSING -> {
        return SendResult.refused(410, "Gone");
      }
      case HANGING -> {
        hung.countDown();
        boolean interrupted = false;
        while (release.getCount() > 0) {
          try {
            release.await();
          } catch (InterruptedException ignored) {
            // A receiver that hangs does not care about being interrupted.
            interrupted = true;
          }
        }
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
        return SendResult.retry(0, "released after hanging");
      }
    }
    throw new IllegalStateException(mode.name());
  }
}
