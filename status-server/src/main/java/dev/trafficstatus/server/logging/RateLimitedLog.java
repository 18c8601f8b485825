package dev.trafficstatus.server.logging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;

/**
 * Logs one kind of trouble at most once per interval, with its stack trace, and counts the rest:
 * so a client that keeps sending what the server cannot handle, or a database down for an hour,
 * cannot fill the disk with log lines. The next line logged says how many were left out.
 */
public final class RateLimitedLog {

  private final Logger log;
  private final Duration interval;
  private final Clock clock;
  private final AtomicReference<Instant> next = new AtomicReference<>(Instant.MIN);
  private final AtomicLong suppressed = new AtomicLong();

  /**
   * @param log where to log
   * @param interval at most one line this often
   * @param clock what "now" is
   */
  public RateLimitedLog(Logger log, Duration interval, Clock clock) {
    this.log = Objects.requireNonNull(log, "log");
    this.interval = Objects.requireNonNull(interval, "interval");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Logs a warning, unless one was logged within the interval.
   *
   * @param message what happened
   * @param cause why, logged with its stack trace
   */
  public void warn(String message, Throwable cause) {
    if (due()) {
      log.warn(message + leftOut(), cause);
    }
  }

  /**
   * Logs an error, unless one was logged within the interval.
   *
   * @param message what happened
   * @param cause why, logged with its stack trace
   */
  public void error(String message, Throwable cause) {
    if (due()) {
      log.error(message + leftOut(), cause);
    }
  }

  private boolean due() {
    Instant now = clock.instant();
    Instant due = next.get();
    if (now.isBefore(due) || !next.compareAndSet(due, now.plus(interval))) {
      suppressed.incrementAndGet();
      return false;
    }
    return true;
  }

  private String leftOut() {
    long count = suppressed.getAndSet(0);
    return count == 0 ? "" : " (" + count + " more like it left out of the log since the last)";
  }
}
