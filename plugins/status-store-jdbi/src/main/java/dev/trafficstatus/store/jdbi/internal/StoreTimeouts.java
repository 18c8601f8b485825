package dev.trafficstatus.store.jdbi.internal;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the store's work may take before it fails, so a database that stops answering costs
 * callers a bounded wait, never a hang.
 *
 * @param statement each statement of the page's reads, flushes and API edits (a JDBC query timeout)
 * @param maintenance each statement of rollups and retention, which may read a day of minutes
 * @param migration waiting for another process's migration, and each statement of one
 */
public record StoreTimeouts(Duration statement, Duration maintenance, Duration migration) {

  /** What a database that does not answer at all is given beyond a timeout, before the socket gives up. */
  public static final Duration SOCKET_MARGIN = Duration.ofSeconds(5);

  /** Checks every timeout is at least a second. */
  public StoreTimeouts {
    for (Duration timeout : new Duration[] {statement, maintenance, migration}) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.compareTo(Duration.ofSeconds(1)) < 0) {
        throw new IllegalArgumentException("timeouts must be at least 1s, got " + timeout);
      }
    }
  }

  /**
   * A timeout in whole seconds, as JDBC takes it, rounded up.
   *
   * @param timeout the timeout
   * @return its seconds
   */
  public static int seconds(Duration timeout) {
    long seconds = timeout.toSeconds() + (timeout.getNano() > 0 ? 1 : 0);
    return (int) Math.min(Integer.MAX_VALUE, Math.max(1, seconds));
  }
}
