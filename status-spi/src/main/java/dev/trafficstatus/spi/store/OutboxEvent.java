package dev.trafficstatus.spi.store;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Something to tell the notifiers, written to the store's outbox in the same transaction as the
 * change that caused it: no event is lost when a process dies right after a change, and none is
 * sent for a change that rolled back.
 *
 * @param id a stable id, 12 lower-case base-36 characters; receivers drop duplicates by it
 * @param type what happened
 * @param noticeId the notice it is about, or null (a route's state change)
 * @param createdAt when it happened
 * @param payload what is sent, as JSON text (the notice in Statuspage's field names, for notice
 *     events); written by the server, kept as it is by the store
 */
public record OutboxEvent(String id, EventType type, String noticeId, Instant createdAt, String payload) {

  private static final Pattern ID = Pattern.compile("[0-9a-z]{12}");

  /** Checks the parts are present. */
  public OutboxEvent {
    Objects.requireNonNull(id, "id");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("an event id is 12 lower-case letters and digits");
    }
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(payload, "payload");
  }
}
