package dev.trafficstatus.testkit;

import static dev.trafficstatus.testkit.NoticeTestData.*;
import static dev.trafficstatus.testkit.OutboxSteps.*;
import static dev.trafficstatus.testkit.StoreTestData.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trafficstatus.spi.Health;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.notice.Notice;
import dev.trafficstatus.spi.notice.NoticeStatus;
import dev.trafficstatus.spi.store.ConcurrentChangeException;
import dev.trafficstatus.spi.store.Delivery;
import dev.trafficstatus.spi.store.DeliveryAttempt;
import dev.trafficstatus.spi.store.DeliveryAttempt.Outcome;
import dev.trafficstatus.spi.store.EventType;
import dev.trafficstatus.spi.store.NoticeStore;
import dev.trafficstatus.spi.store.OutboxStore;
import dev.trafficstatus.spi.store.StatusStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link OutboxStore}, for a store that offers notices and the outbox ({@link
 * StatusStore#outbox()}): a store plugin's contract test implements it beside extending {@link
 * StatusStoreContract}. Events are written exactly when the change that carries them commits;
 * each receiver gets the events of a notice one at a time in order (a retried delivery blocks the
 * later ones, a dead one does not); leases keep a claimed delivery from other senders until they
 * run out; two claimers at once never get the same delivery. It runs {@link
 * OutboxRecordsContract} too.
 */
public interface OutboxContract extends OutboxRecordsContract {

  @Test
  default void routeStatesAreRecordedWithTheirEventsAndKeptAcrossARestart() throws Exception {
    StatusStore store = store();
    OutboxStore outbox = outbox(store);
    RouteKey checkout = new RouteKey("shop", "/checkout");
    RouteKey search = new RouteKey("shop", "/search");
    assertThat(outbox.routeStates()).isEmpty();

    outbox.recordRouteStates(Map.of(checkout, Health.OPERATIONAL, search, Health.OPERATIONAL), AT, List.of());
    outbox.recordRouteStates(Map.of(checkout, Health.MAJOR_OUTAGE), AT.plusSeconds(60),
        List.of(event(id("ev", 1), EventType.ROUTE_STATE_CHANGED, null, AT.plusSeconds(60))));

    OutboxStore again = outbox(restarted(store));
    assertThat(again.routeStates())
        .isEqualTo(Map.of(checkout, Health.MAJOR_OUTAGE, search, Health.OPERATIONAL));
    assertThat(claim(again, Set.of(HOOK), AT.plusSeconds(120))).containsExactly(id("ev", 1) + ">hook#0");
  }

  @Test
  default void firingAlertsAreRecordedWithTheirEventsAndKeptAcrossARestart() throws Exception {
    StatusStore store = store();
    OutboxStore outbox = outbox(store);
    String fast = "checkout (availability) 14.4x over 1h and 5m";
    String slow = "checkout (availability) 1x over 3d and 6h";
    assertThat(outbox.firingAlerts()).isEmpty();

    outbox.recordAlerts(Set.of(fast, slow), Set.of(), AT,
        List.of(event(id("ev", 1), EventType.OBJECTIVE_BURNING, null, AT)));
    outbox.recordAlerts(Set.of(), Set.of(fast), AT.plusSeconds(60), List.of());
    outbox.recordAlerts(Set.of(fast), Set.of(), AT.plusSeconds(120),
        List.of(event(id("ev", 2), EventType.OBJECTIVE_BURNING, null, AT.plusSeconds(120))));
    outbox.recordAlerts(Set.of(), Set.of(slow), AT.plusSeconds(180), List.of());

    OutboxStore again = outbox(restarted(store));
    assertThat(again.firingAlerts()).containsExactly(fast);
    assertThat(claim(again, Set.of(HOOK), AT.plusSeconds(240))).containsExactly(id("ev", 1) + ">hook#0");
  }

  @Test
  default void eachNoticesEventsAreClaimedOneAtATimeInTheOrderTheyWereWritten() throws Exception {
    StatusStore store = store();
    NoticeStore notices = notices(store);
    OutboxStore outbox = outbox(store);
    Notice first =
        notices.save(
            incident(id("inc", 1), AT),
            List.of(event(id("ev", 1), EventType.INCIDENT_OPENED, id("inc", 1), AT)));
    notices.save(
        incident(id("inc", 2), AT),
        List.of(event(id("ev", 4), EventType.INCIDENT_OPENED, id("inc", 2), AT.plusSeconds(30))));
    first =
        notices.save(
            updated(first, NoticeStatus.IDENTIFIED, AT.plusSeconds(60), "Found it."),
            List.of(
                event(id("ev", 2), EventType.INCIDENT_UPDATED, first.id(), AT.plusSeconds(60))));
    notices.save(
        closed(first, AT.plusSeconds(120)),
        List.of(event(id("ev", 3), EventType.INCIDENT_RESOLVED, first.id(), AT.plusSeconds(120))));
    Instant now = AT.plusSeconds(180);

    assertThat(claim(outbox, Set.of(HOOK), now))
        .containsExactly(id("ev", 1) + ">hook#0", id("ev", 4) + ">hook#0");
    assertThat(claim(outbox, Set.of(HOOK), now)).as("leased, and the rest wait for them").isEmpty();
    delivered(outbox, id("ev", 1), HOOK, 1, now);
    assertThat(claim(outbox, Set.of(HOOK), now)).containsExactly(id("ev", 2) + ">hook#0");
    delivered(outbox, id("ev", 2), HOOK, 1, now);
    delivered(outbox, id("ev", 4), HOOK, 1, now);
    assertThat(claim(outbox, Set.of(HOOK), now)).containsExactly(id("ev", 3) + ">hook#0");
    delivered(outbox, id("ev", 3), HOOK, 1, now);
    assertThat(claim(outbox, Set.of(HOOK), now)).isEmpty();
  }

  @Test
  default void eventsAreWrittenExactlyWhenTheChangeCarryingThemCommits() throws Exception {
    StatusStore store = store();
    NoticeStore notices = notices(store);
    Notice opened = incident(id("inc", 1), AT);
    Notice saved =
        notices.save(
            opened, List.of(event(id("ev", 1), EventType.INCIDENT_OPENED, opened.id(), AT)));

    assertThatThrownBy(
            () ->
                notices.save(
                    opened,
                    List.of(event(id("ev", 2), EventType.INCIDENT_OPENED, opened.id(), AT))))
        .isInstanceOf(ConcurrentChangeException.class);
    assertThatThrownBy(
            () ->
                notices.save(
                    atVersion(closed(saved, AT.plusSeconds(60)), 7),
                    List.of(event(id("ev", 3), EventType.INCIDENT_RESOLVED, opened.id(), AT))))
        .isInstanceOf(ConcurrentChangeException.class);
    assertThat(
            notices.delete(
                id("inc", 9),
                List.of(event(id("ev", 4), EventType.INCIDENT_RESOLVED, id("inc", 9), AT))))
        .isFalse();
    assertThat(
            notices.delete(
                opened.id(),
                List.of(event(id("ev", 5), EventType.INCIDENT_RESOLVED, opened.id(), AT))))
        .isTrue();

    assertThat(drain(outbox(store), AT.plusSeconds(120))).containsExactly(id("ev", 1), id("ev", 5));
  }

  @Test
  default void aRetryBlocksItsNoticeUntilDueAndADeadDeliveryNoLonger() throws Exception {
    StatusStore store = store();
    NoticeStore notices = notices(store);
    OutboxStore outbox = outbox(store);
    Notice opened =
        notices.save(
            incident(id("inc", 1), AT),
            List.of(event(id("ev", 1), EventType.INCIDENT_OPENED, id("inc", 1), AT)));
    notices.save(
        closed(opened, AT.plusSeconds(10)),
        List.of(event(id("ev", 2), EventType.INCIDENT_RESOLVED, opened.id(), AT.plusSeconds(10))));
    Instant now = AT.plusSeconds(20);

    assertThat(claim(outbox, Set.of(HOOK), now)).containsExactly(id("ev", 1) + ">hook#0");
    Instant retryAt = now.plus(Duration.ofMinutes(5));
    outbox.record(
        new DeliveryAttempt(
            id("ev", 1), HOOK, 1, now, Outcome.RETRY, 503, "Service Unavailable", retryAt));

    assertThat(claim(outbox, Set.of(HOOK), now.plus(Duration.ofMinutes(4)))).isEmpty();
    assertThat(claim(outbox, Set.of(HOOK), retryAt)).containsExactly(id("ev", 1) + ">hook#1");
    outbox.record(
        new DeliveryAttempt(id("ev", 1), HOOK, 2, retryAt, Outcome.DEAD, 410, "Gone", null));
    assertThat(claim(outbox, Set.of(HOOK), retryAt)).containsExactly(id("ev", 2) + ">hook#0");
  }

  @Test
  default void aSkippedDeliveryIsFinalAndLetsTheNextGo() throws Exception {
    StatusStore store = store();
    NoticeStore notices = notices(store);
    OutboxStore outbox = outbox(store);
    Notice opened = notices.save(incident(id("inc", 1), AT), List.of(event(id("ev", 1), EventType.INCIDENT_OPENED, id("inc", 1), AT)));
    notices.save(
        closed(opened, AT.plusSeconds(10)),
        List.of(event(id("ev", 2), EventType.INCIDENT_RESOLVED, opened.id(), AT.plusSeconds(10))));
    Instant now = AT.plusSeconds(20);

    assertThat(claim(outbox, Set.of(HOOK), now)).containsExactly(id("ev", 1) + ">hook#0");
    // The receiver's filters leave it out: never sent, and never claimed again.
    outbox.record(new DeliveryAttempt(id("ev", 1), HOOK, 1, now, Outcome.SKIPPED, 0, "left out by the receiver's events", null));

    assertThat(claim(outbox, Set.of(HOOK), now)).containsExactly(id("ev", 2) + ">hook#0");
    assertThat(outbox.attempts(id("ev", 1)))
        .extracting(DeliveryAttempt::outcome, DeliveryAttempt::error)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Outcome.SKIPPED, "left out by the receiver's events"));
  }

  @Test
  default void aLeaseKeepsADeliveryFromOtherSendersUntilItRunsOut() throws Exception {
    StatusStore store = store();
    notices(store)
        .save(
            incident(id("inc", 1), AT),
            List.of(event(id("ev", 1), EventType.INCIDENT_OPENED, id("inc", 1), AT)));
    OutboxStore outbox = outbox(store);
    Instant leaseUntil = AT.plusSeconds(30);

    assertThat(outbox.claim(Set.of(HOOK), T0, AT, leaseUntil, "i-1", 10)).hasSize(1);

    assertThat(outbox.claim(Set.of(HOOK), T0, AT.plusSeconds(29), AT.plusSeconds(89), "i-2", 10))
        .isEmpty();
    // The first sender died without a word: its delivery comes back, its attempt never counted.
    assertThat(outbox.claim(Set.of(HOOK), T0, leaseUntil, AT.plusSeconds(90), "i-2", 10))
        .extracting(OutboxSteps::seen)
        .containsExactly(id("ev", 1) + ">hook#0");
    assertThat(outbox.claim(Set.of(HOOK), T0, AT.plusSeconds(31), AT.plusSeconds(91), "i-1", 10))
        .isEmpty();
  }

  @Test
  default void eachReceiverGetsTheEventsInItsOwnOrder() throws Exception {
    StatusStore store = store();
    NoticeStore notices = notices(store);
    OutboxStore outbox = outbox(store);
    Notice opened =
        notices.save(
            incident(id("inc", 1), AT),
            List.of(event(id("ev", 1), EventType.INCIDENT_OPENED, id("inc", 1), AT)));
    notices.save(
        closed(opened, AT.plusSeconds(10)),
        List.of(event(id("ev", 2), EventType.INCIDENT_RESOLVED, opened.id(), AT.plusSeconds(10))));
    Instant now = AT.plusSeconds(20);

    assertThat(claim(outbox, Set.of("chat", "mail"), now))
        .containsExactly(id("ev", 1) + ">chat#0", id("ev", 1) + ">mail#0");
    delivered(outbox, id("ev", 1), "chat", 1, now);

    assertThat(claim(outbox, Set.of("chat", "mail"), now)).containsExactly(id("ev", 2) + ">chat#0");
    assertThat(claim(outbox, Set.of(HOOK), now))
        .as("a receiver not asked for before")
        .containsExactly(id("ev", 1) + ">hook#0");
  }

  @Test
  default void aReceiverGetsNoEventsFromBeforeItsSince() throws Exception {
    StatusStore store = store();
    OutboxStore outbox = outbox(store);
    outbox.append(
        List.of(
            event(id("ev", 1), EventType.ROUTE_STATE_CHANGED, null, AT),
            event(id("ev", 2), EventType.ROUTE_STATE_CHANGED, null, AT.plus(Duration.ofHours(2)))));
    Instant now = AT.plus(Duration.ofHours(3));
    Instant addedAt = AT.plus(Duration.ofHours(1));

    assertThat(outbox.claim(Set.of("new"), addedAt, now, now.plusSeconds(60), "i-1", 10))
        .extracting(OutboxSteps::seen)
        .containsExactly(id("ev", 2) + ">new#0");
    assertThat(outbox.claim(Set.of(HOOK), T0, now, now.plusSeconds(60), "i-1", 10))
        .extracting(OutboxSteps::seen)
        .containsExactly(id("ev", 1) + ">hook#0");
    // Events older than a later since are no longer delivered, even when they wait.
    Instant later = now.plus(Duration.ofHours(1));
    assertThat(outbox.claim(Set.of(HOOK), addedAt, later, later.plusSeconds(60), "i-1", 10))
        .extracting(OutboxSteps::seen)
        .containsExactly(id("ev", 2) + ">hook#0");
  }

  @Test
  default void aClaimTakesTheOldestDueDeliveriesUpToItsLimit() throws Exception {
    StatusStore store = store();
    NoticeStore notices = notices(store);
    for (int n = 5; n >= 1; n--) {
      // Written newest first: the outbox orders by when events were written, not by their time.
      notices.save(
          incident(id("inc", n), AT),
          List.of(event(id("ev", n), EventType.INCIDENT_OPENED, id("inc", n), AT)));
    }
    OutboxStore outbox = outbox(store);

    assertThat(outbox.claim(Set.of(HOOK), T0, AT, AT.plusSeconds(60), "i-1", 2))
        .extracting(delivery -> delivery.event().id())
        .containsExactly(id("ev", 5), id("ev", 4));
    assertThat(outbox.claim(Set.of(HOOK), T0, AT, AT.plusSeconds(60), "i-1", 10))
        .extracting(delivery -> delivery.event().id())
        .containsExactly(id("ev", 3), id("ev", 2), id("ev", 1));
    assertThat(outbox.claim(Set.of(), T0, AT, AT.plusSeconds(60), "i-1", 10)).isEmpty();
  }

  @Test
  default void twoProcessesClaimingAtOnceNeverGetTheSameDelivery() throws Exception {
    StatusStore first = store();
    StatusStore second = another(first);
    NoticeStore notices = notices(first);
    int noticeCount = 40;
    for (int n = 0; n < noticeCount; n++) {
      Notice opened =
          notices.save(
              incident(id("inc", n), AT),
              List.of(event(id("eva", n), EventType.INCIDENT_OPENED, id("inc", n), AT)));
      notices.save(
          closed(opened, AT.plusSeconds(1)),
          List.of(
              event(id("evb", n), EventType.INCIDENT_RESOLVED, id("inc", n), AT.plusSeconds(1))));
    }
    Set<String> receivers = Set.of("chat", "mail");
    int deliveries = noticeCount * 2 * receivers.size();
    Set<String> claimed = ConcurrentHashMap.newKeySet();
    Set<String> done = ConcurrentHashMap.newKeySet();
    List<String> twice = Collections.synchronizedList(new ArrayList<>());
    List<String> outOfOrder = Collections.synchronizedList(new ArrayList<>());
    CyclicBarrier together = new CyclicBarrier(2);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> senders = new ArrayList<>();
      for (StatusStore process : List.of(first, second)) {
        OutboxStore outbox = outbox(process);
        String owner = process == first ? "i-1" : "i-2";
        senders.add(
            threads.submit(
                () -> {
                  together.await(30, TimeUnit.SECONDS);
                  Instant now = AT.plusSeconds(10);
                  long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                  while (done.size() < deliveries && System.nanoTime() < deadline) {
                    for (Delivery delivery :
                        outbox.claim(receivers, T0, now, now.plus(Duration.ofHours(1)), owner, 7)) {
                      String key = delivery.event().id() + ">" + delivery.receiver();
                      if (!claimed.add(key)) {
                        twice.add(key);
                      }
                      if (delivery.event().id().startsWith("evb")
                          && !done.contains(
                              "eva"
                                  + delivery.event().id().substring(3)
                                  + ">"
                                  + delivery.receiver())) {
                        outOfOrder.add(key);
                      }
                      // Marked before it is recorded, so whoever can claim the next sees it.
                      done.add(key);
                      delivered(outbox, delivery.event().id(), delivery.receiver(), 1, now);
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> sender : senders) {
        sender.get(90, TimeUnit.SECONDS);
      }
    } finally {
      threads.shutdownNow();
    }

    assertThat(twice).as("deliveries claimed by both").isEmpty();
    assertThat(outOfOrder).as("resolutions claimed before their opening was delivered").isEmpty();
    assertThat(done).hasSize(deliveries);
  }
}
