package dev.trafficstatus.store.jdbi.internal;

import dev.trafficstatus.spi.store.EventType;
import dev.trafficstatus.spi.store.OutboxEvent;

/**
 * A row of {@code status_outbox_events}, as written (its {@code seq} comes from the database).
 *
 * @param id the event's id
 * @param type {@link EventType#name()}
 * @param noticeId the notice it is about, or null
 * @param createdAt epoch microseconds
 * @param payload the JSON text, as given
 */
public record EventRow(String id, String type, String noticeId, long createdAt, String payload) {

  /**
   * The row of an event.
   *
   * @param event the event
   * @return its row
   */
  public static EventRow of(OutboxEvent event) {
    return new EventRow(
        event.id(),
        event.type().name(),
        event.noticeId(),
        UtcPeriods.micros(event.createdAt()),
        event.payload());
  }

  /**
   * The event of this row.
   *
   * @return the event
   */
  public OutboxEvent toEvent() {
    return new OutboxEvent(
        id, EventType.valueOf(type), noticeId, UtcPeriods.instantOfMicros(createdAt), payload);
  }
}
