package dev.trafficstatus.spi.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One attempt to hand an event to a receiver, as recorded (secrets never in it).
 *
 * @param eventId the event's id
 * @param receiver the receiver's name
 * @param number the attempt's number, from 1
 * @param at when it was made
 * @param outcome what came of it
 * @param responseCode the receiver's status code, or 0 when there was no answer
 * @param error what went wrong, one line without secrets, or empty
 * @param nextAttemptAt when to try again ({@link Outcome#RETRY} only), else null
 */
public record DeliveryAttempt(
    String eventId,
    String receiver,
    int number,
    Instant at,
    Outcome outcome,
    int responseCode,
    String error,
    Instant nextAttemptAt) {

  /** What came of an attempt. */
  public enum Outcome {
    /** The receiver took the event: never sent again. */
    DELIVERED,
    /** It failed; tried again at {@code nextAttemptAt}. */
    RETRY,
    /** It failed for the last time (too many attempts, or a refusal that retrying cannot mend). */
    DEAD,
    /**
     * It was not sent and never will be: the receiver's filters leave it out, or its notice was
     * deleted before it was sent. Final, as delivered and dead are.
     */
    SKIPPED
  }

  /** Checks the parts are present and consistent. */
  public DeliveryAttempt {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(receiver, "receiver");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(error, "error");
    if (number < 1) {
      throw new IllegalArgumentException("attempts are numbered from 1");
    }
    if ((outcome == Outcome.RETRY) != (nextAttemptAt != null)) {
      throw new IllegalArgumentException("a retry, and only a retry, has a next attempt");
    }
  }
}
