package dev.trafficstatus.core.notify;

import static dev.trafficstatus.core.notify.SenderFixture.CHECKOUT;
import static dev.trafficstatus.core.notify.SenderFixture.SEARCH;
import static dev.trafficstatus.core.notify.SenderFixture.drain;
import static dev.trafficstatus.core.notify.SenderFixture.round;
import static dev.trafficstatus.core.notify.SenderFixture.settings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficstatus.spi.notice.Notice;
import dev.trafficstatus.spi.notice.NoticeStatus;
import dev.trafficstatus.spi.notify.Notification;
import dev.trafficstatus.spi.store.DeliveryAttempt;
import dev.trafficstatus.spi.store.DeliveryAttempt.Outcome;
import dev.trafficstatus.spi.store.EventType;
import dev.trafficstatus.spi.store.OutboxEvent;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The sender hands every event to every receiver, in order per notice, and keeps at it. */
class NotificationSenderTest {

  private final SenderFixture fixture = new SenderFixture();

  @AfterEach
  void stop() throws Exception {
    fixture.close();
  }

  @Test
  void eachEventReachesEveryReceiverOnceInOrderPerNotice() throws Exception {
    FakeReceiver ops = new FakeReceiver("webhook:ops");
    FakeReceiver chat = new FakeReceiver("slack");
    NotificationSender sender = fixture.sender(NotificationSettings.defaults(), ops, chat);
    Notice checkout = fixture.open("Checkout is failing", CHECKOUT);
    fixture.clock.advance(Duration.ofMinutes(1));
    Notice search = fixture.open("Search is slow", SEARCH);
    fixture.clock.advance(Duration.ofMinutes(1));
    fixture.update(checkout, NoticeStatus.IDENTIFIED, "A bad deploy.");
    fixture.clock.advance(Duration.ofMinutes(1));
    fixture.update(checkout, NoticeStatus.RESOLVED, "Rolled back.");

    drain(sender);

    List<String> all = fixture.events().stream().map(OutboxEvent::id).toList();
    for (FakeReceiver receiver : List.of(ops, chat)) {
      assertThat(receiver.receivedIds()).containsExactlyInAnyOrderElementsOf(all);
      assertThat(typesOf(receiver, checkout))
          .containsExactly(EventType.INCIDENT_OPENED, EventType.INCIDENT_UPDATED, EventType.INCIDENT_RESOLVED);
      assertThat(typesOf(receiver, search)).containsExactly(EventType.INCIDENT_OPENED);
    }
    for (String id : all) {
      assertThat(fixture.outbox.attempts(id))
          .extracting(DeliveryAttempt::receiver, DeliveryAttempt::number, DeliveryAttempt::outcome, DeliveryAttempt::responseCode)
          .containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple("webhook:ops", 1, Outcome.DELIVERED, 200),
              org.assertj.core.groups.Tuple.tuple("slack", 1, Outcome.DELIVERED, 200));
    }
  }

  @Test
  void aNotificationCarriesTheEventTheNoticeItsUpdateAndTheLink() throws Exception {
    FakeReceiver ops = new FakeReceiver("webhook:ops");
    NotificationSender sender = fixture.sender(NotificationSettings.defaults(), ops);
    Notice checkout = fixture.open("Checkout is failing", CHECKOUT);
    fixture.clock.advance(Duration.ofMinutes(2));
    fixture.update(checkout, NoticeStatus.IDENTIFIED, "A bad deploy.");

    drain(sender);

    OutboxEvent opened = fixture.eventsOf(checkout).get(0);
    Notification first = ops.received().get(0);
    assertThat(first.id()).isEqualTo(opened.id());
    assertThat(first.json())
        .isEqualTo("{\"id\":\"" + opened.id() + "\",\"created_at\":\"2026-03-01T12:00:00Z\","
            + "\"event\":\"incident.opened\",\"incident\":{\"id\":\"" + checkout.id()
            + "\",\"status\":\"investigating\"}}");
    assertThat(first.link()).contains(URI.create(SenderFixture.PAGE + "/incidents/" + checkout.id()));
    assertThat(first.routes()).containsExactly(CHECKOUT);
    // The notice as it is now, the update as it was then.
    assertThat(first.notice().orElseThrow().status()).isEqualTo(NoticeStatus.IDENTIFIED);
    assertThat(first.update().orElseThrow().status()).isEqualTo(NoticeStatus.INVESTIGATING);
    assertThat(first.update().orElseThrow().body()).isEqualTo("We are looking into it.");
    assertThat(ops.received().get(1).update().orElseThrow().body()).isEqualTo("A bad deploy.");
  }

  @Test
  void aReceiverDownForAnHourGetsEveryEventAfterwardsInOrderPerIncident() throws Exception {
    FakeReceiver ops = new FakeReceiver("webhook:ops");
    FakeReceiver chat = new FakeReceiver("slack");
    NotificationSender sender = fixture.sender(NotificationSettings.defaults(), ops, chat);
    ops.mode(FakeReceiver.Mode.DOWN);
    Instant start = fixture.clock.instant();
    Notice checkout = null;
    Notice search = null;
    int deliveredWhileDown = 0;
    for (int minute = 0; minute <= 180; minute++) {
      fixture.clock.set(start.plus(Duration.ofMinutes(minute)));
      switch (minute) {
        case 0 -> checkout = fixture.open("Checkout is failing", CHECKOUT);
        case 10 -> fixture.update(checkout, NoticeStatus.IDENTIFIED, "A bad deploy.");
        case 20 -> search = fixture.open("Search is slow", SEARCH);
        case 30 -> fixture.update(checkout, NoticeStatus.RESOLVED, "Rolled back.");
        case 40 -> fixture.update(search, NoticeStatus.MONITORING, "Caches warmed.");
        case 60 -> {
          deliveredWhileDown = ops.received().size();
          ops.mode(FakeReceiver.Mode.UP);
        }
        default -> {}
      }
      round(sender);
      if (minute == 0) {
        assertThat(chat.received()).as("a receiver that is up is not held back").hasSize(1);
      }
    }

    assertThat(deliveredWhileDown).isZero();
    List<String> all = fixture.events().stream().map(OutboxEvent::id).toList();
    assertThat(all).hasSize(5);
    assertThat(ops.receivedIds()).containsExactlyInAnyOrderElementsOf(all);
    assertThat(typesOf(ops, checkout))
        .containsExactly(EventType.INCIDENT_OPENED, EventType.INCIDENT_UPDATED, EventType.INCIDENT_RESOLVED);
    assertThat(typesOf(ops, search)).containsExactly(EventType.INCIDENT_OPENED, EventType.INCIDENT_UPDATED);
    List<DeliveryAttempt> first =
        fixture.outbox.attempts(all.get(0)).stream().filter(a -> a.receiver().equals("webhook:ops")).toList();
    assertThat(first).extracting(DeliveryAttempt::outcome).last().isEqualTo(Outcome.DELIVERED);
    assertThat(first.subList(0, first.size() - 1))
        .isNotEmpty()
        .allSatisfy(a -> {
          assertThat(a.outcome()).isEqualTo(Outcome.RETRY);
          assertThat(a.responseCode()).isEqualTo(503);
          assertThat(a.error()).isEqualTo("Service Unavailable");
        });
    assertThat(first).extracting(DeliveryAttempt::number).isSorted().doesNotHaveDuplicates();
    assertThat(fixture.log.at(Level.WARNING)).containsExactly(
        "Notifications to webhook:ops fail (503 Service Unavailable); each is tried again, up to 10 times");
    assertThat(fixture.log.at(Level.INFO)).containsExactly("Notifications reach webhook:ops again");
  }

  @Test
  void aDeliveryIsDeadAfterMaxAttemptsAndTheNoticesNextEventGoesOn() throws Exception {
    FakeReceiver ops = new FakeReceiver("webhook:ops");
    NotificationSender sender =
        fixture.sender(settings(3, Duration.ofSeconds(10), Duration.ofMinutes(1)), ops);
    ops.mode(FakeReceiver.Mode.DOWN);
    Notice checkout = fixture.open("Checkout is failing", CHECKOUT);
    fixture.update(checkout, NoticeStatus.IDENTIFIED, "A bad deploy.");
    List<OutboxEvent> events = fixture.eventsOf(checkout);

    for (int i = 0; i < 3; i++) {
      round(sender);
      fixture.clock.advance(Duration.ofMinutes(2));
    }
    ops.mode(FakeReceiver.Mode.UP);
    drain(sender);

    List<DeliveryAttempt> attempts = fixture.outbox.attempts(events.get(0).id());
    assertThat(attempts).extracting(DeliveryAttempt::number).containsExactly(1, 2, 3);
    assertThat(attempts).extracting(DeliveryAttempt::outcome)
        .containsExactly(Outcome.RETRY, Outcome.RETRY, Outcome.DEAD);
    assertThat(attempts).extracting(DeliveryAttempt::responseCode).containsOnly(503);
    assertThat(attempts.get(2).nextAttemptAt()).isNull();
    // 10 s, then 20 s, each 80 to 120 %.
    assertThat(Duration.between(attempts.get(0).at(), attempts.get(0).nextAttemptAt()))
        .isBetween(Duration.ofSeconds(8), Duration.ofSeconds(12));
    assertThat(Duration.between(attempts.get(1).at(), attempts.get(1).nextAttemptAt()))
        .isBetween(Duration.ofSeconds(16), Duration.ofSeconds(24));
    assertThat(ops.receivedIds()).containsExactly(events.get(1).id());
    assertThat(fixture.log.at(Level.WARNING)).contains(
        "Event " + events.get(0).id() + " (incident.opened) is not delivered to webhook:ops: gave up"
            + " after 3 attempts (503 Service Unavailable)");
  }

  @Test
  void aRefusalIsFinalAtOnce() throws Exception {
    FakeReceiver ops = new FakeReceiver("webhook:ops");
    NotificationSender sender = fixture.sender(NotificationSettings.defaults(), ops);
    ops.mode(FakeReceiver.Mode.REFUSING);
    Notice checkout = fixture.open("Checkout is failing", CHECKOUT);

    drain(sender);

    assertThat(fixture.outbox.attempts(fixture.eventsOf(checkout).get(0).id()))
        .extracting(DeliveryAttempt::outcome, DeliveryAttempt::responseCode, DeliveryAttempt::error)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Outcome.DEAD, 410, "Gone"));
    assertThat(ops.calls()).isEqualTo(1);
  }

  @Test
  void whatAReceiverLeavesOutAndEventsOfDeletedNoticesAreSkippedAndTheQueueMovesOn() throws Exception {
    FakeReceiver ops = new FakeReceiver("webhook:ops");
    ops.wants(n -> n.type() != EventType.INCIDENT_UPDATED);
    NotificationSender sender = fixture.sender(NotificationSettings.defaults(), ops);
    Notice checkout = fixture.open("Checkout is failing", CHECKOUT);
    fixture.update(checkout, NoticeStatus.IDENTIFIED, "A bad deploy.");
    fixture.update(checkout, NoticeStatus.RESOLVED, "Rolled back.");
    Notice mistake = fixture.open("Opened by mistake", SEARCH);
    fixture.notices.delete(mistake.id());

    drain(sender);

    List<OutboxEvent> events = fixture.eventsOf(checkout);
    assertThat(ops.receivedIds()).containsExactly(events.get(0).id(), events.get(2).id());
    assertThat(fixture.outbox.attempts(events.get(1).id()))
        .extracting(DeliveryAttempt::outcome, DeliveryAttempt::error)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(
            Outcome.SKIPPED, "left out by the receiver's events or routes"));
    assertThat(fixture.outbox.attempts(fixture.eventsOf(mistake).get(0).id()))
        .extracting(DeliveryAttempt::outcome, DeliveryAttempt::error)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(
            Outcome.SKIPPED, "its notice was deleted before it was sent"));
  }

  @Test
  void routeStateChangesAreSentOnlyWhereConfigured() throws Exception {
    FakeReceiver quiet = new FakeReceiver("webhook:quiet");
    FakeReceiver noisy = new FakeReceiver("webhook:noisy");
    NotificationSettings off = NotificationSettings.defaults();
    NotificationSettings on =
        new NotificationSettings(true, off.interval(), off.timeout(), off.maxAttempts(),
            off.initialBackoff(), off.maxBackoff(), true);
    NotificationSender offSender = fixture.sender(off, quiet);
    NotificationSender onSender = fixture.sender("i-2", on, noisy);
    OutboxEvent changed =
        new OutboxEvent("0000000000r1", EventType.ROUTE_STATE_CHANGED, null, fixture.clock.instant(),
            "{\"event\":\"route.state_changed\"}");
    fixture.outbox.append(List.of(changed));

    drain(offSender);
    drain(onSender);

    assertThat(quiet.received()).isEmpty();
    assertThat(noisy.receivedIds()).containsExactly(changed.id());
    assertThat(noisy.received().get(0).notice()).isEmpty();
    assertThat(noisy.received().get(0).link()).isEmpty();
    assertThat(fixture.outbox.attempts(changed.id()))
        .filteredOn(a -> a.receiver().equals("webhook:quiet"))
        .extracting(DeliveryAttempt::outcome)
        .containsExactly(Outcome.SKIPPED);
  }

  private static List<EventType> typesOf(FakeReceiver receiver, Notice notice) {
    return receiver.received().stream()
        .filter(n -> n.notice().map(Notice::id).orElse("").equals(notice.id()))
        .map(Notification::type)
        .toList();
  }
}
