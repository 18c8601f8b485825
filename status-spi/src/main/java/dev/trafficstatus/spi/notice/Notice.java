package dev.trafficstatus.spi.notice;

import dev.trafficstatus.spi.PlainText;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An incident or a scheduled maintenance, as stored and as every public view shows it.
 *
 * @param id 12 lower-case base-36 characters, stable (Statuspage's form)
 * @param kind incident or maintenance
 * @param name the title: one line of at most {@value #MAX_NAME_LENGTH} characters
 * @param status where it stands; of this notice's kind
 * @param impact how much it affects the service ({@link Impact#MAINTENANCE} for maintenances)
 * @param automatic whether the evaluator opened it from the traffic
 * @param handledByPerson whether a person has written an update to it: the evaluator then adds
 *     updates about the routes but never resolves it on its own
 * @param createdAt when it was written down
 * @param startedAt when the trouble (or the window) began; may be earlier than createdAt
 * @param updatedAt when it last changed
 * @param monitoringAt when it went to monitoring, or null
 * @param resolvedAt when it was resolved (or a maintenance completed), or null while open
 * @param scheduledFor a maintenance's window start, null for incidents
 * @param scheduledUntil a maintenance's window end, null for incidents
 * @param affected the routes it affects and their latest states; empty for "the whole service"
 * @param updates its timeline, newest first
 * @param version the store's revision of this notice, for optimistic concurrency: a save
 *     replaces the stored notice only if its version is still the one read
 */
public record Notice(
    String id,
    NoticeKind kind,
    String name,
    NoticeStatus status,
    Impact impact,
    boolean automatic,
    boolean handledByPerson,
    Instant createdAt,
    Instant startedAt,
    Instant updatedAt,
    Instant monitoringAt,
    Instant resolvedAt,
    Instant scheduledFor,
    Instant scheduledUntil,
    List<RouteState> affected,
    List<NoticeUpdate> updates,
    long version) {

  /** The longest name, in characters (Unicode code points). */
  public static final int MAX_NAME_LENGTH = 200;

  private static final Pattern ID = Pattern.compile("[0-9a-z]{12}");

  /** Checks the parts are present and consistent. */
  public Notice {
    checkId(id);
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    PlainText.checkLine("name", name, MAX_NAME_LENGTH);
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(impact, "impact");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    affected = List.copyOf(affected);
    updates = List.copyOf(updates);
    if (status.kind() != kind) {
      throw new IllegalArgumentException("status " + status.wireName() + " is not a " + kind + " status");
    }
    if ((kind == NoticeKind.MAINTENANCE) != (scheduledFor != null && scheduledUntil != null)) {
      throw new IllegalArgumentException("a maintenance, and only a maintenance, has a window");
    }
    if (scheduledFor != null && scheduledUntil != null && !scheduledUntil.isAfter(scheduledFor)) {
      throw new IllegalArgumentException("a maintenance window ends after it starts");
    }
    if (status.isOpen() == (resolvedAt != null)) {
      throw new IllegalArgumentException("resolvedAt is set exactly when the notice is closed");
    }
  }

  /**
   * Whether it is still open.
   *
   * @return true unless resolved or completed
   */
  public boolean isOpen() {
    return status.isOpen();
  }

  /**
   * Checks an id has the form of notice and update ids.
   *
   * @param id the id
   * @throws IllegalArgumentException when it is not 12 lower-case base-36 characters
   */
  static void checkId(String id) {
    Objects.requireNonNull(id, "id");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("an id is 12 lower-case letters and digits, got " + id.length() + " characters");
    }
  }
}
