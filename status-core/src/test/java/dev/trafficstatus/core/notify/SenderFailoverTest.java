package dev.trafficstatus.core.notify;

import static dev.trafficstatus.core.notify.SenderFixture.CHECKOUT;
import static dev.trafficstatus.core.notify.SenderFixture.round;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trafficstatus.spi.notice.Notice;
import dev.trafficstatus.spi.notice.NoticeStatus;
import dev.trafficstatus.spi.notify.Notification;
import dev.trafficstatus.spi.store.Delivery;
import dev.trafficstatus.spi.store.DeliveryAttempt;
import dev.trafficstatus.spi.store.DeliveryAttempt.Outcome;
import dev.trafficstatus.spi.store.OutboxEvent;
import dev.trafficstatus.spi.store.StoreException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Several processes share the outbox: a claim is leased, a sender that died is replaced when its
 * lease runs out, senders running at once never send one delivery twice, and a store outage only
 * delays.
 */
class SenderFailoverTest {

  private final SenderFixture fixture = new SenderFixture();

  @AfterEach
  void stop() throws Exception {
    fixture.close();
  }

  @Test
  void whatADeadSenderClaimedIsSentAgainWithTheSameKeyWhenItsLeaseRunsOut() throws Exception {
    FakeReceiver ops = new FakeReceiver("webhook:ops");
    NotificationSender survivor = fixture.sender("i-2", NotificationSettings.defaults(), ops);
    Notice checkout = fixture.open("Checkout is failing", CHECKOUT);
    Instant now = fixture.clock.instant();
    // Another process claims, starts sending, and is killed before it records anything.
    List<Delivery> taken =
        fixture.outbox.claim(Set.of("webhook:ops"), Instant.EPOCH, now, now.plus(Duration.ofMinutes(2)), "i-1", 10);
    assertThat(taken).hasSize(1);

    round(survivor);
    assertThat(ops.received()).as("leased to the dead process").isEmpty();
    fixture.clock.advance(Duration.ofMinutes(2));
    round(survivor);

    assertThat(ops.receivedIds()).containsExactly(taken.get(0).event().id());
    assertThat(fixture.outbox.attempts(taken.get(0).event().id()))
        .extracting(DeliveryAttempt::number, DeliveryAttempt::outcome)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1, Outcome.DELIVERED));
    assertThat(checkout.id()).isEqualTo(taken.get(0).event().noticeId());
  }

  @Test
  void sendersOfSeveralProcessesAtOnceSendEachDeliveryOnce() throws Exception {
    List<Notification> endpoint = Collections.synchronizedList(new ArrayList<>());
    List<NotificationSender> senders = new ArrayList<>();
    for (int process = 1; process <= 3; process++) {
      senders.add(
          fixture.sender(
              "i-" + process, NotificationSettings.defaults(), new FakeReceiver("webhook:ops", endpoint)));
    }
    for (int i = 0; i < 20; i++) {
      Notice incident = fixture.open("Incident " + i, CHECKOUT);
      fixture.update(incident, NoticeStatus.RESOLVED, "Over.");
    }

    ExecutorService processes = Executors.newFixedThreadPool(senders.size());
    try {
      List<Future<?>> running = new ArrayList<>();
      for (NotificationSender sender : senders) {
        running.add(processes.submit(() -> {
          for (int round = 0; round < 30; round++) {
            round(sender);
          }
          return null;
        }));
      }
      for (Future<?> process : running) {
        process.get(60, TimeUnit.SECONDS);
      }
    } finally {
      processes.shutdownNow();
    }

    List<String> all = fixture.events().stream().map(OutboxEvent::id).toList();
    assertThat(all).hasSize(40);
    assertThat(endpoint.stream().map(Notification::id).toList())
        .containsExactlyInAnyOrderElementsOf(all);
  }

  @Test
  void aStoreOutageIsLoggedOnceAndSendingResumesAfterIt() throws Exception {
    FakeReceiver ops = new FakeReceiver("webhook:ops");
    NotificationSender sender = fixture.sender(NotificationSettings.defaults(), ops);
    Notice checkout = fixture.open("Checkout is failing", CHECKOUT);
    fixture.store.down(true);

    assertThatThrownBy(() -> round(sender)).isInstanceOf(StoreException.class);
    sender.sendDueQuietly();
    sender.sendDueQuietly();
    fixture.store.down(false);
    sender.sendDueQuietly();
    SenderFixture.await("the event sent", Duration.ofSeconds(30), () -> !ops.received().isEmpty());

    assertThat(fixture.log.at(Level.WARNING))
        .singleElement()
        .asString()
        .startsWith("Cannot claim notifications (")
        .endsWith("); trying again every 5s");
    assertThat(fixture.log.at(Level.INFO)).containsExactly("Notifications are claimed again");
    assertThat(ops.receivedIds()).containsExactly(fixture.eventsOf(checkout).get(0).id());
  }

  @Test
  void startedItSendsOnItsOwnDaemonThreadUntilStopped() throws Exception {
    FakeReceiver ops = new FakeReceiver("webhook:ops");
    NotificationSettings d = NotificationSettings.defaults();
    NotificationSender sender =
        fixture.sender(
            new NotificationSettings(true, Duration.ofMillis(100), d.timeout(), d.maxAttempts(),
                d.initialBackoff(), d.maxBackoff(), false),
            ops);
    Notice checkout = fixture.open("Checkout is failing", CHECKOUT);

    sender.start();
    SenderFixture.await("the event sent", Duration.ofSeconds(30), () -> !ops.received().isEmpty());
    assertThat(ops.receivedIds()).containsExactly(fixture.eventsOf(checkout).get(0).id());
    assertThat(threads(NotificationSender.THREAD_NAME)).isNotEmpty().allMatch(Thread::isDaemon);

    sender.stop();
    // The pool has terminated; its thread ends a moment later.
    SenderFixture.await("the thread ends", Duration.ofSeconds(30), () -> threads(NotificationSender.THREAD_NAME).isEmpty());
  }

  private static List<Thread> threads(String name) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals(name) && t.isAlive())
        .toList();
  }
}
