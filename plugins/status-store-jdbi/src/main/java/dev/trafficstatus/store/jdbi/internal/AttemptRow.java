package dev.trafficstatus.store.jdbi.internal;

import dev.trafficstatus.spi.store.DeliveryAttempt;
import dev.trafficstatus.spi.store.DeliveryAttempt.Outcome;

/**
 * A row of {@code status_outbox_attempts}: one attempt to hand an event to a receiver.
 *
 * @param eventSeq the event's place in the outbox
 * @param receiver the receiver
 * @param attemptNumber the attempt's number
 * @param attemptedAt when, epoch microseconds
 * @param outcome {@link Outcome#name()}
 * @param responseCode the receiver's status code, or 0
 * @param error what went wrong, or empty
 * @param nextAttemptAt when to try again, epoch microseconds, or null
 */
public record AttemptRow(
    long eventSeq,
    String receiver,
    int attemptNumber,
    long attemptedAt,
    String outcome,
    int responseCode,
    String error,
    Long nextAttemptAt) {

  /**
   * The row of an attempt.
   *
   * @param eventSeq the event's place in the outbox
   * @param attempt the attempt
   * @return the row
   */
  public static AttemptRow of(long eventSeq, DeliveryAttempt attempt) {
    return new AttemptRow(
        eventSeq,
        attempt.receiver(),
        attempt.number(),
        UtcPeriods.micros(attempt.at()),
        attempt.outcome().name(),
        attempt.responseCode(),
        attempt.error(),
        attempt.nextAttemptAt() == null ? null : UtcPeriods.micros(attempt.nextAttemptAt()));
  }

  /**
   * The attempt of this row.
   *
   * @param eventId the event's id
   * @return the attempt
   */
  public DeliveryAttempt toAttempt(String eventId) {
    return new DeliveryAttempt(
        eventId,
        receiver,
        attemptNumber,
        UtcPeriods.instantOfMicros(attemptedAt),
        Outcome.valueOf(outcome),
        responseCode,
        error,
        nextAttemptAt == null ? null : UtcPeriods.instantOfMicros(nextAttemptAt));
  }

  /**
   * The delivery's state after this attempt.
   *
   * @return PENDING after a retry, else the outcome
   */
  public String deliveryState() {
    return switch (Outcome.valueOf(outcome)) {
      case DELIVERED -> "DELIVERED";
      case DEAD -> "DEAD";
      case SKIPPED -> "SKIPPED";
      case RETRY -> "PENDING";
    };
  }
}
