package dev.trafficstatus.spi.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One process that writes into the store: a run of an app from its start to its stop (a restarted
 * app is a new instance, with a new id). Kept so the page can tell a route nobody uses from a
 * route whose instances stopped reporting, and so the versions an app ran mark its deploys.
 *
 * @param instance the instance id, unique per process run (as in {@link MinuteBucket#instance()})
 * @param service the service it records under
 * @param host the name of the host it runs on
 * @param version the app's version (its jar manifest's {@code Implementation-Version}, or {@code
 *     status.version}), or null when unknown: such an instance marks no deploy
 * @param startedAt when it started
 * @param lastFlushAt when its flusher last wrote to the store successfully (a flush with nothing
 *     to write counts), or null before its first
 * @param stoppedAt when it stopped cleanly, after its last flush; null while it runs, and for good
 *     when it died without stopping
 */
public record StoredInstance(
    String instance,
    String service,
    String host,
    String version,
    Instant startedAt,
    Instant lastFlushAt,
    Instant stoppedAt) {

  /** The longest instance id and service name, as in minute buckets and routes. */
  public static final int MAX_NAME_LENGTH = 200;

  /** The longest host name (DNS allows 253 characters). */
  public static final int MAX_HOST_LENGTH = 255;

  /** The longest version. */
  public static final int MAX_VERSION_LENGTH = 100;

  /** Checks the required parts are present, not blank, and within their lengths. */
  public StoredInstance {
    text("instance", instance, MAX_NAME_LENGTH);
    text("service", service, MAX_NAME_LENGTH);
    text("host", host, MAX_HOST_LENGTH);
    if (version != null) {
      text("version", version, MAX_VERSION_LENGTH);
    }
    Objects.requireNonNull(startedAt, "startedAt");
  }

  private static void text(String what, String value, int max) {
    Objects.requireNonNull(value, what);
    if (value.isBlank() || value.length() > max) {
      throw new IllegalArgumentException(
          what + " must be 1 to " + max + " characters, not blank; got " + value.length());
    }
  }

  /**
   * An instance that has just started: no flush yet, not stopped.
   *
   * @param instance the instance id
   * @param service the service
   * @param host the host name
   * @param version the version, or null when unknown
   * @param startedAt when it started
   * @return the instance
   */
  public static StoredInstance started(
      String instance, String service, String host, String version, Instant startedAt) {
    return new StoredInstance(instance, service, host, version, startedAt, null, null);
  }

  /**
   * This instance after a successful flush.
   *
   * @param at when the flush wrote
   * @return the instance with {@code lastFlushAt} set
   */
  public StoredInstance flushed(Instant at) {
    return new StoredInstance(instance, service, host, version, startedAt, at, stoppedAt);
  }

  /**
   * This instance after a clean stop.
   *
   * @param at when it stopped
   * @return the instance with {@code stoppedAt} set
   */
  public StoredInstance stopped(Instant at) {
    return new StoredInstance(instance, service, host, version, startedAt, lastFlushAt, at);
  }

  /**
   * The last time it was heard from: its stop, else its last flush, else its start.
   *
   * @return the instant
   */
  public Instant lastSeen() {
    Instant last = startedAt;
    if (lastFlushAt != null && lastFlushAt.isAfter(last)) {
      last = lastFlushAt;
    }
    if (stoppedAt != null && stoppedAt.isAfter(last)) {
      last = stoppedAt;
    }
    return last;
  }
}
