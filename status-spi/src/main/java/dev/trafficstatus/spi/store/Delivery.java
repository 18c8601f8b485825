package dev.trafficstatus.spi.store;

import java.util.Objects;

/**
 * An event to hand to one receiver (a configured notifier), as the sender claimed it.
 *
 * @param event the event
 * @param receiver the receiver's name, as configuration names it
 * @param attempts attempts made before this one
 */
public record Delivery(OutboxEvent event, String receiver, int attempts) {

  /** Checks the parts are present. */
  public Delivery {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(receiver, "receiver");
    if (attempts < 0) {
      throw new IllegalArgumentException("attempts must not be negative");
    }
  }
}
