package dev.trafficstatus.store.jdbi.internal;

import dev.trafficstatus.spi.store.Delivery;

/**
 * A delivery a claim selected, with its event.
 *
 * @param eventSeq the event's place in the outbox
 * @param receiver the receiver
 * @param attempts attempts made before
 * @param id the event's id
 * @param type the event's type
 * @param noticeId the event's notice, or null
 * @param createdAt the event's time, epoch microseconds
 * @param payload the event's payload
 */
public record ClaimedRow(
    long eventSeq,
    String receiver,
    int attempts,
    String id,
    String type,
    String noticeId,
    long createdAt,
    String payload) {

  /**
   * The delivery as the sender gets it.
   *
   * @return the delivery
   */
  public Delivery toDelivery() {
    return new Delivery(
        new EventRow(id, type, noticeId, createdAt, payload).toEvent(), receiver, attempts);
  }
}
