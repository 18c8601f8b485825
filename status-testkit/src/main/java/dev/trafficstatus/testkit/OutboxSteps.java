package dev.trafficstatus.testkit;

import static dev.trafficstatus.testkit.StoreTestData.T0;
import static dev.trafficstatus.testkit.StoreTestData.minute;

import dev.trafficstatus.spi.store.Delivery;
import dev.trafficstatus.spi.store.DeliveryAttempt;
import dev.trafficstatus.spi.store.DeliveryAttempt.Outcome;
import dev.trafficstatus.spi.store.OutboxStore;
import dev.trafficstatus.spi.store.StatusStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** What the outbox contracts do as a sender would: claim, deliver, drain. */
final class OutboxSteps {

  /** The receiver most tests deliver to. */
  static final String HOOK = "hook";

  /** When most tests' events happen. */
  static final Instant AT = minute(0, 10, 0);

  private OutboxSteps() {}

  /** The store's outbox. */
  static OutboxStore outbox(StatusStore store) {
    return store
        .outbox()
        .orElseThrow(() -> new AssertionError(store.describe() + " offers no outbox"));
  }

  /** A delivery as tests compare it: event id, receiver, attempts before. */
  static String seen(Delivery delivery) {
    return delivery.event().id() + ">" + delivery.receiver() + "#" + delivery.attempts();
  }

  /** Claims as a sender with a minute's lease would. */
  static List<String> claim(OutboxStore outbox, Set<String> receivers, Instant now) {
    return outbox.claim(receivers, T0, now, now.plus(Duration.ofMinutes(1)), "i-1", 100).stream()
        .map(OutboxSteps::seen)
        .toList();
  }

  /** Records a delivered attempt. */
  static void delivered(
      OutboxStore outbox, String eventId, String receiver, int number, Instant at) {
    outbox.record(
        new DeliveryAttempt(eventId, receiver, number, at, Outcome.DELIVERED, 200, "", null));
  }

  /** Claims and delivers until nothing is due: the events delivered to {@link #HOOK}, in order. */
  static List<String> drain(OutboxStore outbox, Instant now) {
    List<String> delivered = new ArrayList<>();
    Instant leaseUntil = now.plusSeconds(60);
    for (List<Delivery> due = outbox.claim(Set.of(HOOK), T0, now, leaseUntil, "i-1", 100);
        !due.isEmpty();
        due = outbox.claim(Set.of(HOOK), T0, now, leaseUntil, "i-1", 100)) {
      for (Delivery delivery : due) {
        delivered(outbox, delivery.event().id(), delivery.receiver(), delivery.attempts() + 1, now);
        delivered.add(delivery.event().id());
      }
    }
    return delivered;
  }
}
