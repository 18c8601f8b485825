package dev.trafficstatus.core.status;

import java.time.Duration;
import java.util.Objects;

/**
 * One daemon thread that runs a refresh whenever one was asked for since the last began: however
 * many requests ask at once, one refresh runs at a time, and asking never waits for it.
 */
final class PageRefresher {

  private final String name;
  private final Runnable refresh;
  private final Object signal = new Object();
  private volatile boolean wanted;
  private boolean stopped;
  private Thread thread;

  /**
   * @param name the thread's name
   * @param refresh one refresh; it decides itself whether one is still due, and throws nothing
   */
  PageRefresher(String name, Runnable refresh) {
    this.name = Objects.requireNonNull(name, "name");
    this.refresh = Objects.requireNonNull(refresh, "refresh");
  }

  /** Starts the thread; a second call does nothing. */
  void start() {
    synchronized (signal) {
      if (thread != null || stopped) {
        return;
      }
      thread = new Thread(this::run, name);
      thread.setDaemon(true);
      thread.start();
    }
  }

  /** Asks for a refresh without waiting for it; cheap when one is already asked for. */
  void request() {
    if (wanted) {
      return;
    }
    synchronized (signal) {
      wanted = true;
      signal.notifyAll();
    }
  }

  /**
   * Stops the thread, waiting a bounded time for a refresh in progress: a store that does not
   * answer must not hold up shutdown (the thread is a daemon, so it cannot hold up the exit).
   *
   * @param wait how long to wait for the thread to end
   * @throws InterruptedException when interrupted while waiting
   */
  void stop(Duration wait) throws InterruptedException {
    Thread running;
    synchronized (signal) {
      stopped = true;
      running = thread;
      signal.notifyAll();
    }
    if (running != null) {
      running.interrupt();
      running.join(wait.toMillis());
    }
  }

  private void run() {
    while (true) {
      synchronized (signal) {
        while (!wanted && !stopped) {
          try {
            signal.wait();
          } catch (InterruptedException stopping) {
            return;
          }
        }
        if (stopped) {
          return;
        }
        wanted = false;
      }
      refresh.run();
    }
  }
}
