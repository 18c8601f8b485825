package dev.trafficstatus.core.notify;

import static dev.trafficstatus.core.notify.SenderFixture.CHECKOUT;
import static dev.trafficstatus.core.notify.SenderFixture.SEARCH;
import static dev.trafficstatus.core.notify.SenderFixture.round;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficstatus.spi.notice.Notice;
import dev.trafficstatus.spi.store.DeliveryAttempt;
import dev.trafficstatus.spi.store.DeliveryAttempt.Outcome;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A receiver that hangs holds back no other, and its send is cut by the timeout. */
class ReceiverIsolationTest {

  private static final Duration BOUND = Duration.ofSeconds(30);

  private final SenderFixture fixture = new SenderFixture();

  @AfterEach
  void stop() throws Exception {
    fixture.close();
  }

  private static NotificationSettings timeout(Duration timeout) {
    NotificationSettings d = NotificationSettings.defaults();
    return new NotificationSettings(
        true, d.interval(), timeout, d.maxAttempts(), d.initialBackoff(), d.maxBackoff(), false);
  }

  @Test
  void whileOneReceiverHangsAnotherGetsEveryEventRoundAfterRound() throws Exception {
    FakeReceiver hung = new FakeReceiver("webhook:hung");
    FakeReceiver chat = new FakeReceiver("slack");
    hung.mode(FakeReceiver.Mode.HANGING);
    // A timeout far beyond anything this test waits for: the hang lasts until released.
    NotificationSender sender = fixture.sender(timeout(Duration.ofMinutes(5)), hung, chat);
    Notice checkout = fixture.open("Checkout is failing", CHECKOUT);

    CompletableFuture<Void> first = sender.sendDue();
    assertThat(hung.awaitHung(BOUND)).isTrue();
    SenderFixture.await("slack got the first event", BOUND, () -> chat.received().size() == 1);
    Notice search = fixture.open("Search is slow", SEARCH);
    // Rounds until slack has it: slack's lane is free again only once its first send is recorded,
    // a moment after slack received it; the hung lane stays busy all along.
    long deadline = System.nanoTime() + BOUND.toNanos();
    while (chat.received().size() < 2 && System.nanoTime() < deadline) {
      round(sender);
      Thread.sleep(10);
    }

    assertThat(chat.receivedIds())
        .containsExactly(fixture.eventsOf(checkout).get(0).id(), fixture.eventsOf(search).get(0).id());
    assertThat(hung.calls()).as("its lane is busy: nothing more is claimed for it").isEqualTo(1);
    assertThat(fixture.outbox.attempts(fixture.eventsOf(checkout).get(0).id()))
        .extracting(DeliveryAttempt::receiver)
        .containsExactly("slack");

    hung.release();
    first.get(BOUND.toSeconds(), TimeUnit.SECONDS);
    assertThat(fixture.outbox.attempts(fixture.eventsOf(checkout).get(0).id()))
        .filteredOn(a -> a.receiver().equals("webhook:hung"))
        .extracting(DeliveryAttempt::outcome, DeliveryAttempt::error)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Outcome.RETRY, "released after hanging"));
  }

  @Test
  void aSendThatNeverReturnsIsCutByTheTimeoutAndTheReceiverIsTriedAgain() throws Exception {
    FakeReceiver hung = new FakeReceiver("webhook:hung");
    hung.mode(FakeReceiver.Mode.HANGING);
    NotificationSender sender = fixture.sender(timeout(Duration.ofMillis(500)), hung);
    Notice checkout = fixture.open("Checkout is failing", CHECKOUT);
    String opened = fixture.eventsOf(checkout).get(0).id();

    // Returns (a liveness bound): the hung send is cut, though it ignores being interrupted.
    round(sender);

    assertThat(fixture.outbox.attempts(opened))
        .extracting(DeliveryAttempt::outcome, DeliveryAttempt::responseCode, DeliveryAttempt::error)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Outcome.RETRY, 0, "no answer within 500ms"));
    // The stuck thread is left behind: the next attempt gets a thread of its own.
    hung.mode(FakeReceiver.Mode.UP);
    fixture.clock.advance(Duration.ofMinutes(10));
    round(sender);
    assertThat(hung.receivedIds()).containsExactly(opened);
    assertThat(fixture.outbox.attempts(opened)).extracting(DeliveryAttempt::outcome)
        .containsExactly(Outcome.RETRY, Outcome.DELIVERED);
  }
}
