package dev.trafficstatus.capture.healthchecks;

import io.dropwizard.util.Duration;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * When the health checks run.
 *
 * @param interval how often each check runs
 * @param timeout how long a check may run before it counts as a failure; at most the interval
 * @param maxConcurrency how many checks run at once at most
 */
record CheckSchedule(Duration interval, Duration timeout, int maxConcurrency) {

  /** Checks every part is present and the timeout fits in the interval. */
  CheckSchedule {
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(timeout, "timeout");
    if (maxConcurrency < 1) {
      throw new IllegalArgumentException("maxConcurrency must be at least 1");
    }
    if (timeout.compareTo(interval) > 0) {
      throw new IllegalArgumentException(
          "The '" + HealthCheckCaptureFactory.NAME + "' capture's timeout "
              + timeout + " is longer than its interval "
              + interval + ", so a slow check would skip every other"
              + " round; shorten the timeout or lengthen the interval");
    }
  }

  /** How long an idle check thread lives, in seconds. */
  private static final long IDLE_SECONDS = 60;

  /** The one thread that starts each round and ends the checks that outlast their timeout. */
  ScheduledThreadPoolExecutor schedulerThread() {
    ScheduledThreadPoolExecutor scheduler =
        new ScheduledThreadPoolExecutor(1, daemon("trafficstatus-healthchecks-scheduler"));
    scheduler.setRemoveOnCancelPolicy(true);
    return scheduler;
  }

  /** At most {@code maxConcurrency} threads that run the checks; none is kept while idle. */
  ThreadPoolExecutor checkThreads() {
    ThreadPoolExecutor threads =
        new ThreadPoolExecutor(
            maxConcurrency,
            maxConcurrency,
            IDLE_SECONDS,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            daemon("trafficstatus-healthchecks"));
    threads.allowCoreThreadTimeOut(true);
    return threads;
  }

  private static ThreadFactory daemon(String name) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
